// UTF-8 and plain-text helpers shared by content validation, readability checks and the UI.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Code points of a valid UTF-8 string (invalid bytes become U+FFFD).
std::vector<char32_t> decode_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t cp);

// Words are runs of letters, digits, apostrophes and hyphens.
int count_words(std::string_view s);
std::vector<std::string> split_words(std::string_view s);

std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Case and base letter of the Latin letters European languages write with (ASCII, Latin-1,
// Latin Extended-A and the Romanian comma-below letters): latin_upper('ą') = 'Ą',
// latin_base('Ą') = 'a'. Any other character comes back unchanged.
char32_t latin_upper(char32_t c);
char32_t latin_lower(char32_t c);
char32_t latin_base(char32_t c);

// Replaces {name} placeholders from a flat list of name/value pairs.
std::string fill(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace dv
