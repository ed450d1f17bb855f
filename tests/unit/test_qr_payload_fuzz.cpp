// A corpus of malformed QR payloads, generated here at run time from a real one: cut off,
// bytes flipped, flags changed, the file list and compact forms damaged, unsigned payloads
// that inflate to nonsense. Each must be refused with one line or open cleanly, never crash.
// Built into unit_tests and, with the few exchange files it needs, into the sanitized
// qr_fuzz_tests (tests/fuzz/sanitized_pack_corpus.cmake).
#include "exchange/qr_compact.hpp"
#include "exchange/qr_payload.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace dv;

TEST_CASE("QR/malformed-payload corpus: every mutation is refused with a reason or opens, never crashes",
          "[qr][fuzz]") {
    const KioskKey kiosk = generate_kiosk_key();
    const StaffSecretKey staff = generate_staff_key();
    std::string sessions = "\xEF\xBB\xBFsession_id,language\r\n", answers = "\xEF\xBB\xBFsession_id,question_id,wording\r\n";
    for (int i = 0; i < 30; ++i) {
        sessions += "s" + std::to_string(i) + ",en\r\n";
        answers += "s" + std::to_string(i) + ",q" + std::to_string(i % 4) + ",w" + std::to_string(i % 4) + "\r\n";
    }
    const std::vector<QrFile> files = {{"sessions.csv", sessions}, {"answers.csv", answers},
                                       {"summary.json", "{\n  \"a\": 1\n}\n"}};
    std::vector<std::string> corpus;
    for (const auto* signer : {&kiosk, static_cast<const KioskKey*>(nullptr)})
        for (bool encrypt : {false, true}) {
            std::string error;
            const auto packed = pack_qr_payload(files, signer, encrypt ? std::optional<StaffPublicKey>(staff.pub)
                                                                       : std::nullopt, error);
            REQUIRE(packed);
            const std::string& p = *packed;
            QrContents c;
            REQUIRE(open_qr_payload(p, &staff, c, error));
            REQUIRE(c.files.size() == 3);
            CHECK(c.files[1].bytes == answers);
            std::mt19937 rng(static_cast<unsigned>(p.size()));
            for (size_t n = 0; n < p.size(); n += 1 + p.size() / 60) corpus.push_back(p.substr(0, n));
            for (int i = 0; i < 150; ++i) {
                std::string m = p;
                for (int k = 0, n = 1 + i % 3; k < n; ++k) m[rng() % m.size()] = static_cast<char>(rng() & 0xFF);
                corpus.push_back(m);
            }
            corpus.push_back(std::string(1, '\x07') + p.substr(1));
        }
    // Unsigned, unencrypted payloads whose zlib stream holds damaged file lists and forms.
    std::mt19937 rng(3);
    for (int i = 0; i < 200; ++i) {
        std::vector<QrFile> odd = {{"sessions.csv", sessions.substr(0, rng() % sessions.size())},
                                   {"answers.csv", answers.substr(0, rng() % answers.size())}};
        std::string error;
        auto packed = pack_qr_payload(odd, nullptr, std::nullopt, error);
        REQUIRE(packed);
        std::string p = *packed;
        corpus.push_back(p);
        p[1 + rng() % (p.size() - 1)] ^= static_cast<char>(1 + rng() % 255);
        corpus.push_back(p);
    }
    for (const auto& text : corpus) {
        QrContents c;
        std::string error;
        if (!open_qr_payload(text, &staff, c, error)) {
            CHECK_FALSE(error.empty());
            CHECK(error.find('\n') == std::string::npos);
        }
    }
    // The compact forms on their own, fed noise.
    for (int i = 0; i < 300; ++i) {
        std::string noise(rng() % 200, '\0');
        for (auto& ch : noise) ch = static_cast<char>(rng() % 4 == 0 ? 0 : rng() & 0xFF);
        std::string out, error;
        for (auto form : {QrFileForm::Json, QrFileForm::Columns})
            if (!restore_qr_file(form, "x.csv", noise, {"s1", "s2"}, out, error)) CHECK_FALSE(error.empty());
    }
}
