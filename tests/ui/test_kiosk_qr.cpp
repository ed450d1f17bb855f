// QR sync on the real kiosk under Xvfb: a database with known visits, staff unlock and show
// every answer as QR codes, the script screenshots each code; the test decodes every picture
// with zbarimg and with `datavoice qr decode` (libzbar in-process), compares the rows with the
// database, checks a missing code is named, and that only the right confirmation code marks
// the visits as exported. At 800x480 the densest codes must still decode from a screenshot.
#include "exchange/bundle.hpp"
#include "exchange/bundle_read.hpp"
#include "exchange/qr_frames.hpp"
#include "store/store_export.hpp"
#include "support/central_run.hpp"
#include "support/process.hpp"
#include "support/staff_kiosk.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <tuple>

using namespace dv;
namespace fs = std::filesystem;

namespace {

constexpr int kShots = 8;  // code-01 … code-08 in staff_qr_sync.dvs

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The exact text of each QR code in a screenshot, by the zbar command-line tool.
std::vector<std::string> zbarimg(const std::string& png) { return test::zbar_texts(png); }

std::string confirmation_code(const std::string& tool_output) {
    std::smatch m;
    REQUIRE(std::regex_search(tool_output, m, std::regex("Confirmation code: ([0-9]{6})")));
    return m[1];
}

test::ProcessResult decode(const std::vector<std::string>& inputs, const std::string& key, const std::string& out) {
    std::vector<std::string> argv{test::tool_binary(), "qr", "decode", "--key", key, "--out", out};
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    return test::run_process(argv);
}

std::vector<std::string> shot_paths(const std::string& shots) {
    std::vector<std::string> out;
    for (int i = 1; i <= kShots; ++i) out.push_back(shots + "/code-0" + std::to_string(i) + ".png");
    return out;
}

}  // namespace

TEST_CASE("Kiosk QR/codes on screen decode to the database's rows, and only the right code marks them", "[ui][qr]") {
    test::StaffKiosk k;
    k.add_visits(40);
    const StaffSecretKey staff = generate_staff_key();
    const std::string key_file = k.dir.file("staff.key");
    std::ofstream(key_file) << format_staff_secret_key(staff);
    REQUIRE(k.store()->set_setting(kSettingStaffPublicKey, format_staff_public_key(staff.pub)));

    const std::string shots = test::fresh_artefacts_dir("qr_sync");
    const auto r = k.run("staff_qr_sync.dvs", shots);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    // Every screenshot holds exactly one code, and zbarimg reads it.
    std::vector<std::string> lines;
    for (const auto& png : shot_paths(shots)) {
        const auto texts = zbarimg(png);
        INFO(png);
        REQUIRE(texts.size() == 1);
        lines.push_back(texts[0]);
    }
    const std::set<std::string> distinct(lines.begin(), lines.end());
    std::string error;
    const auto first = parse_qr_frame(lines[0], error);
    REQUIRE(first);
    const int codes = first->header.count + first->header.groups();
    CHECK(codes <= kShots);                                 // the script stepped past every code
    CHECK(static_cast<int>(distinct.size()) == codes);     // and saw each one
    const std::string zbar_text = k.dir.file("zbar.txt");
    {
        std::ofstream out(zbar_text);
        for (const auto& l : lines) out << l << "\n";
    }

    // Both readers: zbarimg's text lines, and the pictures through libzbar in-process.
    const auto from_text = decode({zbar_text}, key_file, k.dir.file("from_text"));
    INFO(from_text.out << from_text.err);
    REQUIRE(from_text.exit_code == 0);
    const auto from_png = decode(shot_paths(shots), key_file, k.dir.file("from_png"));
    INFO(from_png.out << from_png.err);
    REQUIRE(from_png.exit_code == 0);
    const std::string code = confirmation_code(from_png.out);
    CHECK(confirmation_code(from_text.out) == code);
    CHECK(test::run_process({test::tool_binary(), "verify", k.dir.file("from_png")}).exit_code == 0);
    // `datavoice collect` takes the decoded folder as it takes a USB bundle.
    const test::Collected collected = test::collect_into(k.dir.file("central.sqlite"), {k.dir.file("from_png")});
    CHECK(collected.bundles == 1);
    CHECK(collected.refused == 0);
    CHECK(collected.visits == 40);

    // The rows equal what the database holds.
    BundleContents b;
    REQUIRE(open_bundle(k.dir.file("from_png"), nullptr, b, error));
    SystemClock clock;
    auto store = k.store();
    StoreLedger ledger(*store, clock);
    std::vector<ExportSession> held;
    REQUIRE(ledger.select_sessions(true, held));
    std::set<std::tuple<std::string, std::string, std::string>> held_answers, got_answers;
    ExportAnswerSet set(held);
    ExportLedger::ReadProgress progress;
    REQUIRE(ledger.read_answer_set(set, progress, error));
    std::vector<ExportAnswer> answers;
    std::int64_t through = 0;
    for (const auto& s : held) {
        set.effective(s.session_id, answers, through);
        for (const auto& a : answers) held_answers.insert({a.session_id, a.question_id, a.value});
    }
    for (const auto& a : b.answers) got_answers.insert({a.session_id, a.question_id, a.value});
    std::set<std::string> held_ids, got_ids;
    for (const auto& s : held) held_ids.insert(s.session_id);
    for (const auto& s : b.sessions) got_ids.insert(s.session_id);
    CHECK(held_ids.size() == 40);
    CHECK(got_ids == held_ids);
    CHECK(got_answers == held_answers);
    CHECK(b.manifest.site_label == "Riverside Surgery");
    // The kiosk's clock travels with the codes, as with a USB bundle (for `datavoice collect`).
    REQUIRE(b.manifest.clock.has_value());
    CHECK(b.manifest.clock->boot >= 1);
    CHECK(b.manifest.clock->at_export.size() == 16);  // YYYY-MM-DDTHH:MM

    // Shuffled, repeated, and one data code missing with its group's parity code: it is named.
    std::vector<std::string> scrambled;
    int dropped = 0;
    for (const auto& l : distinct) {
        const auto f = parse_qr_frame(l, error);
        REQUIRE(f);
        const bool parity_of_1 = f->header.parity && f->header.index == 1;
        if (f->header.index == 1 && (parity_of_1 || (!f->header.parity && f->header.count > 1))) {
            if (!f->header.parity) dropped = 1;
            continue;
        }
        scrambled.push_back(l);
        scrambled.push_back(l);
    }
    if (first->header.count > 1) {
        REQUIRE(dropped == 1);
        std::shuffle(scrambled.begin(), scrambled.end(), std::mt19937(4));
        const std::string partial = k.dir.file("partial.txt");
        {
            std::ofstream out(partial);
            for (const auto& l : scrambled) out << l << "\n";
        }
        const auto missing = decode({partial}, key_file, k.dir.file("partial_out"));
        CHECK(missing.exit_code == 1);
        CHECK(missing.out.find("frame 1 of " + std::to_string(first->header.count) + " is missing") != std::string::npos);
    }

    // The script typed 000000: wrong (unless the code happens to be that), so nothing is marked.
    store.reset();
    auto events = k.audit_events();
    CHECK(has(events, "qr_export_started"));
    if (code != "000000") {
        CHECK(has(events, "qr_confirm_wrong"));
        CHECK(k.store()->exports().empty());
        CHECK(k.store()->staff_totals().sessions_not_exported == 40);
    }

    // Later, staff type the right code: the export is confirmed and the visits marked.
    const std::string confirm = k.dir.file("confirm.dvs");
    {
        std::ofstream s(confirm);
        s << "hold 30 30 5.5\ntap key_2\ntap key_4\ntap key_6\ntap key_8\ntap key_enter\n"
             "expect-screen staff_clock\ntap clock_right\nexpect-screen staff_home\n"
             "tap open_qr_sync\nexpect-screen staff_qr_sync\ntap qr_confirm_pending\nexpect-screen staff_qr_confirm\n";
        for (char c : code) s << "tap key_" << c << "\n";
        s << "screenshot qr-confirm-typed\ntap key_enter\nexpect-screen staff_qr_sync\nscreenshot qr-confirmed\n"
             "tap staff_back\ntap staff_exit\nexpect-screen attract\n";
    }
    const auto c = k.run(confirm, shots);
    INFO(c.err);
    REQUIRE(c.exit_code == 0);
    REQUIRE(k.store()->exports().size() == 1);
    CHECK(k.store()->exports()[0].export_id == b.manifest.export_id);
    CHECK(k.store()->staff_totals().sessions_not_exported == 0);
    CHECK(has(k.audit_events(), "qr_export_confirmed"));
}

TEST_CASE("Kiosk QR/on the 800x480 kiosk the densest codes still decode from screenshots", "[ui][qr]") {
    test::StaffKiosk k("pi-7in-800x480", 800, 480);
    {
        // The visits are from 2025: keep them (this profile purges after a year).
        std::string text = test::read_file(k.profile);
        text = std::regex_replace(text, std::regex("retention_days = [0-9]+"), "retention_days = 0");
        std::ofstream(k.profile) << text;
    }
    k.add_visits(40);
    const std::string shots = test::fresh_artefacts_dir("qr_sync_800x480");
    const auto r = k.run("staff_qr_sync.dvs", shots);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const auto& png : shot_paths(shots)) {
        INFO(png);
        CHECK(zbarimg(png).size() == 1);
    }
    const auto d = test::run_process(
        [&] {
            std::vector<std::string> argv{test::tool_binary(), "qr", "decode", "--out", k.dir.file("out")};
            for (const auto& p : shot_paths(shots)) argv.push_back(p);
            return argv;
        }());
    INFO(d.out << d.err);
    CHECK(d.exit_code == 0);
}
