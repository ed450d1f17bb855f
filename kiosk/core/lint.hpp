// Content pack lint: everything beyond parsing that decides whether a pack is fit to show.
//
// parse_pack() already refuses what is malformed (schema, unique ids, references, every
// language complete and shaped like the default one). lint_pack() then checks what a visitor
// would suffer from (the rules are listed in assets/content/README.md):
//   - every character is drawn by the kiosk's fonts, every pictogram by the icon font;
//   - explainers fit one screen (at most 60 words of text);
//   - English reads at the pack's reading age (Flesch-Kincaid grade + 5, per screen);
//   - no sentence runs on (25 words; Easy Read 15), and Easy Read has a pictogram per paragraph;
//   - QR links are well-formed https links; interface words keep their {placeholders};
//   - read-aloud voices exist.
// Translations marked review = "needed", and other things worth knowing, come back as notes.
//
// Core does no I/O: whether a font has a glyph or a voice exists is asked through LintOptions,
// which the staff tool and the kiosk fill from the real font files.
#pragma once

#include "content.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace dv {

struct LintOptions {
    // Whether the kiosk's text fonts (regular and bold) draw a code point; unset: not checked.
    std::function<bool(char32_t)> text_glyph;
    // Whether the pictogram font draws a code point; unset: not checked.
    std::function<bool(char32_t)> icon_glyph;
    // Whether a read-aloud voice exists; unset: not checked.
    std::function<bool(const std::string&)> voice_known;
};

struct LintReport {
    Problems errors;  // any error: the pack must not be shown to visitors
    Problems notes;   // worth knowing but not wrong: translations awaiting review, reading ages
    bool ok() const { return errors.empty(); }
};

// The limits (assets/content/README.md explains them to staff).
constexpr int kExplainerMaxWords = 60;
constexpr int kSentenceMaxWords = 25;
constexpr int kEasyReadSentenceMaxWords = 15;
constexpr int kReadabilityMinWords = 10;  // below this the formula says nothing useful

// File names in the problems are relative to the pack folder, as parse_pack() gives them.
LintReport lint_pack(const Pack& pack, const LintOptions& options = {});

// Parses, then lints; problems from parsing are errors, and linting stops there.
LintReport lint_pack_files(const PackFiles& files, const LintOptions& options = {});

// lint_pack() for a pack read from `folder`: file names carry the folder, as load_pack_dir()
// gives them, so every line points at a real file.
LintReport lint_pack_in(const Pack& pack, const std::string& folder, const LintOptions& options = {});

// "https://" then a host name with a dot (letters, digits, hyphens), an optional port, and
// an optional path of printable ASCII without spaces.
bool is_wellformed_https_url(std::string_view url);

// English and its variants ("en", "en-easy"): the languages the readability formula suits.
bool is_english(const LanguageInfo& info);

}  // namespace dv
