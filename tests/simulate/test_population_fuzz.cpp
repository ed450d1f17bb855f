// A corpus of malformed population files, generated from assets/populations/norfolk-2025.toml:
// truncations, every number given a wrong type or an impossible value, stray syntax, invalid
// UTF-8, NUL bytes, huge values, deep nesting, junk. Each must give "file:line: message"
// problems or a population whose model gives finite shares, and never crash. Needs only
// kiosk/core and tools/simulate/population.* and model.*, so the Fuzz/ test also builds it
// alone under AddressSanitizer and UndefinedBehaviorSanitizer (tests/CMakeLists.txt).
#include "fuzz/example_pack.hpp"
#include "simulate/model.hpp"
#include "simulate/population.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

using namespace dv;

namespace {

std::string norfolk_text() {
    std::ifstream in(std::string(DATAVOICE_SOURCE_DIR) + "/assets/populations/norfolk-2025.toml", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::pair<std::string, std::string>> corpus(const std::string& base) {
    std::vector<std::pair<std::string, std::string>> cases;
    for (int k = 0; k < 12; ++k) cases.emplace_back("truncated " + std::to_string(k), base.substr(0, base.size() * k / 12 + k % 3));
    // Every number in turn made wrong.
    static const std::regex number(R"(([=,\[] ?)(-?[0-9]+(\.[0-9]+)?)\b)");
    const char* wrong[] = {"-1", "1e300", "\"x\"", "true", "[1]", "nan", "inf", "{ a = 1 }", "99999999999", "0"};
    int i = 0;
    for (auto it = std::sregex_iterator(base.begin(), base.end(), number); it != std::sregex_iterator(); ++it, ++i) {
        const size_t at = static_cast<size_t>(it->position(2));
        cases.emplace_back("number " + std::to_string(i), base.substr(0, at) + wrong[i % 10] + base.substr(at + static_cast<size_t>(it->length(2))));
    }
    // Every quoted text in turn made wrong.
    static const std::regex quoted(R"("[a-z_0-9:-]*")");
    const char* texts[] = {"\"no_such_id\"", "42", "\"\xff\"", "\"\"", "\"25:00\""};
    i = 0;
    for (auto it = std::sregex_iterator(base.begin(), base.end(), quoted); it != std::sregex_iterator(); ++it, ++i) {
        const size_t at = static_cast<size_t>(it->position(0));
        cases.emplace_back("text " + std::to_string(i), base.substr(0, at) + texts[i % 5] + base.substr(at + static_cast<size_t>(it->length(0))));
    }
    // Stray syntax before table headers.
    i = 0;
    for (size_t at = base.find("\n["); at != std::string::npos; at = base.find("\n[", at + 1), ++i) {
        const char* junk[] = {"= = =\n", "[[\n", "\"unterminated\n", "key = \"a\" extra\n", "[questions.aware]\n", "\xc4\x99\n"};
        cases.emplace_back("junk " + std::to_string(i), base.substr(0, at + 1) + junk[i % 6] + base.substr(at + 1));
    }
    cases.emplace_back("empty", "");
    cases.emplace_back("NUL", std::string("name = \"a\0b\"\n", 13));
    cases.emplace_back("huge name", "name = \"" + std::string(1 << 20, 'x') + "\"\n");
    cases.emplace_back("binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    cases.emplace_back("deep arrays", base + "deep = " + std::string(5000, '[') + std::string(5000, ']') + "\n");
    cases.emplace_back("deep header", "[" + [] {
        std::string s = "a";
        for (int k = 0; k < 20000; ++k) s += ".a";
        return s;
    }() + "]\n");
    cases.emplace_back("many questions", base + [] {
        std::string s;
        for (int k = 0; k < 3000; ++k) s += "[questions.q" + std::to_string(k) + "]\nskip = 0.1\n";
        return s;
    }());
    cases.emplace_back("all weights zero", std::regex_replace(base, std::regex(R"(= [0-9]+\b)"), "= 0"));
    cases.emplace_back("dwell backwards", base + "\n[dwell.x]\n");
    return cases;
}

}  // namespace

TEST_CASE("Fuzz/every malformed population file gives clear file:line problems and no crash", "[fuzz]") {
    const auto pack = parse_pack(test::source_pack_files("default"));
    REQUIRE(pack.pack);
    const std::string base = norfolk_text();
    REQUIRE(base.size() > 1000);
    const auto cases = corpus(base);
    CHECK(cases.size() >= 200);
    int refused = 0;
    sim::KioskTimings timings;
    timings.thank_you_seconds = 15;
    for (const auto& [name, text] : cases) {
        INFO("case: " << name);
        auto r = sim::parse_population(text, "people.toml");
        Problems problems = r.problems;
        if (r.population) problems = sim::check_population(*r.population, *pack.pack, timings);
        const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
        for (const Problem& p : problems) {
            INFO(p.str().substr(0, 300));
            CHECK(p.file == "people.toml");
            CHECK(p.line >= 1);
            CHECK(p.line <= lines);
            CHECK(p.message.find('\n') == std::string::npos);
            CHECK(p.message.size() < 400);
        }
        if (!problems.empty()) {
            ++refused;
            continue;
        }
        // Accepted: the model's shares are numbers between 0 and 1.
        const sim::Model model(*r.population, *pack.pack);
        for (const auto& q : model.content().questions) {
            if (q.type == QuestionType::FreeText) continue;
            for (double s : model.expected_shares(q, "second")) CHECK((std::isfinite(s) && s >= 0 && s <= 1 + 1e-9));
        }
    }
    CHECK(refused * 10 >= static_cast<int>(cases.size()) * 7);
}
