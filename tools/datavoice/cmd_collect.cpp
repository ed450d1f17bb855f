// datavoice collect: brings export bundles (USB drives, decoded QR sets) from many kiosks into
// the central database, checking each one; see tools/central/collect.hpp.
#include "commands.hpp"

#include "central/collect.hpp"
#include "exchange/files.hpp"

#include <cstdint>
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
    Options cli("datavoice collect", kUsage);
    cli.text("--db", db_spec, Options::Need::Required);
    cli.text("--key", key_file);
    cli.arguments("BUNDLE_OR_DIR", 1, SIZE_MAX, paths);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    std::optional<StaffSecretKey> key;
    if (!read_staff_key_option(cli, key_file, key)) return 2;
    std::string error;
    auto db = central::open_central_db(db_spec, error);
    if (!db) return cli.fail(error);
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
