// This file implements QR frames (format in qr_frames.hpp and docs/qr-format.md).
#include "qr_frames.hpp"

#include "base45.hpp"
#include "qr.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace dv {

namespace {

// Header layout (big-endian): kind|parity(1) export id(8) index(2) count(2) body bytes(2)
// payload bytes(4) group size(1) crc32(4); the CRC covers the first 20 bytes and the body.
constexpr int kCrcAt = 20;
constexpr std::uint8_t kParityBit = 0x80;

void put(std::string& out, std::uint32_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint32_t get(std::string_view in, size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<size_t>(i)]);
    return v;
}

std::uint32_t crc_of(std::string_view head, std::string_view body) {
    uLong c = crc32(0L, Z_NULL, 0);
    c = crc32(c, reinterpret_cast<const Bytef*>(head.data()), static_cast<uInt>(head.size()));
    c = crc32(c, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    return static_cast<std::uint32_t>(c);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string id_bytes(const std::string& hex) {
    std::string out(8, '\0');
    for (size_t i = 0; i < 8 && 2 * i + 1 < hex.size(); ++i) {
        const int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
        out[i] = static_cast<char>(((hi < 0 ? 0 : hi) << 4) | (lo < 0 ? 0 : lo));
    }
    return out;
}

std::string id_hex(std::string_view bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string frame_text(const QrFrameHeader& h, std::string_view body) {
    std::string head;
    head += static_cast<char>(static_cast<std::uint8_t>(h.kind) | (h.parity ? kParityBit : 0));
    head += id_bytes(h.export_id);
    put(head, static_cast<std::uint32_t>(h.index), 2);
    put(head, static_cast<std::uint32_t>(h.count), 2);
    put(head, static_cast<std::uint32_t>(h.body_bytes), 2);
    put(head, h.payload_bytes, 4);
    put(head, static_cast<std::uint32_t>(h.group_size), 1);
    put(head, crc_of(head, body), 4);
    head.append(body);
    return "DV" + std::to_string(kQrFormatVersion) + base45_encode(head);
}

std::string of_frame(const QrFrameHeader& h, int index) {
    return "frame " + std::to_string(index) + " of " + std::to_string(h.count);
}

}  // namespace

const char* qr_kind_name(QrKind k) { return k == QrKind::Summary ? "summary" : "full"; }

int QrFrameHeader::body_bytes_of(int data_index) const {
    const std::int64_t start = static_cast<std::int64_t>(data_index - 1) * body_bytes;
    return static_cast<int>(std::clamp<std::int64_t>(static_cast<std::int64_t>(payload_bytes) - start, 0, body_bytes));
}

int qr_frame_body_capacity(int max_version) {
    const int chars = qr_alphanumeric_capacity(max_version) - kQrPrefixChars;
    const int bytes = chars / 3 * 2 + (chars % 3 == 2 ? 1 : 0);
    return std::min(kQrMaxBodyBytes, bytes - kQrHeaderBytes);
}

std::vector<std::string> make_qr_frames(std::string_view payload, QrKind kind, const std::string& export_id,
                                        int body_capacity, int group_size) {
    QrFrameHeader h;
    h.kind = kind;
    h.export_id = export_id;
    h.payload_bytes = static_cast<std::uint32_t>(payload.size());
    const int capacity = std::max(1, body_capacity);
    h.count = std::max<int>(1, static_cast<int>((payload.size() + static_cast<size_t>(capacity) - 1) / static_cast<size_t>(capacity)));
    // Even out the frames: the same count, bodies as equal as they can be.
    h.body_bytes = std::max<int>(1, static_cast<int>((payload.size() + static_cast<size_t>(h.count) - 1) / static_cast<size_t>(h.count)));
    h.group_size = h.count > 1 ? std::clamp(group_size, 0, 255) : 0;
    std::vector<std::string> out;
    std::string parity;
    for (int k = 1; k <= h.count; ++k) {
        h.index = k;
        h.parity = false;
        const std::string_view body =
            payload.substr(static_cast<size_t>(k - 1) * static_cast<size_t>(h.body_bytes), static_cast<size_t>(h.body_bytes_of(k)));
        out.push_back(frame_text(h, body));
        if (h.group_size == 0) continue;
        if (parity.empty()) parity.assign(static_cast<size_t>(h.body_bytes), '\0');
        for (size_t i = 0; i < body.size(); ++i) parity[i] = static_cast<char>(parity[i] ^ body[i]);
        if (k % h.group_size == 0 || k == h.count) {
            QrFrameHeader p = h;
            p.parity = true;
            p.index = (k - 1) / h.group_size + 1;
            out.push_back(frame_text(p, parity));
            parity.clear();
        }
    }
    return out;
}

std::optional<QrFrame> parse_qr_frame(std::string_view text, std::string& error) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    if (text.size() < 2 || text.substr(0, 2) != "DV") {
        error = "not a datavoice QR code (it does not start with DV)";
        return std::nullopt;
    }
    if (text.size() < 3 || text[2] != static_cast<char>('0' + kQrFormatVersion)) {
        error = std::string("QR format version ") + (text.size() < 3 ? std::string("(none)") : std::string(1, text[2])) +
                ", but this tool reads version " + std::to_string(kQrFormatVersion);
        return std::nullopt;
    }
    const auto bytes = base45_decode(text.substr(3));
    if (!bytes) {
        error = "damaged: the text after DV" + std::to_string(kQrFormatVersion) + " is not base45";
        return std::nullopt;
    }
    if (bytes->size() < static_cast<size_t>(kQrHeaderBytes)) {
        error = "cut off: " + std::to_string(bytes->size()) + " bytes, shorter than the " +
                std::to_string(kQrHeaderBytes) + "-byte frame header";
        return std::nullopt;
    }
    const std::string_view b = *bytes;
    QrFrame f;
    QrFrameHeader& h = f.header;
    const std::uint8_t kind = static_cast<std::uint8_t>(b[0]);
    h.parity = (kind & kParityBit) != 0;
    const std::uint8_t k = kind & static_cast<std::uint8_t>(~kParityBit);
    if (k != static_cast<std::uint8_t>(QrKind::Summary) && k != static_cast<std::uint8_t>(QrKind::Full)) {
        error = "unknown kind of export (" + std::to_string(k) + ")";
        return std::nullopt;
    }
    h.kind = static_cast<QrKind>(k);
    h.export_id = id_hex(b.substr(1, 8));
    h.index = static_cast<int>(get(b, 9, 2));
    h.count = static_cast<int>(get(b, 11, 2));
    h.body_bytes = static_cast<int>(get(b, 13, 2));
    h.payload_bytes = get(b, 15, 4);
    h.group_size = static_cast<int>(get(b, 19, 1));
    const std::uint32_t crc = get(b, kCrcAt, 4);
    const std::string_view body = b.substr(kQrHeaderBytes);

    if (h.count < 1 || h.count > kQrMaxFrames) {
        error = "says the export has " + std::to_string(h.count) + " frames; a frame count must be 1 to " +
                std::to_string(kQrMaxFrames);
        return std::nullopt;
    }
    const std::uint64_t expected_count =
        h.body_bytes > 0 ? (static_cast<std::uint64_t>(h.payload_bytes) + static_cast<std::uint64_t>(h.body_bytes) - 1) / static_cast<std::uint64_t>(h.body_bytes) : 0;
    if (h.body_bytes < 1 || h.body_bytes > kQrMaxBodyBytes || h.payload_bytes < 1 ||
        expected_count != static_cast<std::uint64_t>(h.count)) {
        error = "damaged header: " + std::to_string(h.count) + " frames of " + std::to_string(h.body_bytes) +
                " bytes cannot hold " + std::to_string(h.payload_bytes) + " bytes";
        return std::nullopt;
    }
    const int last = h.parity ? h.groups() : h.count;
    if (h.parity && h.group_size == 0) {
        error = "damaged header: a parity frame of an export without parity";
        return std::nullopt;
    }
    if (h.index < 1 || h.index > last) {
        error = std::string(h.parity ? "parity frame " : "frame ") + std::to_string(h.index) + " of " +
                std::to_string(last) + ": the number is out of range";
        return std::nullopt;
    }
    const size_t want = static_cast<size_t>(h.parity ? h.body_bytes : h.body_bytes_of(h.index));
    const std::string what = h.parity ? "parity frame " + std::to_string(h.index) : of_frame(h, h.index);
    if (body.size() < want) {
        error = what + " is cut off: " + std::to_string(body.size()) + " of " + std::to_string(want) + " bytes";
        return std::nullopt;
    }
    if (body.size() > want) {
        error = what + " has " + std::to_string(body.size() - want) + " bytes too many";
        return std::nullopt;
    }
    if (crc_of(b.substr(0, kCrcAt), body) != crc) {
        error = what + ": the checksum does not match (a misread or damaged code)";
        return std::nullopt;
    }
    f.body.assign(body);
    return f;
}

QrReassembler::Added QrReassembler::add(std::string_view text, std::string& error) {
    auto frame = parse_qr_frame(text, error);
    if (!frame) return Added::Refused;
    const QrFrameHeader& h = frame->header;
    if (!m_started) {
        m_first = h;
        m_started = true;
        m_data.assign(static_cast<size_t>(h.count), std::nullopt);
        m_parity.assign(static_cast<size_t>(h.groups()), std::nullopt);
    } else if (h.export_id != m_first.export_id) {
        error = "belongs to export " + h.export_id + ", not " + m_first.export_id +
                " like the frames before it: scan one export at a time";
        return Added::Refused;
    } else if (h.kind != m_first.kind || h.count != m_first.count || h.body_bytes != m_first.body_bytes ||
               h.payload_bytes != m_first.payload_bytes || h.group_size != m_first.group_size) {
        error = "says it is part of export " + h.export_id + " but its header differs from the other frames";
        return Added::Refused;
    }
    auto& slot = h.parity ? m_parity[static_cast<size_t>(h.index - 1)] : m_data[static_cast<size_t>(h.index - 1)];
    if (slot) return Added::Repeat;
    slot = std::move(frame->body);
    return Added::New;
}

std::optional<std::string> QrReassembler::rebuild(int index) const {
    if (m_first.group_size == 0) return std::nullopt;
    const int group = (index - 1) / m_first.group_size + 1;
    const auto& parity = m_parity[static_cast<size_t>(group - 1)];
    if (!parity) return std::nullopt;
    std::string body = *parity;
    const int first = (group - 1) * m_first.group_size + 1;
    const int last = std::min(m_first.count, group * m_first.group_size);
    for (int k = first; k <= last; ++k) {
        if (k == index) continue;
        const auto& other = m_data[static_cast<size_t>(k - 1)];
        if (!other) return std::nullopt;  // two missing in one group: parity cannot help
        for (size_t i = 0; i < other->size(); ++i) body[i] = static_cast<char>(body[i] ^ (*other)[i]);
    }
    body.resize(static_cast<size_t>(m_first.body_bytes_of(index)));
    return body;
}

std::vector<int> QrReassembler::missing() const {
    std::vector<int> out;
    for (int k = 1; k <= static_cast<int>(m_data.size()); ++k)
        if (!m_data[static_cast<size_t>(k - 1)] && !rebuild(k)) out.push_back(k);
    return out;
}

int QrReassembler::rebuilt() const {
    int n = 0;
    for (size_t i = 0; i < m_data.size(); ++i)
        if (!m_data[i]) ++n;
    return n;
}

std::string QrReassembler::missing_text() const {
    if (!m_started) return "no datavoice QR frame was read";
    const auto gone = missing();
    if (gone.empty()) return "";
    std::string list;
    const size_t shown = std::min<size_t>(gone.size(), 20);
    for (size_t i = 0; i < shown; ++i) {
        if (i) list += (i + 1 == gone.size()) ? " and " : ", ";
        list += std::to_string(gone[i]);
    }
    if (shown < gone.size()) list += " and " + std::to_string(gone.size() - shown) + " more";
    return (gone.size() == 1 ? "frame " : "frames ") + list + " of " + std::to_string(m_first.count) +
           (gone.size() == 1 ? " is missing" : " are missing");
}

std::string QrReassembler::payload() const {
    std::string out;
    out.reserve(m_first.payload_bytes);
    for (int k = 1; k <= static_cast<int>(m_data.size()); ++k) {
        const auto& body = m_data[static_cast<size_t>(k - 1)];
        if (body)
            out += *body;
        else if (auto r = rebuild(k))
            out += *r;
        else
            return {};
    }
    return out;
}

}  // namespace dv
