// Readability of the words a visitor reads: sentences, words, syllables, and the
// Flesch-Kincaid grade for English, turned into a UK reading age (grade + 5).
//
// The syllable count is the usual vowel-group estimate with the common English corrections
// (a silent final e, -ed and -es that add no syllable). It is a guide for staff writing
// content, not a linguistic truth: a screen that fails should be rewritten in shorter
// sentences and shorter words, not argued with.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dv {

// Paragraphs are separated by a blank line; each is trimmed; empty ones are dropped.
std::vector<std::string> split_paragraphs(std::string_view text);

// Sentences end at '.', '!', '?' or '…' followed by a space or the end, and at every line
// break (a title is a sentence). A "sentence" without a word in it is dropped.
std::vector<std::string> split_sentences(std::string_view text);

// English syllables in one word (at least 1). Numbers and letter-only abbreviations count 1.
int english_syllables(std::string_view word);

struct TextStats {
    int words = 0;
    int sentences = 0;
    int syllables = 0;         // the English estimate, summed over words
    int longest_sentence = 0;  // in words
};

TextStats text_stats(std::string_view text);

// 0.39 × words per sentence + 11.8 × syllables per word − 15.59; 0 for a text with no words.
double flesch_kincaid_grade(const TextStats& s);

// The UK reading age that grade corresponds to: grade + 5, never below 5.
double reading_age(const TextStats& s);

}  // namespace dv
