// The on-screen keyboard, in the real kiosk under Xvfb, with the example pack (which turns
// free text on): what is typed is what is stored, in English and in Polish.
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

using namespace dv;

namespace {

const std::string kExample = test::source_dir() + "/assets/content/example";

// Start, choose a language, open the one topic, read the explainer, answer the two questions
// before the free-text one so the conditional question shows too.
std::string to_text_question(const std::string& language) {
    return "tap start\ntap lang_" + language +
           "\ntap next\ntap topic_records\ntap next\n"
           "tap opt_no\ntap next\ntap opt_very_uncomfortable\ntap next\n"
           "expect-widget opt_hackers\ntap opt_hackers\ntap next\n"
           "expect-screen question\nexpect-widget key_space\n";
}

std::map<std::string, std::string> run(const test::TempDir& data, const std::string& pack, const std::string& script,
                                       const std::string& shots) {
    std::ofstream(data.file("s.dvs")) << script << "quit\n";
    const auto r = test::run_kiosk_headless(
        {"--content", pack, "--data", data.path(), "--script", data.file("s.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    std::map<std::string, std::string> out;
    for (const auto& a : store->effective_answers()) out[a.question_id] = a.value;
    return out;
}

}  // namespace

TEST_CASE("Keyboard/what a visitor types is stored: capitals, shift, digits and delete", "[ui][keyboard]") {
    test::TempDir data;
    const std::string shots = test::fresh_artefacts_dir("keyboard_en");
    const std::string script = to_text_question("en") +
                               "screenshot 01-keyboard\n"
                               // The first letter is a capital by itself; shift gives one more.
                               "tap key_h\ntap key_i\ntap key_space\ntap key_shift\ntap key_t\ntap key_o\n"
                               // The 123 page, a digit, a wrong digit deleted, back to letters.
                               "tap key_numbers\ntap key_space\ntap key_2\ntap key_9\ntap key_delete\n"
                               "tap key_numbers\ntap key_u0021\n"
                               "screenshot 02-typed\ndump-widgets 02-typed\ntap next\n";
    const auto answers = run(data, kExample, script, shots);
    CHECK(answers.at("your_say") == "Hi To 2!");
    CHECK(answers.at("why_worried") == "hackers");
    // The widget dump names keys and the text box, never the words typed into it.
    const std::string dump = test::read_file(shots + "/02-typed.json");
    CHECK(dump.find("\"id\": \"text_box\"") != std::string::npos);
    CHECK(dump.find("Hi To") == std::string::npos);
}

TEST_CASE("Keyboard/a language's own letters get keys, and capitals where the sentence starts", "[ui][keyboard]") {
    test::TempDir data;
    const std::string shots = test::fresh_artefacts_dir("keyboard_pl");
    // ł (U+0142) and ż (U+017C) are in the Polish words of the pack, so they have keys.
    const std::string script = to_text_question("pl") + "expect-widget key_u0142\nexpect-widget key_u017c\n" +
                               "screenshot 01-keyboard\n"
                               "tap key_u0142\ntap key_a\ntap key_d\ntap key_u0105\ntap key_u0021\n"
                               "tap key_space\ntap key_u017c\ntap key_a\n"
                               "screenshot 02-typed\ntap next\n";
    CHECK(run(data, kExample, script, shots).at("your_say") == "Ładą! Ża");
}

TEST_CASE("Keyboard/typing stops at the question's length limit", "[ui][keyboard]") {
    test::TempDir data;
    const std::string pack = data.file("pack");
    std::filesystem::copy(kExample, pack, std::filesystem::copy_options::recursive);
    for (const char* lang : {"/en/questions.toml", "/pl/questions.toml"}) {
        std::string q = test::read_file(pack + lang);
        const size_t at = q.find("max_length = 200");
        REQUIRE(at != std::string::npos);
        q.replace(at, 16, "max_length = 12");
        std::ofstream(pack + lang) << q;
    }
    std::string script = to_text_question("en");
    for (int i = 0; i < 15; ++i) script += "tap key_a\n";
    script += "screenshot 01-full\ntap next\n";
    CHECK(run(data, pack, script, test::fresh_artefacts_dir("keyboard_full")).at("your_say") == "Aaaaaaaaaaaa");
}
