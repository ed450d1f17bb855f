// datavoice export: the kiosk's USB export, headless, for staff with shell access. Runs the
// same export job as the staff screen, on the kiosk's own data folder.
#include "commands.hpp"

#include "core/clock.hpp"
#include "exchange/bundle.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"
#include "store/clock_records.hpp"
#include "store/store.hpp"
#include "store/store_export.hpp"

#include <cstdio>
#include <filesystem>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice export --data DIR --to DIR [--all] [--key STAFF.pub] [--drop-part-of-day]\n"
    "                        [--content PACK_DIR]\n"
    "Writes one bundle folder (docs/bundle-format.md) of the kiosk database DIR/datavoice.sqlite\n"
    "into the --to folder, reads it back to verify it, then records it as exported.\n"
    "  --all               everything, not only what earlier exports did not take\n"
    "  --key FILE          encrypt to this staff public key (default: the kiosk's configured key)\n"
    "  --drop-part-of-day  leave morning/afternoon/evening out of sessions.csv\n"
    "  --content DIR       the content pack, so summary.json can count options (default: the\n"
    "                      installed default pack)\n"
    "Exit status: 0 exported (or nothing new), 1 the export failed, 2 bad usage or input.\n";

}  // namespace

int cmd_export(const std::vector<std::string>& args) {
    std::string data, to, key_file, content = default_content_dir();
    ExportOptions options;
    Options cli("datavoice export", kUsage);
    cli.text("--data", data, Options::Need::Required);
    cli.text("--to", to, Options::Need::Required);
    cli.text("--key", key_file);
    cli.text("--content", content);
    cli.flag("--all", options.everything);
    cli.flag("--drop-part-of-day", options.drop_part_of_day);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    std::string error;
    const std::string db = data + "/datavoice.sqlite";
    if (!std::filesystem::is_regular_file(db)) return cli.fail(db + ": no kiosk database there");
    if (!key_file.empty()) {
        std::string text;
        if (read_text_file(key_file, text, error)) options.recipient = parse_staff_public_key(text, key_file, error);
        if (!options.recipient) return cli.fail(error);
    }
    PackLoad pack = load_pack_dir(content);
    if (!pack.pack) cli.say(content + ": no usable content pack; summary.json counts respondents only");
    auto store = Store::open(db, error);
    if (!store) return cli.fail(error);
    SystemClock clock;
    StoreLedger ledger(*store, clock);
    PosixFileOps fs;
    options.drive_dir = to;
    options.pack = pack.pack ? &*pack.pack : nullptr;
    // The kiosk's clock as the kiosk would judge it now, with any staff correction still valid.
    options.clock = clock_for_export_without_kiosk(*store, clock);
    options.today = options.clock->at_export.substr(0, 10);
    ExportJob job(ledger, fs, options);
    job.run();
    const ExportResult& r = job.result();
    if (r.status == ExportResult::Status::Done)
        std::printf("Exported: %s\n%s\n", r.message.c_str(), r.bundle_dir.c_str());
    else
        std::printf("%s\n", r.message.c_str());
    return r.status == ExportResult::Status::Failed ? 1 : 0;
}

}  // namespace dv::tools
