// QR frames: base45 against RFC 9285's examples, the frame header, every kind of malformed
// frame (each one clear line, no crash), reassembly in any order with repeats and a missing
// frame named, and parity rebuilding one missed frame per group. The malformed-frame corpus
// at the end is generated here at run time; this file needs only base45, qr_frames and qr,
// so it also builds alone under AddressSanitizer and UBSan (tests/fuzz/sanitized_pack_corpus.cmake).
#include "exchange/base45.hpp"
#include "exchange/qr.hpp"
#include "exchange/qr_frames.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace dv;

namespace {

const std::string kId = "0123456789abcdef";

std::string payload_of(size_t n, unsigned seed = 7) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
}

std::string refused(std::string_view text) {
    std::string error;
    const auto f = parse_qr_frame(text, error);
    CHECK_FALSE(f);
    CHECK_FALSE(error.empty());
    return error;
}

// A frame with header fields set by hand (and a right checksum), to reach the checks after it.
std::string crafted(std::uint8_t kind, int index, int count, int body_bytes, std::uint32_t payload_bytes, int group,
                    const std::string& body) {
    std::string head;
    head += static_cast<char>(kind);
    head += std::string(8, '\x11');
    auto put = [&](std::uint32_t v, int bytes) {
        for (int i = bytes - 1; i >= 0; --i) head += static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    put(static_cast<std::uint32_t>(index), 2);
    put(static_cast<std::uint32_t>(count), 2);
    put(static_cast<std::uint32_t>(body_bytes), 2);
    put(payload_bytes, 4);
    put(static_cast<std::uint32_t>(group), 1);
    // CRC-32 (IEEE), as zlib computes it.
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : head + body) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    put(~crc, 4);
    return "DV1" + base45_encode(head + body);
}

}  // namespace

TEST_CASE("QR/base45 encodes RFC 9285's examples", "[qr]") {
    CHECK(base45_encode("AB") == "BB8");
    CHECK(base45_encode("Hello!!") == "%69 VD92EX0");
    CHECK(base45_encode("base-45") == "UJCLQE7W581");
    CHECK(base45_encode("") == "");
}

TEST_CASE("QR/base45 decodes RFC 9285's example and round-trips every byte value", "[qr]") {
    CHECK(base45_decode("QED8WEX0") == std::optional<std::string>("ietf!"));
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    for (size_t n : {size_t(0), size_t(1), size_t(2), size_t(255), size_t(256)})
        CHECK(base45_decode(base45_encode(all.substr(0, n))) == std::optional<std::string>(all.substr(0, n)));
}

TEST_CASE("QR/base45 refuses a bad character, a dangling character and an overflowing group", "[qr]") {
    CHECK_FALSE(base45_decode("BB8a"));   // lower case is not in the alphabet
    CHECK_FALSE(base45_decode("BB8B"));   // 3n+1 characters
    CHECK_FALSE(base45_decode("GGW"));    // 65535 is the largest 3-character group; GGW is 65536
    CHECK_FALSE(base45_decode(":::"));    // 91124
    CHECK_FALSE(base45_decode("::"));     // 2044 does not fit one byte
    CHECK(base45_decode("FGW") == std::optional<std::string>("\xff\xff"));
}

TEST_CASE("QR/a frame's header round-trips through its text, in QR alphanumeric characters only", "[qr]") {
    const std::string payload = payload_of(1000);
    const auto frames = make_qr_frames(payload, QrKind::Full, kId, 300, 0);
    REQUIRE(frames.size() == 4);
    for (size_t i = 0; i < frames.size(); ++i) {
        CHECK(frames[i].rfind("DV1", 0) == 0);
        CHECK(encode_qr_alphanumeric(frames[i]).size > 0);  // alphanumeric mode accepts it
        std::string error;
        const auto f = parse_qr_frame(frames[i], error);
        REQUIRE(f);
        CHECK(f->header.kind == QrKind::Full);
        CHECK(f->header.export_id == kId);
        CHECK(f->header.index == static_cast<int>(i) + 1);
        CHECK(f->header.count == 4);
        CHECK(f->header.payload_bytes == 1000);
        CHECK(f->header.body_bytes == 250);  // evened out: 4 frames of 250, not 3 of 300 and one of 100
        CHECK(f->body == payload.substr(i * 250, 250));
    }
}

TEST_CASE("QR/frame capacity grows with the QR version and fits the symbol", "[qr]") {
    const int v10 = qr_frame_body_capacity(10), v15 = qr_frame_body_capacity(15), v20 = qr_frame_body_capacity(20);
    CHECK(v10 > 150);
    CHECK(v15 > v10);
    CHECK(v20 > v15);
    for (int v : {10, 15, 20}) {
        const auto frames = make_qr_frames(payload_of(5000), QrKind::Full, kId, qr_frame_body_capacity(v), 0);
        for (const auto& f : frames) CHECK(encode_qr_alphanumeric(f, 1, v).size > 0);
    }
}

TEST_CASE("QR/a frame that is not datavoice's, or of another format version, says so", "[qr]") {
    CHECK(refused("HC1:NCFOXN").find("not a datavoice QR code") != std::string::npos);
    CHECK(refused("").find("not a datavoice QR code") != std::string::npos);
    CHECK(refused("DV2ABC").find("QR format version 2, but this tool reads version 1") != std::string::npos);
    CHECK(refused("DV1abc").find("not base45") != std::string::npos);
}

TEST_CASE("QR/a truncated frame says it is cut off", "[qr]") {
    const auto frames = make_qr_frames(payload_of(600), QrKind::Full, kId, 300, 0);
    CHECK(refused(frames[0].substr(0, 21)).find("shorter than the 24-byte frame header") != std::string::npos);
    const std::string cut = frames[0].substr(0, frames[0].size() - 30);
    CHECK(refused(cut).find("frame 1 of 2 is cut off: 280 of 300 bytes") != std::string::npos);
}

TEST_CASE("QR/a frame with a bad checksum is refused", "[qr]") {
    auto frames = make_qr_frames(payload_of(600), QrKind::Full, kId, 300, 0);
    std::string text = frames[1];
    text[100] = text[100] == 'A' ? 'B' : 'A';  // one misread module changes a character
    const std::string error = refused(text);
    CHECK(error.find("frame 2 of 2") != std::string::npos);
    CHECK(error.find("checksum does not match") != std::string::npos);
}

TEST_CASE("QR/a huge frame count, an index out of range and an inconsistent header are refused", "[qr]") {
    CHECK(refused(crafted(2, 1, 60000, 10, 600000, 0, std::string(10, 'x'))).find("a frame count must be 1 to 4096") !=
          std::string::npos);
    CHECK(refused(crafted(2, 0, 3, 10, 30, 0, std::string(10, 'x'))).find("out of range") != std::string::npos);
    CHECK(refused(crafted(2, 4, 3, 10, 30, 0, std::string(10, 'x'))).find("out of range") != std::string::npos);
    CHECK(refused(crafted(2, 1, 3, 10, 300, 0, std::string(10, 'x'))).find("damaged header") != std::string::npos);
    CHECK(refused(crafted(7, 1, 3, 10, 30, 0, std::string(10, 'x'))).find("unknown kind") != std::string::npos);
    CHECK(refused(crafted(0x82, 1, 3, 10, 30, 0, std::string(10, 'x'))).find("parity frame of an export without parity") !=
          std::string::npos);
    CHECK(refused(crafted(2, 1, 3, 10, 30, 0, std::string(12, 'x'))).find("2 bytes too many") != std::string::npos);
    std::string error;
    CHECK(parse_qr_frame(crafted(2, 3, 3, 10, 30, 0, std::string(10, 'x')), error));
}

TEST_CASE("QR/frames reassemble in any order, repeats ignored", "[qr]") {
    const std::string payload = payload_of(5000);
    auto frames = make_qr_frames(payload, QrKind::Full, kId, 400, 0);
    REQUIRE(frames.size() == 13);
    auto scanned = frames;
    scanned.insert(scanned.end(), frames.begin(), frames.begin() + 5);  // five seen twice
    std::shuffle(scanned.begin(), scanned.end(), std::mt19937(3));
    QrReassembler r;
    int repeats = 0;
    for (const auto& f : scanned) {
        std::string error;
        const auto added = r.add(f, error);
        CHECK(added != QrReassembler::Added::Refused);
        if (added == QrReassembler::Added::Repeat) ++repeats;
    }
    CHECK(repeats == 5);
    REQUIRE(r.complete());
    CHECK(r.payload() == payload);
}

TEST_CASE("QR/a missing frame is named", "[qr]") {
    auto frames = make_qr_frames(payload_of(5000), QrKind::Full, kId, 400, 0);
    frames.erase(frames.begin() + 2);  // frame 3
    std::shuffle(frames.begin(), frames.end(), std::mt19937(5));
    QrReassembler r;
    std::string error;
    for (const auto& f : frames) r.add(f, error);
    CHECK_FALSE(r.complete());
    CHECK(r.missing() == std::vector<int>{3});
    CHECK(r.missing_text() == "frame 3 of 13 is missing");
    CHECK(r.payload().empty());
}

TEST_CASE("QR/frames of two exports are not mixed", "[qr]") {
    const auto a = make_qr_frames(payload_of(900), QrKind::Full, kId, 400, 0);
    const auto b = make_qr_frames(payload_of(900, 8), QrKind::Full, "fedcba9876543210", 400, 0);
    QrReassembler r;
    std::string error;
    REQUIRE(r.add(a[0], error) == QrReassembler::Added::New);
    CHECK(r.add(b[1], error) == QrReassembler::Added::Refused);
    CHECK(error.find("belongs to export fedcba9876543210, not 0123456789abcdef") != std::string::npos);
}

TEST_CASE("QR/one parity frame per group rebuilds one missed frame of that group, not two", "[qr]") {
    const std::string payload = payload_of(4321);
    const auto frames = make_qr_frames(payload, QrKind::Summary, kId, 300, 4);
    // 15 data frames in groups of 4 (the last holds 3): 4 parity frames, each after its group.
    REQUIRE(frames.size() == 19);
    std::string error;
    const auto p = parse_qr_frame(frames[4], error);
    REQUIRE(p);
    CHECK(p->header.parity);
    CHECK(p->header.index == 1);

    auto without = [&](std::vector<int> data_indexes) {
        QrReassembler r;
        for (const auto& f : frames) {
            const auto h = parse_qr_frame(f, error);
            REQUIRE(h);
            if (!h->header.parity &&
                std::find(data_indexes.begin(), data_indexes.end(), h->header.index) != data_indexes.end())
                continue;
            r.add(f, error);
        }
        return r;
    };
    // One missed in each group, the short last frame among them.
    const QrReassembler one_each = without({2, 7, 12, 15});
    CHECK(one_each.complete());
    CHECK(one_each.rebuilt() == 4);
    CHECK(one_each.payload() == payload);
    // Two missed in one group: parity cannot tell them apart.
    const QrReassembler two = without({5, 6});
    CHECK_FALSE(two.complete());
    CHECK(two.missing_text() == "frames 5 and 6 of 15 are missing");
}

TEST_CASE("QR/malformed-frame corpus: every mutation is refused with a reason or parses, never crashes", "[qr][fuzz]") {
    const std::string payload = payload_of(2000);
    const auto frames = make_qr_frames(payload, QrKind::Full, kId, 500, 2);
    std::vector<std::string> corpus;
    const std::string& base = frames[0];
    for (size_t n = 0; n <= base.size(); n += 3) corpus.push_back(base.substr(0, n));  // truncations
    std::mt19937 rng(11);
    const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    for (int i = 0; i < 400; ++i) {  // one to four characters changed
        std::string t = frames[static_cast<size_t>(i) % frames.size()];
        for (int k = 0, n = 1 + i % 4; k < n; ++k) t[rng() % t.size()] = alphabet[rng() % alphabet.size()];
        corpus.push_back(t);
    }
    for (int i = 0; i < 200; ++i) {  // random headers with a right checksum
        const int count = static_cast<int>(rng() % 70000), body = static_cast<int>(rng() % 3000);
        corpus.push_back(crafted(static_cast<std::uint8_t>(rng() & 0xFF), static_cast<int>(rng() % 70000), count, body,
                                 rng(), static_cast<int>(rng() & 0xFF), std::string(rng() % 400, 'z')));
    }
    for (int i = 0; i < 100; ++i) {  // noise
        std::string t = "DV1";
        for (size_t k = 0, n = rng() % 600; k < n; ++k) t += alphabet[rng() % alphabet.size()];
        corpus.push_back(t);
    }
    corpus.push_back(std::string("DV1") + std::string(3000, ':'));
    corpus.push_back(std::string(1, '\0') + "DV1");

    int refusals = 0;
    QrReassembler r;
    for (const auto& text : corpus) {
        std::string error;
        const auto f = parse_qr_frame(text, error);
        if (!f) {
            ++refusals;
            CHECK_FALSE(error.empty());
            CHECK(error.find('\n') == std::string::npos);
        }
        r.add(text, error);
    }
    CHECK(refusals > static_cast<int>(corpus.size()) * 9 / 10);
    (void)r.missing_text();
    (void)r.payload();
}
