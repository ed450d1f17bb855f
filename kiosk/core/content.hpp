// The content model: a pack of explainers, questions and scenarios in several languages.
//
// A pack is a folder (documented in assets/content/README.md):
//   pack.toml                      id, version, languages, topic order, privacy settings
//   <lang>/ui.toml                 the words on buttons and fixed screens
//   <lang>/topics.toml             [[topic]]      what the topic screen offers, and in what order
//   <lang>/explainers.toml         [[explainer]]  one short screen each
//   <lang>/questions.toml          [[question]]   single, scale, multi, text
//   <lang>/scenarios.toml          [[scenario]]   a mini deliberative poll with perspective cards
// Every language folder is complete on its own; the default language fixes the structure
// (ids, types, options, conditions) and the others must match it exactly.
//
// parse_pack() takes the files' text, not a path: reading the folder is the caller's job.
#pragma once

#include "problem.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

enum class QuestionType { Single, Scale, Multi, FreeText };
const char* question_type_name(QuestionType t);

struct Option {
    std::string id;
    std::string label;
    std::string icon;  // optional; a name from icons.hpp
    // Multi questions only: choosing it clears the other choices, and choosing another clears
    // it ("None of these"). Shared by every language, but not part of the question's hash.
    bool exclusive = false;
};

// Show a question only when an earlier answer to `question` included one of `any_of`.
struct Condition {
    std::string question;
    std::vector<std::string> any_of;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Single;
    std::string text;
    std::string help;  // optional second line, e.g. "Choose up to 3"
    std::vector<Option> options;
    int max_choices = 1;  // Multi only
    int max_length = 0;   // FreeText only
    std::optional<Condition> show_if;
    bool about_you = false;    // a demographic question: always skippable, used for splits
    std::string content_hash;  // sha256 of exactly what a visitor sees in this language
    int line = 0;

    const Option* option(std::string_view option_id) const;
};

struct Explainer {
    std::string id;
    std::string title;
    std::string text;
    std::string icon;        // optional
    std::string diagram;     // optional: an animated diagram the UI knows by name
    std::string qr_url;      // optional: a link to take away
    std::string qr_caption;  // shown under the code
    // Optional: one pictogram per paragraph of text, drawn beside it (Easy Read needs them).
    // Presentation only: languages may differ here, unlike `icon`.
    std::vector<std::string> pictograms;
    int line = 0;
};

enum class CardSide { Benefit, Concern };

struct Card {
    std::string id;
    CardSide side = CardSide::Benefit;
    std::string icon;
    std::string text;
    int line = 0;
};

// A short factual statement asked before and after the cards ("a quick check, not a test"):
// the visitor answers true, false or don't know. The same words are shown both times.
struct KnowledgeItem {
    std::string id;           // unique in the pack; stored as the answer's question id
    std::string statement;
    bool answer = false;      // the correct answer: true or false ("don't know" never is)
    std::string explanation;  // one line, shown after the second time
    std::string content_hash; // sha256 of the statement, the answer and the explanation
    int line = 0;
};

// The values a knowledge answer is stored as, and the words (ui.toml) they are shown with.
inline constexpr const char* kKnowledgeTrue = "true";
inline constexpr const char* kKnowledgeFalse = "false";
inline constexpr const char* kKnowledgeDontKnow = "dont_know";
inline constexpr int kDefaultComparisonPercent = 20;

struct Scenario {
    std::string id;
    std::string title;
    std::string text;
    std::string icon;
    std::string question;  // the view asked before and after the cards (single or scale)
    std::vector<Card> cards;
    std::vector<std::string> pictograms;  // as Explainer::pictograms
    std::vector<KnowledgeItem> knowledge;  // 0, or 2 to 4
    // Share of visits (0–50 %) randomly asked the view twice with a pause instead of the cards.
    int comparison_percent = kDefaultComparisonPercent;
    int line = 0;

    const KnowledgeItem* knowledge_item(std::string_view item_id) const;
};

struct Topic {
    std::string id;
    std::string title;
    std::string summary;
    std::string icon;
    std::vector<std::string> explainers;
    std::vector<std::string> questions;
    std::string scenario;  // optional
    int line = 0;
};

struct LanguageInfo {
    std::string code;  // e.g. "en", "en-easy", "pl"
    std::string name;  // the language's own name for itself: "Polski", not "Polish"
    bool easy_read = false;
    bool review_needed = false;  // a translation not yet checked by a native speaker
    std::string voice;           // espeak-ng voice for read-aloud, e.g. "en-gb"
    int line = 0;                // of its [[language]] entry in pack.toml
};

struct LanguageContent {
    LanguageInfo info;
    std::map<std::string, std::string, std::less<>> ui;
    std::map<std::string, int, std::less<>> ui_lines;  // where each word is in ui.toml
    // Counted phrases given in plural forms (core/plural.hpp): key → form name ("one", "few",
    // "many", "other") → text. `ui` holds each such phrase too, as its "other" (or "many") form.
    std::map<std::string, std::map<std::string, std::string>, std::less<>> ui_forms;
    std::vector<Topic> topics;
    std::vector<Explainer> explainers;
    std::vector<Question> questions;
    std::vector<Scenario> scenarios;

    const Topic* topic(std::string_view id) const;
    const Explainer* explainer(std::string_view id) const;
    const Question* question(std::string_view id) const;
    const Scenario* scenario(std::string_view id) const;
    // An interface word; falls back to the key itself so a gap is visible, never a crash.
    const std::string& word(std::string_view key) const;
    // A counted phrase for n: the plural form this language uses for n (or the plain string),
    // with {n} filled in. Every phrase saying how many of something goes through here.
    std::string counted(std::string_view key, std::int64_t n) const;
};

struct PackPrivacy {
    int results_threshold = 10;     // visitors needed before "what others said here" appears
    int results_refresh_every = 5;  // the on-screen figures change only after this many new sessions
    bool free_text = false;         // free-text questions are off unless the pack turns them on
};

struct Pack {
    std::string id;
    std::string version;  // semantic version, "1.2.0"
    std::string title;
    std::string default_language;
    std::vector<std::string> topic_order;
    std::string closing_explainer;  // optional: shown after every topic, e.g. how to opt out
    PackPrivacy privacy;
    int reading_age_limit = 11;
    std::vector<LanguageContent> languages;  // in pack.toml order; the default is among them
    std::string hash;                        // sha256 over every file's name and bytes

    const LanguageContent* language(std::string_view code) const;
    const LanguageContent& default_content() const;
};

// Relative path inside the pack ("en/questions.toml") → the file's bytes.
using PackFiles = std::map<std::string, std::string>;

struct PackResult {
    std::optional<Pack> pack;  // set only when there are no problems
    Problems problems;
};

PackResult parse_pack(const PackFiles& files);

// The hashes bundles carry (docs/bundle-format.md, "Hashes", works them through). Each is the
// SHA-256 of length-prefixed fields: every field is written as its length in bytes in
// decimal, a colon, then its bytes ("5:hello").
//   question_structure: id|type|max_choices|max_length|y or n (about you)|option,icon;...[if:q=a,b]
//   question_hash: fields question_structure, text, help, then each option's label
//   pack_hash: for each file in name order, fields name, bytes
std::string question_structure(const Question& q);
std::string question_hash(const Question& q);
std::string knowledge_hash(const KnowledgeItem& k);
std::string pack_hash(const PackFiles& files);

// Every character any language of the pack shows, and the other case of each letter (for the
// keyboard), sorted: the font atlas must cover them all.
std::vector<char32_t> codepoints_used(const Pack& pack);

// The interface words every language must define (ui.toml).
const std::vector<std::string>& required_ui_words();
// The further words a language needs once any scenario has knowledge questions.
const std::vector<std::string>& knowledge_ui_words();
// The further words a language needs once the pack has any scenario (how sure, the pause, the
// reasons, "we will ask you again").
const std::vector<std::string>& scenario_ui_words();
// The interface words that say how many of something (each has {n}): lint asks for exactly
// the plural forms their language needs.
const std::vector<std::string>& counted_ui_words();

// True when an id is 1–40 characters of a–z, 0–9 and underscore.
bool is_valid_id(std::string_view id);

}  // namespace dv
