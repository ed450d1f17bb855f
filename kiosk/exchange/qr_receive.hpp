// The receiving side of QR sync, shared by `datavoice qr decode`, the tests and the
// benchmark: scanned frame texts in any order → the export's files and its confirmation code.
#pragma once

#include "qr_frames.hpp"
#include "qr_payload.hpp"

#include <string>
#include <vector>

namespace dv {

struct ScannedFrame {
    std::string text;
    std::string source;  // "file.png", "scan.txt:12": names the frame in a problem
};

struct QrReceived {
    QrKind kind = QrKind::Summary;
    std::string export_id;
    QrContents contents;
    std::string confirmation_code;
    int frames_new = 0, repeats = 0, rebuilt = 0;
    std::vector<std::string> problems;  // "source: what is wrong", one per refused frame
};

// False with error saying what stops it (a missing frame named, no frame at all, a bad
// signature, a wrong key); frames refused on the way are listed in out.problems either way.
bool receive_qr_frames(const std::vector<ScannedFrame>& frames, const StaffSecretKey* key, QrReceived& out,
                       std::string& error);

}  // namespace dv
