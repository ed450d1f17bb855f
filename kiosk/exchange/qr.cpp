// QR encoding through libqrencode.
#include "qr.hpp"

#include <qrencode.h>

#include <algorithm>
#include <array>
#include <mutex>

namespace dv {

namespace {

QrMatrix from_qrcode(QRcode* code) {
    QrMatrix m;
    if (!code) return m;
    m.size = code->width;
    m.modules.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
    for (size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

}  // namespace

QrMatrix encode_qr_text(const std::string& text) {
    return from_qrcode(QRcode_encodeData(static_cast<int>(text.size()),
                                         reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
}

QrMatrix encode_qr_alphanumeric(const std::string& text, int min_version, int max_version) {
    for (char c : text) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '$' || c == '%' ||
                        c == '*' || c == '+' || c == '-' || c == '.' || c == '/' || c == ':';
        if (!ok) return {};
    }
    QRinput* input = QRinput_new2(min_version, QR_ECLEVEL_M);
    if (!input) return {};
    if (QRinput_append(input, QR_MODE_AN, static_cast<int>(text.size()),
                       reinterpret_cast<const unsigned char*>(text.data())) != 0) {
        QRinput_free(input);
        return {};
    }
    QRcode* code = QRcode_encodeInput(input);
    QRinput_free(input);
    if (code && code->version > max_version) {
        QRcode_free(code);
        return {};
    }
    return from_qrcode(code);
}

int qr_alphanumeric_capacity(int version) {
    version = std::clamp(version, 1, 40);
    static std::array<int, 41> known{};
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    if (known[static_cast<size_t>(version)]) return known[static_cast<size_t>(version)];
    int lo = 1, hi = 4296;  // version 40 holds 4,296 at level L, fewer at M
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (encode_qr_alphanumeric(std::string(static_cast<size_t>(mid), '0'), version, version).size > 0)
            lo = mid;
        else
            hi = mid - 1;
    }
    known[static_cast<size_t>(version)] = lo;
    return lo;
}

}  // namespace dv
