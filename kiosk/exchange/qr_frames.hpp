// QR frames: an export's payload cut into QR codes that a phone can scan in any order
// (format: docs/qr-format.md). Each frame is "DV" + the format version + base45 of a 24-byte
// header and a slice of the payload; every character is in QR alphanumeric mode.
//
// [X] Frames in any order; repeats ignored; a frame of another export refused by name.
// [X] A CRC-32 over header and body in every frame: a misread frame is refused, not merged.
// [X] Optional parity: one extra frame per group, the XOR of the group's bodies, so one
//     missed frame per group is rebuilt instead of waiting for the sequence to come round.
// [X] Every malformed frame gets one line saying what is wrong (tests/unit/test_qr_frames.cpp,
//     and the same corpus under ASan/UBSan).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

inline constexpr int kQrFormatVersion = 1;
inline constexpr int kQrHeaderBytes = 24;
inline constexpr int kQrPrefixChars = 3;    // "DV1"
inline constexpr int kQrMaxFrames = 4096;   // more than any export the kiosk makes
inline constexpr int kQrMaxBodyBytes = 2400;

enum class QrKind : std::uint8_t { Summary = 1, Full = 2 };
const char* qr_kind_name(QrKind k);  // "summary", "full"

struct QrFrameHeader {
    QrKind kind = QrKind::Full;
    bool parity = false;
    std::string export_id;          // 16 hex digits
    int index = 1;                  // data frame 1..count; a parity frame: its group 1..groups
    int count = 1;                  // data frames in the export
    int body_bytes = 0;             // every data frame's body but the last; a parity body
    std::uint32_t payload_bytes = 0;
    int group_size = 0;             // data frames per parity group; 0: no parity frames

    int groups() const { return group_size > 0 ? (count + group_size - 1) / group_size : 0; }
    int body_bytes_of(int data_index) const;  // the exact body length of data frame k
};

struct QrFrame {
    QrFrameHeader header;
    std::string body;
};

// Bytes of payload one frame carries at this QR version (error correction M).
int qr_frame_body_capacity(int max_version);

// Cuts a payload into frame texts, in the order to show them: each group's data frames, then
// its parity frame. export_id: 16 hex digits.
std::vector<std::string> make_qr_frames(std::string_view payload, QrKind kind, const std::string& export_id,
                                        int body_capacity, int group_size);

// One frame's text as scanned. Nothing, with error saying what is wrong, if it is not a
// well-formed frame.
std::optional<QrFrame> parse_qr_frame(std::string_view text, std::string& error);

// Collects frames of one export until the payload is whole.
class QrReassembler {
public:
    enum class Added { New, Repeat, Refused };
    // error: why a frame was refused (Refused only).
    Added add(std::string_view text, std::string& error);

    bool started() const { return m_started; }
    const QrFrameHeader& header() const { return m_first; }  // of the first frame accepted
    // Data frames neither scanned nor rebuildable from a parity frame (1-based, ascending).
    std::vector<int> missing() const;
    bool complete() const { return m_started && missing().empty(); }
    // "frame 3 of 12 is missing", "frames 3 and 7 of 12 are missing", ...
    std::string missing_text() const;
    // The whole payload, rebuilding missed frames from parity; only when complete().
    std::string payload() const;
    int rebuilt() const;  // data frames payload() rebuilds from parity

private:
    std::optional<std::string> rebuild(int index) const;
    bool m_started = false;
    QrFrameHeader m_first;
    std::vector<std::optional<std::string>> m_data;    // by index - 1
    std::vector<std::optional<std::string>> m_parity;  // by group - 1
};

}  // namespace dv
