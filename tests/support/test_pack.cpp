// Test helpers: the tiny pack, the default pack, temporary folders.
#include "test_pack.hpp"

#include "exchange/pack_files.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include <stdlib.h>

namespace dv::test {

namespace {

const char* const kPack = R"(
id = "tiny"
version = "1.2.3"
title = "Tiny test pack"
default_language = "en"
topics = ["t1", "t2"]
closing_explainer = "e_close"
[privacy]
results_threshold = 3
results_refresh_every = 2
[[language]]
code = "en"
name = "English"
[[language]]
code = "cy"
name = "Cymraeg"
review = "needed"
)";

// Each word says which it is; the results sentences carry the placeholders core/results.cpp fills.
std::string ui_words(const std::string& prefix) {
    static const std::map<std::string, std::string> kResults = {
        {"results_more_chose", "{option}"},
        {"results_moved_towards", "{option}"},
        {"results_hands_based_on", "{first} {second}"},
    };
    const auto& counted = counted_ui_words();
    std::vector<std::string> words = required_ui_words();
    for (const auto& w : counted)
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
    std::string out;
    for (const auto& w : words) {
        const bool is_counted = std::find(counted.begin(), counted.end(), w) != counted.end();
        std::string holes = "{n} {total}";
        if (is_counted)
            holes = "{n}";
        else if (w.rfind("results_", 0) == 0 && w != "results_title" && w != "results_waiting" &&
                 w != "results_before" && w != "results_after")
            holes = kResults.count(w) ? kResults.at(w) : "";
        const std::string text = "\"" + prefix + w + " " + holes + " .\"";
        // English counts in two forms (core/plural.hpp); Welsh has no rule there, so one string.
        if (is_counted && prefix.empty())
            out += w + " = { one = " + text + ", other = " + text + " }\n";
        else
            out += w + " = " + text + "\n";
    }
    for (const auto& w : scenario_ui_words()) out += w + " = \"" + prefix + w + " .\"\n";
    return out;
}

std::string topics(const std::string& p) {
    return R"(
[[topic]]
id = "t1"
title = ")" + p + R"(Topic one"
summary = ")" + p + R"(About one"
icon = "folder"
explainers = ["e1", "e2"]
questions = ["q_single", "q_cond", "q_scale", "q_multi", "q_age"]
scenario = "s1"
[[topic]]
id = "t2"
title = ")" + p + R"(Topic two"
summary = ")" + p + R"(About two"
explainers = ["e_close"]
questions = ["q_single", "q_age"]
)";
}

std::string explainers(const std::string& p) {
    return R"(
[[explainer]]
id = "e1"
title = ")" + p + R"(First"
text = ")" + p + R"(Some words."
[[explainer]]
id = "e2"
title = ")" + p + R"(Second"
text = ")" + p + R"(More words."
diagram = "record_journey"
[[explainer]]
id = "e_close"
title = ")" + p + R"(Opting out"
text = ")" + p + R"(You can say no."
qr_url = "https://www.nhs.uk/your-nhs-data-matters/"
qr_caption = ")" + p + R"(Scan me"
)";
}

std::string questions(const std::string& p) {
    return R"(
[[question]]
id = "q_single"
type = "single"
text = ")" + p + R"(Yes or no?"
options = [{ id = "yes", label = ")" + p + R"(Yes" }, { id = "no", label = ")" + p + R"(No" }, { id = "not_sure", label = ")" + p + R"(Not sure" }]
[[question]]
id = "q_cond"
type = "single"
text = ")" + p + R"(Only after yes"
show_if = { question = "q_single", any_of = ["yes"] }
options = [{ id = "a", label = ")" + p + R"(A" }, { id = "b", label = ")" + p + R"(B" }]
[[question]]
id = "q_scale"
type = "scale"
text = ")" + p + R"(How comfortable?"
options = [{ id = "s1", label = "1" }, { id = "s2", label = "2" }, { id = "s3", label = "3" }, { id = "s4", label = "4" }, { id = "s5", label = "5" }]
[[question]]
id = "q_multi"
type = "multi"
max_choices = 2
text = ")" + p + R"(Pick up to two"
options = [{ id = "m1", label = "M1" }, { id = "m2", label = "M2" }, { id = "m3", label = "M3" }]
[[question]]
id = "q_view"
type = "single"
text = ")" + p + R"(Good use?"
options = [{ id = "yes", label = "Yes" }, { id = "no", label = "No" }, { id = "not_sure", label = "Not sure" }]
[[question]]
id = "q_age"
type = "single"
about_you = true
text = ")" + p + R"(How old?"
options = [{ id = "young", label = "Young" }, { id = "old", label = "Old" }, { id = "prefer_not", label = "Prefer not" }]
)";
}

std::string scenarios(const std::string& p) {
    return R"(
[[scenario]]
id = "s1"
title = ")" + p + R"(A scenario"
text = ")" + p + R"(What happens."
question = "q_view"
[[scenario.card]]
id = "c1"
side = "benefit"
icon = "heart"
text = ")" + p + R"(Good."
[[scenario.card]]
id = "c2"
side = "concern"
icon = "lock"
text = ")" + p + R"(Worry."
[[scenario.card]]
id = "c3"
side = "benefit"
icon = "users"
text = ")" + p + R"(Also good."
)";
}

}  // namespace

PackFiles tiny_pack_files() {
    PackFiles f;
    f["pack.toml"] = kPack;
    for (const auto& [lang, prefix] : {std::pair{"en", ""}, std::pair{"cy", "cy "}}) {
        const std::string dir = std::string(lang) + "/";
        f[dir + "ui.toml"] = ui_words(prefix);
        f[dir + "topics.toml"] = topics(prefix);
        f[dir + "explainers.toml"] = explainers(prefix);
        f[dir + "questions.toml"] = questions(prefix);
        f[dir + "scenarios.toml"] = scenarios(prefix);
    }
    return f;
}

PackFiles informed_pack_files(int comparison_percent) {
    PackFiles f = tiny_pack_files();
    for (const std::string lang : {"en", "cy"}) {
        const std::string p = lang == "en" ? "" : "cy ";
        for (const auto& w : knowledge_ui_words()) f[lang + "/ui.toml"] += w + " = \"" + p + w + "\"\n";
        std::string& sc = f[lang + "/scenarios.toml"];
        const std::string anchor = "question = \"q_view\"\n";
        sc.insert(sc.find(anchor) + anchor.size(), "comparison_percent = " + std::to_string(comparison_percent) + "\n");
        sc += "[[scenario.knowledge]]\nid = \"k1\"\nstatement = \"" + p + "Names are taken off.\"\nanswer = \"true\"\n"
              "explanation = \"" + p + "They are removed first.\"\n"
              "[[scenario.knowledge]]\nid = \"k2\"\nstatement = \"" + p + "Anyone can see it.\"\nanswer = \"false\"\n"
              "explanation = \"" + p + "Only approved staff can.\"\n";
    }
    return f;
}

namespace {
Pack parsed_or_throw(const PackFiles& files, const std::string& name) {
    PackResult r = parse_pack(files);
    if (!r.pack) throw std::runtime_error(name + " pack does not parse:\n" + format_problems(r.problems));
    return *r.pack;
}
}  // namespace

const Pack& informed_pack() {
    static const Pack pack = parsed_or_throw(informed_pack_files(), "informed");
    return pack;
}

const Pack& tiny_pack() {
    static const Pack pack = parsed_or_throw(tiny_pack_files(), "tiny");
    return pack;
}

std::string source_dir() { return DATAVOICE_SOURCE_DIR; }

const Pack& default_pack() {
    static const Pack pack = [] {
        PackLoad l = load_pack_dir(source_dir() + "/assets/content/default");
        if (!l.pack) throw std::runtime_error("default pack does not parse:\n" + format_problems(l.problems));
        return *l.pack;
    }();
    return pack;
}

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "datavoice-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

}  // namespace dv::test
