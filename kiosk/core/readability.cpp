// Sentence splitting, English syllable estimates and the Flesch-Kincaid grade.
#include "readability.hpp"

#include "text.hpp"

#include <algorithm>

namespace dv {

std::vector<std::string> split_paragraphs(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string t = trim(current);
        if (!t.empty()) out.push_back(std::move(t));
        current.clear();
    };
    size_t i = 0;
    while (i < text.size()) {
        const size_t nl = text.find('\n', i);
        const std::string_view line = text.substr(i, nl == std::string_view::npos ? std::string_view::npos : nl - i);
        if (trim(line).empty()) {
            flush();
        } else {
            if (!current.empty()) current += '\n';
            current += line;
        }
        if (nl == std::string_view::npos) break;
        i = nl + 1;
    }
    flush();
    return out;
}

std::vector<std::string> split_sentences(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string t = trim(current);
        if (!split_words(t).empty()) out.push_back(std::move(t));
        current.clear();
    };
    const std::vector<char32_t> cps = decode_utf8(text);
    for (size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        if (c == '\n') {
            flush();
            continue;
        }
        append_utf8(current, c);
        const bool ender = c == '.' || c == '!' || c == '?' || c == 0x2026;
        if (!ender) continue;
        // Closing quotes and brackets belong to the sentence they end.
        while (i + 1 < cps.size() && (cps[i + 1] == '"' || cps[i + 1] == ')' || cps[i + 1] == 0x201D ||
                                      cps[i + 1] == 0x2019 || cps[i + 1] == 0xBB)) {
            append_utf8(current, cps[++i]);
        }
        if (i + 1 == cps.size() || cps[i + 1] == ' ' || cps[i + 1] == '\n' || cps[i + 1] == '\t') flush();
    }
    flush();
    return out;
}

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// One run of letters, lower case, no apostrophes or hyphens.
int syllables_of_part(const std::string& w) {
    if (w.empty()) return 0;
    int groups = 0;
    bool prev_vowel = false;
    for (size_t i = 0; i < w.size(); ++i) {
        // A leading y is a consonant ("yes", "you"); elsewhere it sounds like a vowel.
        const bool v = is_vowel(w[i]) && !(i == 0 && w[i] == 'y');
        if (v && !prev_vowel) ++groups;
        prev_vowel = v;
    }
    // "ia" and "io" are usually two syllables ("media", "period"), but not in "-cial", "-tion".
    for (size_t i = 1; i + 1 < w.size(); ++i) {
        const char a = w[i], b = w[i + 1];
        const char before = w[i - 1];
        const bool soft = before == 'c' || before == 't' || before == 's' || before == 'g' || before == 'x';
        if (a == 'i' && (b == 'a' || b == 'o') && !soft) ++groups;
    }
    const size_t n = w.size();
    if (groups > 1) {
        if (ends_with(w, "e") && !ends_with(w, "ee") && !(ends_with(w, "le") && n > 2 && !is_vowel(w[n - 3]))) {
            --groups;  // a silent final e: "care", "code", "whole"
        } else if (ends_with(w, "ed") && n > 2 && w[n - 3] != 't' && w[n - 3] != 'd') {
            --groups;  // "used", "asked", "joined"
        } else if (ends_with(w, "es") && !ends_with(w, "ies") && n > 2) {
            const char c = w[n - 3];
            const bool sounded = c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g' || ends_with(w, "ches") ||
                                 ends_with(w, "shes");
            if (!sounded) --groups;  // "names", "homes"; but "services", "changes"
        }
    }
    return std::max(1, groups);
}

}  // namespace

int english_syllables(std::string_view word) {
    std::string lower;
    bool has_letter = false;
    int total = 0;
    auto flush = [&] {
        if (!lower.empty()) total += syllables_of_part(lower);
        lower.clear();
    };
    // "GP's" and "don't": what follows an apostrophe adds no syllable.
    std::string w(word);
    for (const char* apos : {"'s", "\xe2\x80\x99s"}) {
        if (ends_with(w, apos)) w.erase(w.size() - std::string_view(apos).size());
    }
    for (size_t i = 0; i < w.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(w[i]);
        if (c == '-') {
            flush();
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            lower += static_cast<char>(c | 0x20);
            has_letter = true;
        } else if (c >= 0x80) {
            lower += 'x';  // a letter from outside ASCII: a consonant, for want of better
            has_letter = true;
        }
    }
    flush();
    if (!has_letter) return 1;  // a number such as 0300 or 2025
    return std::max(1, total);
}

TextStats text_stats(std::string_view text) {
    TextStats s;
    for (const std::string& sentence : split_sentences(text)) {
        const std::vector<std::string> words = split_words(sentence);
        if (words.empty()) continue;
        ++s.sentences;
        s.words += static_cast<int>(words.size());
        s.longest_sentence = std::max(s.longest_sentence, static_cast<int>(words.size()));
        for (const auto& w : words) s.syllables += english_syllables(w);
    }
    return s;
}

double flesch_kincaid_grade(const TextStats& s) {
    if (s.words == 0 || s.sentences == 0) return 0;
    return 0.39 * s.words / s.sentences + 11.8 * s.syllables / s.words - 15.59;
}

double reading_age(const TextStats& s) { return std::max(5.0, flesch_kincaid_grade(s) + 5.0); }

}  // namespace dv
