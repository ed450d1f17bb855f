// UTF-8 decoding and small string helpers.
#include "text.hpp"

namespace dv {

namespace {

// Decodes one code point at s[i]; returns its length in bytes, or 0 when malformed.
size_t decode_one(std::string_view s, size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    size_t len;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool is_word_char(char32_t c) {
    if (c == '\'' || c == '-' || c == 0x2019) return true;
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    // Every letter outside ASCII counts: Latin Extended, Greek, Cyrillic and so on.
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF);
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        char32_t cp;
        const size_t n = decode_one(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::vector<char32_t> decode_utf8(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t cp;
        const size_t n = decode_one(s, i, cp);
        if (n == 0) {
            out.push_back(0xFFFD);
            ++i;
        } else {
            out.push_back(cp);
            i += n;
        }
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int count_words(std::string_view s) { return static_cast<int>(split_words(s).size()); }

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> words;
    bool in_word = false;
    for (char32_t c : decode_utf8(s)) {
        const bool w = is_word_char(c) && !(c == '-' && !in_word);
        if (w && !in_word) words.emplace_back();
        if (w) append_utf8(words.back(), c);
        in_word = w;
    }
    return words;
}

namespace {

// Parallel tables, one letter per position: lower case, upper case, base letter.
const std::u32string& latin_lower_table() {
    static const std::u32string t =
        U"àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżžæœ";
    return t;
}
const std::u32string& latin_upper_table() {
    static const std::u32string t =
        U"ÀÁÂÃÄÅĀĂĄÇĆĈĊČĎĐÈÉÊËĒĔĖĘĚĜĞĠĢĤĦÌÍÎÏĨĪĬĮĴĶĹĻĽĿŁÑŃŅŇÒÓÔÕÖØŌŎŐŔŖŘŚŜŞŠȘŢŤŦȚÙÚÛÜŨŪŬŮŰŲŴÝŸŶŹŻŽÆŒ";
    return t;
}
constexpr std::string_view kLatinBase =
    "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiijklllllnnnnooooooooorrrsssssttttuuuuuuuuuuwyyyzzzao";

}  // namespace

char32_t latin_upper(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    const size_t i = latin_lower_table().find(c);
    return i == std::u32string::npos ? c : latin_upper_table()[i];
}

char32_t latin_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    const size_t i = latin_upper_table().find(c);
    return i == std::u32string::npos ? c : latin_lower_table()[i];
}

char32_t latin_base(char32_t c) {
    c = latin_lower(c);
    if (c < 0x80) return c;
    const size_t i = latin_lower_table().find(c);
    return i == std::u32string::npos ? c : static_cast<char32_t>(kLatinBase[i]);
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
    return std::string(s.substr(b, e - b));
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string fill(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                bool found = false;
                for (const auto& [k, v] : values) {
                    if (k == name) {
                        out += v;
                        found = true;
                        break;
                    }
                }
                if (found) {
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace dv
