// QR sync's export: the same export job as a USB bundle (bundle.hpp), run into a drive in
// memory, its files packed into a QR payload (qr_payload.hpp) and cut into frames
// (qr_frames.hpp). Format: docs/qr-format.md.
//
//   summary: summary.json (the bundle's own, suppressed counts) and about.json (site, dates,
//            export id); marks nothing, since the rows stay on the kiosk.
//   full:    sessions.csv, answers.csv, summary.json, manifest.sig, manifest.json, byte for
//            byte as a plain USB bundle; the visits are marked exported only when staff type
//            the confirmation code the receiving tool printed (confirm_qr_export()).
//
// INVARIANTS (tests in tests/unit/test_qr_export.cpp name them)
//   (1) Building frames marks nothing; only confirm_qr_export() with the right code marks, and
//       only a full export's sessions.
//   (2) A wrong code, or a code with nothing pending, marks nothing and keeps what is pending.
//   (3) With a staff key on the kiosk the payload is encrypted to it; the files inside are
//       the plain bundle files (their manifest says not encrypted).
#pragma once

#include "bundle.hpp"
#include "qr_frames.hpp"
#include "qr_payload.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dv {

inline constexpr const char* kSettingQrPending = "qr_pending_export";
inline constexpr const char* kQrAboutJson = "about.json";

struct QrExportOptions {
    QrKind kind = QrKind::Summary;
    int max_version = 15;           // density: the largest QR version a frame may use
    int parity_group = 0;           // data frames per parity frame; 0: none
    bool drop_part_of_day = false;
    int min_group = 10;
    const Pack* pack = nullptr;
    std::string today;              // YYYY-MM-DD
    std::string export_id;          // empty: a random one (tests pin it)
    std::optional<StaffPublicKey> recipient;  // overrides the kiosk's configured staff key
    std::optional<ExportClock> clock;  // the kiosk's clock for the manifest (ExportOptions::clock)
};

struct QrExport {
    enum class Status { Ready, NothingNew, Failed };
    Status status = Status::Failed;
    std::string message;  // one line for the staff screen
    QrKind kind = QrKind::Summary;
    std::string export_id;
    std::vector<std::string> frames;  // texts, in the order to show them
    int data_frames = 0;
    std::string confirmation_code;    // 6 digits
    bool encrypted = false;
    std::string payload;
    std::vector<QrFile> files;        // what the receiving side will write
    std::int64_t sessions = 0, answers = 0;
    ExportMark mark;                  // full: recorded on confirmation
    std::vector<std::pair<std::string, std::int64_t>> taken;
};

// Runs the export and makes the frames; marks nothing (invariant 1). Notes "qr_export_started"
// in the audit log and keeps the export pending (kSettingQrPending) for confirmation.
QrExport build_qr_export(ExportLedger& ledger, const QrExportOptions& options);

// Six digits from the export id and the payload: the receiving tool can print them only
// once it has every frame.
std::string qr_confirmation_code(const std::string& export_id, std::string_view payload);

struct PendingQr {
    QrKind kind = QrKind::Summary;
    std::string export_id, code;
    ExportMark mark;
    std::vector<std::pair<std::string, std::int64_t>> taken;
};
std::string format_pending_qr(const PendingQr& p);
std::optional<PendingQr> parse_pending_qr(std::string_view text);
std::optional<PendingQr> pending_qr(ExportLedger& ledger);

enum class QrConfirmOutcome { Confirmed, WrongCode, NothingPending, NotRecorded };
// Staff typed `code`: the right one marks a full export's sessions and clears what is pending
// (invariant 1); anything else marks nothing (invariant 2). message: one line for the screen.
QrConfirmOutcome confirm_qr_export(ExportLedger& ledger, const std::string& code, std::string& message);

}  // namespace dv
