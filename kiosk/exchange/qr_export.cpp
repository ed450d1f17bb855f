// This file implements QR sync's export and its confirmation (see qr_export.hpp).
#include "qr_export.hpp"

#include "core/hash.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

namespace dv {

namespace {

constexpr const char* kMemoryDrive = "/qr";
constexpr const char* kPendingTitle = "datavoice-qr-pending 1";

std::string about_json(const Manifest& m) {
    nlohmann::ordered_json doc;
    doc["format_version"] = 1;
    doc["kind"] = "summary";
    doc["export_id"] = m.export_id;
    doc["site_label"] = m.site_label;
    doc["created_on"] = m.created_on;
    doc["sessions_from"] = m.sessions_from;
    doc["sessions_to"] = m.sessions_to;
    return doc.dump(2) + "\n";
}

}  // namespace

std::string qr_confirmation_code(const std::string& export_id, std::string_view payload) {
    Sha256 h;
    h.update_field(export_id);
    h.update_field(payload);
    const unsigned long n = std::stoul(h.hex().substr(0, 8), nullptr, 16) % 1000000ul;
    char out[8];
    std::snprintf(out, sizeof out, "%06lu", n);
    return out;
}

QrExport build_qr_export(ExportLedger& ledger, const QrExportOptions& options) {
    QrExport out;
    out.kind = options.kind;
    MemoryFileOps drive;
    drive.make_dir(kMemoryDrive);
    ExportOptions o;
    o.drive_dir = kMemoryDrive;
    o.drop_part_of_day = options.drop_part_of_day;
    o.min_group = options.min_group;
    o.pack = options.pack;
    o.today = options.today;
    o.recipient = options.recipient;
    o.clock = options.clock;
    o.export_id = options.export_id;
    o.plain_files = true;     // the payload is encrypted as a whole (invariant 3)
    o.defer_marking = true;   // invariant 1
    ExportJob job(ledger, drive, o);
    job.run();
    const ExportResult& r = job.result();
    if (r.status != ExportResult::Status::Done) {
        out.status = r.status == ExportResult::Status::NothingNew ? QrExport::Status::NothingNew : QrExport::Status::Failed;
        out.message = r.message;
        return out;
    }
    const Manifest& m = job.manifest();
    out.export_id = m.export_id;
    out.sessions = r.sessions;
    out.answers = r.answers;
    auto take = [&](const char* name) {
        const std::string* bytes = drive.file(r.bundle_dir + "/" + name);
        out.files.push_back({name, bytes ? *bytes : std::string()});
    };
    if (options.kind == QrKind::Full) {
        for (const auto& f : m.files) take(f.name.c_str());
        take(kManifestSig);
        take(kManifestJson);
        out.mark = job.pending_mark();
        out.mark.bundle_name = r.bundle_name + " (by QR codes)";
        out.taken = job.taken();
    } else {
        take(kSummaryJson);
        out.files.push_back({kQrAboutJson, about_json(m)});
    }
    const KioskKey& signer = job.kiosk_key();
    out.encrypted = job.staff_key().has_value();
    std::string pack_error;
    auto payload = pack_qr_payload(out.files, &signer, job.staff_key(), pack_error);
    if (!payload) {
        out.status = QrExport::Status::Failed;
        out.message = "The QR codes could not be made: " + pack_error + ". Use a USB drive.";
        return out;
    }
    out.payload = std::move(*payload);
    const int capacity = qr_frame_body_capacity(options.max_version);
    const size_t needed = (out.payload.size() + static_cast<size_t>(capacity) - 1) / static_cast<size_t>(capacity);
    if (needed > static_cast<size_t>(kQrMaxFrames)) {
        out.status = QrExport::Status::Failed;
        out.message = "Too much for QR codes: it would take " + std::to_string(needed) +
                      " codes. Use a USB drive, or show a summary.";
        return out;
    }
    out.frames = make_qr_frames(out.payload, options.kind, out.export_id, capacity, options.parity_group);
    out.data_frames = static_cast<int>(needed);
    out.confirmation_code = qr_confirmation_code(out.export_id, out.payload);
    out.status = QrExport::Status::Ready;
    out.message = std::to_string(out.frames.size()) + " codes: " +
                  (options.kind == QrKind::Full ? std::to_string(r.sessions) + " visits, " + std::to_string(r.answers) +
                                                      " answers"
                                                : std::string("a summary of ") + std::to_string(r.sessions) + " visits") +
                  (out.encrypted ? ", encrypted." : ", not encrypted.");

    PendingQr p;
    p.kind = options.kind;
    p.export_id = out.export_id;
    p.code = out.confirmation_code;
    p.mark = out.mark;
    p.taken = out.taken;
    ledger.set_setting(kSettingQrPending, format_pending_qr(p));
    ledger.note("qr_export_started", std::string(qr_kind_name(options.kind)) + " " + out.export_id + ": " + out.message);
    return out;
}

std::string format_pending_qr(const PendingQr& p) {
    std::ostringstream o;
    o << kPendingTitle << "\n"
      << "kind " << qr_kind_name(p.kind) << "\n"
      << "export_id " << p.export_id << "\n"
      << "code " << p.code << "\n"
      << "bundle " << p.mark.bundle_name << "\n"
      << "made_on " << p.mark.made_on << "\n"
      << "sessions " << p.mark.sessions << "\n"
      << "answers " << p.mark.answers << "\n"
      << "from " << p.mark.sessions_from << "\n"
      << "to " << p.mark.sessions_to << "\n";
    for (const auto& [id, through] : p.taken) o << "taken " << id << " " << through << "\n";
    return o.str();
}

std::optional<PendingQr> parse_pending_qr(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::string line;
    if (!std::getline(in, line) || line != kPendingTitle) return std::nullopt;
    PendingQr p;
    try {
        while (std::getline(in, line)) {
            const auto space = line.find(' ');
            const std::string key = line.substr(0, space);
            const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
            if (key == "kind")
                p.kind = value == "full" ? QrKind::Full : QrKind::Summary;
            else if (key == "export_id")
                p.export_id = p.mark.export_id = value;
            else if (key == "code")
                p.code = value;
            else if (key == "bundle")
                p.mark.bundle_name = value;
            else if (key == "made_on")
                p.mark.made_on = value;
            else if (key == "sessions")
                p.mark.sessions = std::stoll(value);
            else if (key == "answers")
                p.mark.answers = std::stoll(value);
            else if (key == "from")
                p.mark.sessions_from = value;
            else if (key == "to")
                p.mark.sessions_to = value;
            else if (key == "taken") {
                const auto cut = value.find(' ');
                if (cut == std::string::npos) return std::nullopt;
                p.taken.emplace_back(value.substr(0, cut), std::stoll(value.substr(cut + 1)));
            }
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (p.export_id.empty() || p.code.size() != 6) return std::nullopt;
    return p;
}

std::optional<PendingQr> pending_qr(ExportLedger& ledger) {
    const auto text = ledger.setting(kSettingQrPending);
    return text && !text->empty() ? parse_pending_qr(*text) : std::nullopt;
}

QrConfirmOutcome confirm_qr_export(ExportLedger& ledger, const std::string& code, std::string& message) {
    const auto p = pending_qr(ledger);
    if (!p) {
        message = "There is no QR export waiting to be confirmed.";
        return QrConfirmOutcome::NothingPending;
    }
    if (code != p->code) {
        message = "That code does not match the QR export " + p->export_id +
                  ". Nothing was marked. Check the code the laptop printed.";
        ledger.note("qr_confirm_wrong", p->export_id);  // invariant 2
        return QrConfirmOutcome::WrongCode;
    }
    if (p->kind == QrKind::Full && !ledger.mark_exported(p->mark, p->taken)) {
        message = "The code is right, but the kiosk could not record the export (" + ledger.error() +
                  "). Try again.";
        return QrConfirmOutcome::NotRecorded;
    }
    ledger.set_setting(kSettingQrPending, "");
    if (p->kind == QrKind::Full)
        message = "Confirmed: " + std::to_string(p->mark.sessions) + " visits marked as exported.";
    else
        message = "Confirmed: the summary arrived. Nothing is marked, so the visits stay for a full export.";
    ledger.note("qr_export_confirmed", std::string(qr_kind_name(p->kind)) + " " + p->export_id +
                                           (p->kind == QrKind::Full ? ": " + std::to_string(p->mark.sessions) + " visits marked" : ""));
    return QrConfirmOutcome::Confirmed;
}

}  // namespace dv
