// This file implements receiving QR frames (see qr_receive.hpp).
#include "qr_receive.hpp"

#include "qr_export.hpp"

namespace dv {

bool receive_qr_frames(const std::vector<ScannedFrame>& frames, const StaffSecretKey* key, QrReceived& out,
                       std::string& error) {
    out = QrReceived{};
    QrReassembler r;
    for (const auto& f : frames) {
        std::string problem;
        switch (r.add(f.text, problem)) {
            case QrReassembler::Added::New: ++out.frames_new; break;
            case QrReassembler::Added::Repeat: ++out.repeats; break;
            case QrReassembler::Added::Refused: out.problems.push_back(f.source + ": " + problem); break;
        }
    }
    if (!r.complete()) {
        error = r.missing_text();
        if (r.started()) error += " (export " + r.header().export_id + "); scan the missing codes and run again";
        return false;
    }
    out.kind = r.header().kind;
    out.export_id = r.header().export_id;
    out.rebuilt = r.rebuilt();
    const std::string payload = r.payload();
    if (!open_qr_payload(payload, key, out.contents, error)) return false;
    out.confirmation_code = qr_confirmation_code(out.export_id, payload);
    return true;
}

}  // namespace dv
