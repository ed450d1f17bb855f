// QR sync's export end to end without a screen: the same export job as a USB bundle into
// memory, frames, reassembly, the payload opened with the staff key, the files written to a
// folder that the bundle reader accepts, and marking only on the right confirmation code
// (invariants in kiosk/exchange/qr_export.hpp).
#include "exchange/bundle_rows.hpp"
#include "exchange/csv.hpp"
#include "exchange/qr_compact.hpp"
#include "exchange/qr_export.hpp"
#include "exchange/qr_receive.hpp"
#include "support/export_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

using namespace dv;

namespace {

QrExportOptions qr_options(QrKind kind) {
    QrExportOptions o;
    o.kind = kind;
    o.max_version = 15;
    o.pack = &test::tiny_pack();
    o.today = "2025-11-23";
    return o;
}

std::vector<ScannedFrame> scanned(const std::vector<std::string>& texts) {
    std::vector<ScannedFrame> out;
    for (size_t i = 0; i < texts.size(); ++i) out.push_back({texts[i], "frame" + std::to_string(i)});
    return out;
}

const std::string* file_in(const QrContents& c, const std::string& name) {
    for (const auto& f : c.files)
        if (f.name == name) return &f.bytes;
    return nullptr;
}

}  // namespace

TEST_CASE("QR export/full codes carry the plain bundle's files, encrypted and signed, and they verify as a bundle",
          "[qr]") {
    test::ExportFixture fx;
    fx.add_visits(40);
    const StaffSecretKey staff = generate_staff_key();
    QrExportOptions o = qr_options(QrKind::Full);
    o.recipient = staff.pub;
    o.parity_group = 4;
    const QrExport e = build_qr_export(*fx.ledger, o);
    INFO(e.message);
    REQUIRE(e.status == QrExport::Status::Ready);
    CHECK(e.encrypted);
    CHECK(e.frames.size() > 1);
    // Invariant 1: showing the codes marks nothing.
    CHECK(fx.store->exports().empty());
    CHECK(fx.store->staff_totals().sessions_not_exported == 40);

    auto texts = e.frames;
    std::shuffle(texts.begin(), texts.end(), std::mt19937(1));
    texts.push_back(texts.front());
    QrReceived got;
    std::string error;
    REQUIRE_FALSE(receive_qr_frames(scanned(texts), nullptr, got, error));
    CHECK(error == "the codes are encrypted: give the staff key with --key");
    INFO(error);
    REQUIRE(receive_qr_frames(scanned(texts), &staff, got, error));
    CHECK(got.kind == QrKind::Full);
    CHECK(got.repeats == 1);
    CHECK(got.contents.encrypted);
    CHECK(got.contents.signed_by_kiosk);
    CHECK(got.confirmation_code == e.confirmation_code);
    CHECK(got.confirmation_code.size() == 6);

    // Written out, the files are a bundle the staff tools' reader accepts, with every visit.
    const std::string dir = fx.dir.file("received");
    std::filesystem::create_directories(dir);
    for (const auto& f : got.contents.files) std::ofstream(dir + "/" + f.name, std::ios::binary) << f.bytes;
    BundleContents b;
    INFO(error);
    REQUIRE(open_bundle(dir, nullptr, b, error));
    CHECK(b.sessions.size() == 40);
    CHECK(b.manifest.export_id == e.export_id);
    CHECK(b.manifest.kiosk_key == got.contents.kiosk_key);
    CHECK_FALSE(b.manifest.encrypted);  // invariant 3: the payload was, the files inside are plain
}

TEST_CASE("QR export/only the right confirmation code marks the visits, and only once", "[qr]") {
    test::ExportFixture fx;
    fx.add_visits(30);
    const QrExport e = build_qr_export(*fx.ledger, qr_options(QrKind::Full));
    REQUIRE(e.status == QrExport::Status::Ready);
    std::string message;
    const std::string wrong = e.confirmation_code == "000000" ? "000001" : "000000";
    // Invariant 2: a wrong code marks nothing and keeps the export pending.
    CHECK(confirm_qr_export(*fx.ledger, wrong, message) == QrConfirmOutcome::WrongCode);
    CHECK(fx.store->exports().empty());
    CHECK(pending_qr(*fx.ledger));
    CHECK(confirm_qr_export(*fx.ledger, e.confirmation_code, message) == QrConfirmOutcome::Confirmed);
    CHECK(fx.store->staff_totals().sessions_not_exported == 0);
    REQUIRE(fx.store->exports().size() == 1);
    CHECK(fx.store->exports()[0].export_id == e.export_id);
    CHECK(confirm_qr_export(*fx.ledger, e.confirmation_code, message) == QrConfirmOutcome::NothingPending);
    std::vector<std::string> events;
    for (const auto& a : fx.store->audit_log()) events.push_back(a.event);
    for (const char* ev : {"qr_export_started", "qr_confirm_wrong", "qr_export_confirmed"})
        CHECK(std::find(events.begin(), events.end(), ev) != events.end());
}

TEST_CASE("QR export/the summary is the USB bundle's summary.json, and confirming it marks nothing", "[qr]") {
    test::ExportFixture fx;
    fx.add_visits(40);
    const QrExport e = build_qr_export(*fx.ledger, qr_options(QrKind::Summary));
    REQUIRE(e.status == QrExport::Status::Ready);
    QrReceived got;
    std::string error;
    REQUIRE(receive_qr_frames(scanned(e.frames), nullptr, got, error));
    CHECK(got.kind == QrKind::Summary);
    CHECK_FALSE(got.contents.encrypted);
    std::string message;
    CHECK(confirm_qr_export(*fx.ledger, got.confirmation_code, message) == QrConfirmOutcome::Confirmed);
    CHECK(fx.store->exports().empty());

    const BundleContents usb = fx.run_and_open(fx.options());
    const std::string* summary = file_in(got.contents, "summary.json");
    REQUIRE(summary);
    CHECK(*summary == usb.summary_json);
    CHECK(file_in(got.contents, "about.json"));
}

TEST_CASE("QR export/too few visits give nothing to show and mark nothing", "[qr]") {
    test::ExportFixture fx;
    fx.add_visits(4);
    const QrExport e = build_qr_export(*fx.ledger, qr_options(QrKind::Full));
    CHECK(e.status == QrExport::Status::NothingNew);
    CHECK(e.frames.empty());
    CHECK_FALSE(pending_qr(*fx.ledger));
}

TEST_CASE("QR export/a missing frame is named and a payload from another key is refused", "[qr]") {
    test::ExportFixture fx;
    fx.add_visits(40);
    const StaffSecretKey staff = generate_staff_key(), other = generate_staff_key();
    QrExportOptions o = qr_options(QrKind::Full);
    o.recipient = staff.pub;
    o.max_version = 10;
    const QrExport e = build_qr_export(*fx.ledger, o);
    REQUIRE(e.frames.size() >= 3);
    auto texts = e.frames;
    texts.erase(texts.begin() + 1);
    QrReceived got;
    std::string error;
    CHECK_FALSE(receive_qr_frames(scanned(texts), &staff, got, error));
    CHECK(error.rfind("frame 2 of " + std::to_string(e.frames.size()) + " is missing", 0) == 0);
    CHECK_FALSE(receive_qr_frames(scanned(e.frames), &other, got, error));
    CHECK(error == "the codes are encrypted to another staff key, or damaged");
}

TEST_CASE("QR export/compact file forms restore byte for byte, and odd files travel as they are", "[qr]") {
    std::string out, error;
    // JSON indented some other way than the bundle writes it: sent raw.
    const std::string odd_json = "{\n    \"a\": 1\n}\n";
    CompactFile c = compact_qr_file("x.json", odd_json, {});
    CHECK(c.form == QrFileForm::Raw);
    const std::string ours = "{\n  \"a\": [\n    1,\n    2\n  ]\n}\n";
    c = compact_qr_file("x.json", ours, {});
    CHECK(c.form == QrFileForm::Json);
    REQUIRE(restore_qr_file(c.form, "x.json", c.bytes, {}, out, error));
    CHECK(out == ours);

    // A CSV whose first column follows the earlier one in runs: run lengths; otherwise values.
    std::string csv = csv_start({"session_id", "v"});
    for (const char* row : {"s1", "s1", "s3"}) csv_append_row(csv, {row, "x,\"y\""});
    const std::vector<std::string> earlier{"s1", "s2", "s3"};
    for (const auto& e : {earlier, std::vector<std::string>{"s3", "s1"}}) {
        c = compact_qr_file("a.csv", csv, e);
        CHECK(c.form == QrFileForm::Columns);
        REQUIRE(restore_qr_file(c.form, "a.csv", c.bytes, e, out, error));
        CHECK(out == csv);
    }
    CHECK(compact_qr_file("a.csv", "not,a\ncsv", {}).form == QrFileForm::Raw);
    // answers.csv's wording travels joined to its question, and comes apart again.
    std::string answers = csv_start(answer_columns());
    for (const char* q : {"q1", "q2", "q1"}) csv_append_row(answers, {"s1", q, "", "yes", std::string("w-") + q});
    c = compact_qr_file("answers.csv", answers, {"s1"});
    CHECK(c.form == QrFileForm::Columns);
    CHECK(c.bytes.find(std::string("q2\x01w-q2")) != std::string::npos);
    REQUIRE(restore_qr_file(c.form, "answers.csv", c.bytes, {"s1"}, out, error));
    CHECK(out == answers);
    // A damaged packed form is refused with the file named.
    c = compact_qr_file("a.csv", csv, earlier);
    CHECK_FALSE(restore_qr_file(c.form, "a.csv", c.bytes.substr(0, c.bytes.size() - 3), earlier, out, error));
    CHECK(error == "the file a.csv inside the payload is damaged");
}
