// datavoice collect: brings export bundles (USB drives, decoded QR sets) from many kiosks into
// the central database, checking each one; see tools/central/collect.hpp.
#include "commands.hpp"

#include "central/collect.hpp"
#include "exchange/files.hpp"

#include <cstdio>
#include <optional>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice collect --db CENTRAL [--key STAFF.key] BUNDLE_OR_DIR...\n"
    "Checks each export bundle (manifest, kiosk signature, sizes and hashes), decrypts it with\n"
    "the staff key when it is encrypted, and adds its visits to the central database. A folder\n"
    "that is not a bundle is searched for bundle folders. Collecting a bundle again adds\n"
    "nothing; a visit already present from an earlier export is not added twice.\n"
    "CENTRAL is a SQLite file (made if missing) or postgresql://... for a PostgreSQL server.\n"
    "Exit status: 0 every bundle was collected, 1 some were refused (one line each says why),\n"
    "2 bad usage or the database cannot be opened.\n";

}  // namespace

int cmd_collect(const std::vector<std::string>& args) {
    std::string db_spec, key_file;
    std::vector<std::string> paths;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--db" && i + 1 < args.size()) {
            db_spec = args[++i];
        } else if (a == "--key" && i + 1 < args.size()) {
            key_file = args[++i];
        } else if (!a.empty() && a[0] != '-') {
            paths.push_back(a);
        } else {
            std::fputs(kUsage, stderr);
            return 2;
        }
    }
    if (db_spec.empty() || paths.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string error;
    std::optional<StaffSecretKey> key;
    if (!key_file.empty()) {
        if (!(key = read_staff_secret_key(key_file, error))) {
            std::fprintf(stderr, "datavoice collect: %s\n", error.c_str());
            return 2;
        }
    }
    auto db = central::open_central_db(db_spec, error);
    if (!db) {
        std::fprintf(stderr, "datavoice collect: %s\n", error.c_str());
        return 2;
    }
    central::CollectTotals totals;
    const auto bundles = central::find_bundle_dirs(paths, totals.problems);
    for (const auto& line : totals.problems) std::printf("%s\n", line.c_str());
    for (const auto& dir : bundles) {
        if (!central::collect_bundle(*db, dir, key ? &*key : nullptr, totals, error)) {
            ++totals.bundles_refused;
            totals.problems.push_back(error);
            std::printf("%s\n", error.c_str());
        }
    }
    if (totals.sessions_added > 0 && !db->refresh_statistics(error)) {
        totals.problems.push_back(error);
        std::printf("%s\n", error.c_str());
    }
    std::printf("Collected into %s: %lld bundles (%lld already collected, %lld refused), %lld visits, %lld answers; "
                "%lld visits skipped as already present.\n",
                db->backend(), static_cast<long long>(totals.bundles_imported),
                static_cast<long long>(totals.bundles_already_present), static_cast<long long>(totals.bundles_refused),
                static_cast<long long>(totals.sessions_added), static_cast<long long>(totals.answers_added),
                static_cast<long long>(totals.sessions_present));
    std::printf("Dates: %lld corrected with the kiosk's confirmed time; %lld stay uncertain.\n",
                static_cast<long long>(totals.dates_corrected), static_cast<long long>(totals.dates_uncertain));
    return totals.problems.empty() ? 0 : 1;
}

}  // namespace dv::tools
