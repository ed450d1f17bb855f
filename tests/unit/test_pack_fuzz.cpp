// A corpus of malformed content packs, generated from the example pack: truncated files,
// wrong types, missing references, duplicate ids, invalid UTF-8, huge strings, deep nesting,
// missing and empty files, stray bytes. Each must give a clear "file:line: message" and
// never crash. This file needs only kiosk/core, so it also builds alone under AddressSanitizer
// and UndefinedBehaviorSanitizer (the Fuzz/ test in tests/CMakeLists.txt does that).
#include "core/content.hpp"
#include "core/lint.hpp"
#include "fuzz/example_pack.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <regex>

using namespace dv;

namespace {

struct Case {
    std::string name;  // what was done, for the failure message
    PackFiles files;
};

// Lines of a file that assign a quoted value: `key = "..."`.
std::vector<std::pair<size_t, size_t>> string_values(const std::string& text) {
    std::vector<std::pair<size_t, size_t>> out;  // [begin, end) of the quoted value, quotes included
    static const std::regex assign(R"(^[a-z_]+ = ("[^"\n]*")$)", std::regex::multiline);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), assign); it != std::sregex_iterator(); ++it)
        out.emplace_back(static_cast<size_t>(it->position(1)), static_cast<size_t>(it->position(1) + it->length(1)));
    return out;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

std::vector<Case> corpus() {
    const PackFiles base = test::example_pack_files();
    std::vector<Case> cases;
    auto add = [&](std::string name, const std::string& file, std::string text) {
        PackFiles f = base;
        f[file] = std::move(text);
        cases.push_back({std::move(name), std::move(f)});
    };
    std::mt19937 rng(20250601);  // fixed: the corpus is the same on every run

    for (const auto& [file, text] : base) {
        // Truncated at several points, some of them inside a multi-byte character.
        for (int k = 0; k < 6; ++k) add(file + " truncated at " + std::to_string(k) + "/6", file, text.substr(0, text.size() * k / 6 + k % 2));
        // Invalid UTF-8 of four kinds inside the first quoted value.
        const auto values = string_values(text);
        if (!values.empty()) {
            const size_t at = values.front().first + 1;
            for (const char* bad : {"\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80"})
                add(file + " invalid UTF-8", file, text.substr(0, at) + bad + text.substr(at));
        }
        // Every quoted value in turn given the wrong type.
        const char* wrong[] = {"42", "true", "[1, 2]", "{ a = 1 }", "2025-06-01", "3.5"};
        for (size_t i = 0; i < values.size(); ++i) {
            const auto [b, e] = values[i];
            add(file + " value " + std::to_string(i) + " of the wrong type", file,
                text.substr(0, b) + wrong[i % 6] + text.substr(e));
        }
        // Stray TOML syntax before a random key or table line (not inside a multi-line text).
        std::vector<size_t> starts;
        static const std::regex key_line(R"(^(\[|[a-z_]+ = ))", std::regex::multiline);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), key_line); it != std::sregex_iterator(); ++it)
            starts.push_back(static_cast<size_t>(it->position(0)));
        for (int k = 0; k < 4 && !starts.empty(); ++k) {
            const size_t at = starts[std::uniform_int_distribution<size_t>(0, starts.size() - 1)(rng)];
            const char* junk[] = {"= = =\n", "[[\n", "\"unterminated\n", "key = \"a\" extra\n"};
            add(file + " stray syntax " + junk[k], file, text.substr(0, at) + junk[k] + text.substr(at));
        }
        if (!values.empty()) {
            const size_t at = values.back().first + 1;
            add(file + " NUL byte in a value", file, text.substr(0, at) + std::string(1, '\0') + text.substr(at));
            add(file + " huge value", file, text.substr(0, at) + std::string(1 << 20, 'x') + text.substr(at));
            // A letter outside quotes (libFuzzer found this one: undefined behaviour in toml++).
            const size_t line_start = text.rfind('\n', values.back().first) + 1;
            add(file + " letter outside quotes", file, text.substr(0, line_start) + "\xc4\x99 " + text.substr(line_start));
        }
        add(file + " empty", file, "");
        add(file + " only a comment", file, "# nothing here\n");
        add(file + " unknown key", file, "surprise = 1\n" + text);
        add(file + " binary junk", file, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        PackFiles missing = base;
        missing.erase(file);
        cases.push_back({file + " missing", missing});
    }

    // Deep nesting, long dotted keys and huge lists.
    add("deep arrays", "en/ui.toml", base.at("en/ui.toml") + "deep = " + std::string(5000, '[') + std::string(5000, ']') + "\n");
    add("deep inline tables", "en/ui.toml", base.at("en/ui.toml") + "deep = " + [] {
        std::string s;
        for (int i = 0; i < 3000; ++i) s += "{ a = ";
        s += "1";
        for (int i = 0; i < 3000; ++i) s += " }";
        return s;
    }() + "\n");
    add("deep table header", "en/topics.toml", [] {
        std::string s = "[";
        for (int i = 0; i < 20000; ++i) s += i ? ".a" : "a";
        return s + "]\nx = 1\n";
    }());
    add("deep dotted key", "en/ui.toml", [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += i ? ".a" : "a";
        return s + " = 1\n";
    }());
    add("many options", "en/questions.toml", replaced(base.at("en/questions.toml"), "options = [", "options = [" + [] {
        std::string s;
        for (int i = 0; i < 5000; ++i) s += "{ id = \"o" + std::to_string(i) + "\", label = \"x\" }, ";
        return s;
    }()));
    add("many topics", "pack.toml", replaced(base.at("pack.toml"), "topics = [\"records\"]", "topics = [" + [] {
        std::string s;
        for (int i = 0; i < 5000; ++i) s += "\"t" + std::to_string(i) + "\", ";
        return s + "\"records\"]";
    }()));

    // References that do not resolve, and ids used twice.
    const std::pair<std::string, std::pair<std::string, std::string>> edits[] = {
        {"pack.toml", {"topics = [\"records\"]", "topics = [\"nowhere\"]"}},
        {"pack.toml", {"closing_explainer = \"say_no\"", "closing_explainer = \"nowhere\""}},
        {"pack.toml", {"default_language = \"en\"", "default_language = \"cy\""}},
        {"pack.toml", {"code = \"pl\"", "code = \"en\""}},
        {"pack.toml", {"code = \"pl\"", "code = \"Polish!\""}},
        {"pack.toml", {"version = \"1.0.0\"", "version = \"1.0\""}},
        {"pack.toml", {"reading_age_limit = 11", "reading_age_limit = 99"}},
        {"pack.toml", {"results_threshold = 10", "results_threshold = -1"}},
        {"en/topics.toml", {"explainers = [\"record\"]", "explainers = [\"nowhere\"]"}},
        {"en/topics.toml", {"\"your_say\"", "\"nowhere\""}},
        {"en/topics.toml", {"scenario = \"reminders\"", "scenario = \"nowhere\""}},
        {"en/topics.toml", {"icon = \"folder\"", "icon = \"unicorn\""}},
        {"en/topics.toml", {"questions = [\"heard\", \"comfort\", \"why_worried\"", "questions = [\"why_worried\", \"heard\", \"comfort\""}},
        {"en/scenarios.toml", {"question = \"reminders_view\"", "question = \"nowhere\""}},
        {"en/scenarios.toml", {"question = \"reminders_view\"", "question = \"your_say\""}},
        {"en/scenarios.toml", {"side = \"concern\"", "side = \"neutral\""}},
        {"en/scenarios.toml", {"id = \"trusted\"", "id = \"fewer_ill\""}},
        {"en/questions.toml", {"show_if = { question = \"comfort\"", "show_if = { question = \"nowhere\""}},
        {"en/questions.toml", {"any_of = [\"somewhat_uncomfortable\"", "any_of = [\"nowhere\""}},
        {"en/questions.toml", {"id = \"comfort\"\n", "id = \"heard\"\n"}},
        {"en/questions.toml", {"{ id = \"no\", label = \"No\" }", "{ id = \"yes\", label = \"No\" }"}},
        {"en/questions.toml", {"type = \"scale\"", "type = \"slider\""}},
        {"en/questions.toml", {"max_choices = 2", "max_choices = 9"}},
        {"en/questions.toml", {"max_length = 200", "max_length = 100000"}},
        {"en/questions.toml", {"{ id = \"neutral\", label = \"Not sure either way\" },", ""}},
        {"en/explainers.toml", {"id = \"say_no\"", "id = \"record\""}},
        {"en/explainers.toml", {"https://www.nhs.uk/your-nhs-data-matters/", "http://example.org/"}},
        {"en/explainers.toml", {"pictograms = [\"doctor\", \"lock\"]", "pictograms = [\"doctor\"]"}},
        {"en/explainers.toml", {"pictograms = [\"doctor\", \"lock\"]", "pictograms = [\"doctor\", \"dragon\"]"}},
        {"en/explainers.toml", {"qr_caption = \"Scan with your phone camera to find out more\"\n", ""}},
        {"pl/questions.toml", {"max_choices = 2", "max_choices = 3"}},
        {"pl/topics.toml", {"scenario = \"reminders\"", ""}},
        {"pl/ui.toml", {"Krok {n} z {total}", "Krok {n}"}},
        {"pl/ui.toml", {"skip = \"Pomiń\"\n", ""}},
    };
    for (const auto& [file, edit] : edits) {
        INFO(file << ": " << edit.first);
        REQUIRE(base.at(file).find(edit.first) != std::string::npos);
        add(file + " edited: " + edit.first.substr(0, 30), file, replaced(base.at(file), edit.first, edit.second));
    }
    PackFiles extra_language = base;
    extra_language["pack.toml"] += "\n[[language]]\ncode = \"lt\"\nname = \"Lietuvių\"\n";
    cases.push_back({"a language without its files", extra_language});
    return cases;
}

}  // namespace

TEST_CASE("Fuzz/the example pack itself parses and lints clean", "[fuzz]") {
    const LintReport r = lint_pack_files(test::example_pack_files());
    INFO(format_problems(r.errors));
    CHECK(r.ok());
}

TEST_CASE("Fuzz/every malformed pack in the corpus gives a clear file:line problem and no crash", "[fuzz]") {
    const PackFiles base = test::example_pack_files();
    const std::vector<Case> cases = corpus();
    CHECK(cases.size() >= 200);
    int with_line = 0;
    for (const Case& c : cases) {
        INFO("case: " << c.name);
        const LintReport r = lint_pack_files(c.files);
        REQUIRE_FALSE(r.errors.empty());
        for (const Problem& p : r.errors) {
            INFO(p.str().substr(0, 300));
            // Names a file of the pack (or the one that is missing), says what is wrong in one
            // line of reasonable length, and never echoes a whole huge value back.
            CHECK((base.count(p.file) || c.files.count(p.file) || p.message.find("missing") != std::string::npos));
            CHECK_FALSE(p.message.empty());
            CHECK(p.message.find('\n') == std::string::npos);
            CHECK(p.message.size() < 400);
            CHECK(p.line >= 0);
            if (p.line > 0) {
                // The line exists in that file.
                auto f = c.files.find(p.file);
                if (f != c.files.end())
                    CHECK(p.line <= 1 + static_cast<int>(std::count(f->second.begin(), f->second.end(), '\n')));
            }
        }
        const bool lined = std::any_of(r.errors.begin(), r.errors.end(), [](const Problem& p) { return p.line > 0; });
        with_line += lined;
        // Only problems about something absent (a file, a word, an entry) may lack a line.
        if (!lined) {
            const std::string& m = r.errors.front().message;
            CHECK((m.find("missing") != std::string::npos || m.find(" has ") != std::string::npos ||
                   m.find("is not in") != std::string::npos || m.find("not one of") != std::string::npos));
        }
    }
    // Nearly every case points at a line; the rest are about missing things.
    CHECK(with_line * 10 >= static_cast<int>(cases.size()) * 8);
}
