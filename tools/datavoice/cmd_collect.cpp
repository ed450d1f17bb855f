// datavoice collect: brings export bundles (USB drives, decoded QR sets) from many kiosks into
// the central database, checking each one; see tools/central/collect.hpp.
#include "commands.hpp"

#include "central/collect.hpp"
#include "core/clock.hpp"
#include "exchange/files.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice collect --db CENTRAL [--key STAFF.key] [--enrol] [--lenient] [--pack-dir DIR]\n"
    "       BUNDLE_OR_DIR...\n"
    "Checks each export bundle (manifest, kiosk signature, sizes and hashes), decrypts it with\n"
    "the staff key when it is encrypted, and adds its visits to the central database. A folder\n"
    "that is not a bundle is searched for bundle folders. Collecting a bundle again adds\n"
    "nothing; a visit already present from an earlier export is not added twice.\n"
    "Only kiosks enrolled in the database are trusted (datavoice kiosk add); a bundle from a\n"
    "kiosk not yet enrolled is refused unless --enrol, which enrols it under the bundle's site\n"
    "label (compare the fingerprint collect prints with the kiosk's staff screen).\n"
    "Every answer is checked against its content pack (--pack-dir: a pack folder or a folder of\n"
    "packs; default: the installed assets/content). A row that does not fit refuses its\n"
    "bundle; with --lenient such rows are quarantined, listed, and not counted.\n"
    "CENTRAL is a SQLite file (made if missing) or postgresql://... for a PostgreSQL server.\n"
    "Exit status: 0 every bundle was collected, 1 some were refused (one line each says why),\n"
    "2 bad usage or the database or --pack-dir cannot be used.\n";

}  // namespace

int cmd_collect(const std::vector<std::string>& args) {
    std::string db_spec, key_file, pack_dir;
    std::vector<std::string> paths;
    central::CollectOptions options;
    Options cli("datavoice collect", kUsage);
    cli.text("--db", db_spec, Options::Need::Required);
    cli.text("--key", key_file);
    cli.text("--pack-dir", pack_dir);
    cli.flag("--enrol", options.enrol);
    cli.flag("--lenient", options.lenient);
    cli.arguments("BUNDLE_OR_DIR", 1, SIZE_MAX, paths);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    std::optional<StaffSecretKey> key;
    if (!read_staff_key_option(cli, key_file, key)) return 2;
    std::vector<Pack> packs;
    if (!load_pack_option(cli, pack_dir, packs)) return 2;
    std::string error;
    auto db = central::open_central_db(db_spec, error);
    if (!db) return cli.fail(error);
    options.key = key ? &*key : nullptr;
    options.packs = &packs;
    options.today = SystemClock().local_now().date();
    central::CollectTotals totals;
    const auto bundles = central::find_bundle_dirs(paths, totals.problems);
    for (const auto& line : totals.problems) std::printf("%s\n", line.c_str());
    for (const auto& dir : bundles) {
        const size_t notes_before = totals.notes.size();
        const bool collected = central::collect_bundle(*db, dir, options, totals, error);
        for (size_t i = notes_before; i < totals.notes.size(); ++i) std::printf("%s\n", totals.notes[i].c_str());
        if (!collected) {
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
    if (totals.kiosks_enrolled || totals.answers_quarantined)
        std::printf("Kiosks enrolled: %lld. Answers quarantined (not counted; listed above): %lld.\n",
                    static_cast<long long>(totals.kiosks_enrolled), static_cast<long long>(totals.answers_quarantined));
    return totals.problems.empty() ? 0 : 1;
}

}  // namespace dv::tools
