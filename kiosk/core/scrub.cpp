// This file implements the free-text scrubber: one small hand-written detector per kind of
// identifier, each returning byte ranges, merged and replaced in scrub_free_text().
//
// Index: [character classes] [emails and links] [digit runs: NHS and phone numbers]
//        [postcodes] [dates] [find_identifiers and scrub_free_text]
#include "scrub.hpp"

#include "text.hpp"

#include <algorithm>
#include <array>

namespace dv {

namespace {

// --- [character classes] ------------------------------------------------------------------
// Bytes of multi-byte UTF-8 sequences count as letters, so "é" never forms a word boundary.

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_char(char c) { return is_digit(c) || is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool word_start(std::string_view s, size_t i) { return i == 0 || !is_word_char(s[i - 1]); }
bool word_end(std::string_view s, size_t i) { return i >= s.size() || !is_word_char(s[i]); }

bool starts_with_nocase(std::string_view s, size_t i, std::string_view prefix) {
    if (s.size() - i < prefix.size()) return false;
    for (size_t k = 0; k < prefix.size(); ++k)
        if (upper(s[i + k]) != upper(prefix[k])) return false;
    return true;
}

// Trailing punctuation that ends a sentence rather than a link or an address.
size_t trim_trailing_punctuation(std::string_view s, size_t begin, size_t end) {
    while (end > begin && std::string_view(".,;:!?)]'\"").find(s[end - 1]) != std::string_view::npos) --end;
    return end;
}

// --- [emails and links] -------------------------------------------------------------------

bool is_local_part_char(char c) { return is_digit(c) || is_ascii_letter(c) || std::string_view("._%+-'_").find(c) != std::string_view::npos; }
bool is_domain_char(char c) { return is_digit(c) || is_ascii_letter(c) || c == '-' || c == '.'; }

// A domain ending at `end` (exclusive): true when it has a dot and ends in a label of 2+ letters.
bool looks_like_domain(std::string_view s, size_t begin, size_t end) {
    const std::string_view d = s.substr(begin, end - begin);
    const size_t dot = d.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || d.size() - dot - 1 < 2) return false;
    for (size_t k = dot + 1; k < d.size(); ++k)
        if (!is_ascii_letter(d[k])) return false;
    return true;
}

void find_emails(std::string_view s, std::vector<Finding>& out) {
    for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
        size_t begin = at;
        while (begin > 0 && is_local_part_char(s[begin - 1])) --begin;
        size_t end = at + 1;
        while (end < s.size() && is_domain_char(s[end])) ++end;
        end = trim_trailing_punctuation(s, at + 1, end);
        if (begin < at && looks_like_domain(s, at + 1, end)) out.push_back({IdentifierKind::Email, begin, end});
    }
}

// Top-level domains recognised in a link written without "http" or "www".
bool is_common_tld(std::string_view label) {
    static const std::array<std::string_view, 20> tlds = {"com", "org", "net", "uk", "io", "info", "gov", "edu", "me", "co",
                                                          "app", "dev", "biz", "eu", "tv", "ie", "scot", "wales", "cymru", "online"};
    std::string lower(label);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return std::find(tlds.begin(), tlds.end(), lower) != tlds.end();
}

size_t link_end(std::string_view s, size_t i) {
    size_t end = i;
    while (end < s.size() && std::string_view(" \t\r\n<>\"").find(s[end]) == std::string_view::npos) ++end;
    return trim_trailing_punctuation(s, i, end);
}

void find_links(std::string_view s, std::vector<Finding>& out) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (!word_start(s, i) || !is_ascii_letter(s[i])) continue;
        if (starts_with_nocase(s, i, "http://") || starts_with_nocase(s, i, "https://") ||
            starts_with_nocase(s, i, "ftp://") || starts_with_nocase(s, i, "www.")) {
            const size_t end = link_end(s, i);
            out.push_back({IdentifierKind::Url, i, end});
            i = end;
            continue;
        }
        // A bare domain such as example.co.uk/page: labels joined by dots, a known last label.
        size_t end = i;
        while (end < s.size() && is_domain_char(s[end])) ++end;
        const size_t domain_end = trim_trailing_punctuation(s, i, end);
        const std::string_view domain = s.substr(i, domain_end - i);
        const size_t dot = domain.rfind('.');
        const bool no_at = domain_end >= s.size() || s[domain_end] != '@';
        if (dot != std::string_view::npos && dot > 0 && no_at && domain.find("..") == std::string_view::npos &&
            is_common_tld(domain.substr(dot + 1)) && word_end(s, domain_end)) {
            const size_t full_end = domain_end < s.size() && s[domain_end] == '/' ? link_end(s, domain_end) : domain_end;
            out.push_back({IdentifierKind::Url, i, full_end});
            i = full_end;
            continue;
        }
        i = end;  // skip the rest of this word
    }
}

// --- [digit runs: NHS and phone numbers] --------------------------------------------------
// A run is groups of digits joined by short separators (spaces, dashes, brackets), such as
// "+44 (0)20 7946 0018" or "943 476 5919". Candidates are tried on consecutive groups, the
// longest first, so a phone number followed by another figure is still found.

struct DigitGroup {
    size_t begin = 0, end = 0;
    bool bracketed = false;          // written as "(0)" or "(01632)"
    std::string_view sep_before;     // what joins it to the previous group
};

bool is_run_separator(char c) { return c == ' ' || c == '-' || c == '(' || c == ')'; }

std::vector<DigitGroup> digit_run(std::string_view s, size_t& i) {
    std::vector<DigitGroup> groups;
    size_t sep_begin = i;
    while (i < s.size() && is_digit(s[i])) {
        DigitGroup g;
        g.begin = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        g.end = i;
        g.sep_before = s.substr(sep_begin, g.begin - sep_begin);
        g.bracketed = g.begin > 0 && s[g.begin - 1] == '(' && i < s.size() && s[i] == ')';
        groups.push_back(g);
        size_t j = i;
        while (j < s.size() && j - i < 3 && is_run_separator(s[j])) ++j;
        if (j == i || j >= s.size() || !is_digit(s[j])) break;
        sep_begin = i;
        i = j;
    }
    return groups;
}

std::string digits_of(std::string_view s, const std::vector<DigitGroup>& g, size_t first, size_t last) {
    std::string d;
    for (size_t k = first; k <= last; ++k) d.append(s.substr(g[k].begin, g[k].end - g[k].begin));
    return d;
}

bool is_nhs_shape(const std::vector<DigitGroup>& g, size_t first, size_t last) {
    auto len = [&](size_t k) { return g[k].end - g[k].begin; };
    if (first == last) return len(first) == 10;
    if (last != first + 2 || len(first) != 3 || len(first + 1) != 3 || len(last) != 4) return false;
    for (size_t k = first + 1; k <= last; ++k)
        if (g[k].sep_before != " " && g[k].sep_before != "-") return false;
    return true;
}

bool is_uk_phone(const std::string& d, bool plus, const std::vector<DigitGroup>& g, size_t first) {
    static constexpr std::string_view kTrunkPrefixes = "1235789";  // 01, 02, 03, 05, 07, 08, 09
    std::string national;
    if ((plus && d.rfind("44", 0) == 0) || d.rfind("0044", 0) == 0) {
        national = d.substr(plus ? 2 : 4);
        // "+44 (0)20 …": the bracketed trunk zero is not dialled from abroad.
        const bool trunk_bracket = first + 1 < g.size() && g[first + 1].bracketed && g[first + 1].end - g[first + 1].begin == 1;
        if (!national.empty() && national[0] == '0' && (trunk_bracket || national.size() == 11)) national.erase(0, 1);
        return (national.size() == 9 || national.size() == 10) && kTrunkPrefixes.find(national[0]) != std::string_view::npos;
    }
    if (plus || d.size() < 10 || d.size() > 11 || d[0] != '0') return false;
    return kTrunkPrefixes.find(d[1]) != std::string_view::npos;
}

void find_numbers(std::string_view s, std::vector<Finding>& out) {
    size_t i = 0;
    while (i < s.size()) {
        if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || is_ascii_letter(s[i - 1])))) {
            ++i;
            continue;
        }
        const size_t run_begin = i;
        const auto groups = digit_run(s, i);
        for (size_t first = 0; first < groups.size();) {
            const bool plus = first == 0 && run_begin > 0 && s[run_begin - 1] == '+';
            bool found = false;
            for (size_t last = std::min(groups.size() - 1, first + 6) + 1; last-- > first;) {
                const std::string d = digits_of(s, groups, first, last);
                if (d.size() > 14) continue;
                IdentifierKind kind;
                if (!plus && is_nhs_shape(groups, first, last) && is_valid_nhs_number(d))
                    kind = IdentifierKind::NhsNumber;
                else if (is_uk_phone(d, plus, groups, first))
                    kind = IdentifierKind::PhoneNumber;
                else
                    continue;
                size_t begin = groups[first].begin - (plus ? 1 : 0);
                if (groups[first].bracketed) --begin;
                size_t end = groups[last].end + (groups[last].bracketed ? 1 : 0);
                // A phone number must not run straight into letters ("0800abc" is not one).
                if (!word_end(s, end) && s[end] != ')') continue;
                out.push_back({kind, begin, end});
                first = last + 1;
                found = true;
                break;
            }
            if (!found) ++first;
        }
    }
}

// --- [postcodes] --------------------------------------------------------------------------
// Outward code (A9, A99, AA9, AA99, A9A, AA9A), an optional space, inward code (9AA), in any
// case, with the letter rules Royal Mail uses, so that words rarely match.

size_t match_inward(std::string_view s, size_t i) {
    if (s.size() - i < 3 || !is_digit(s[i])) return 0;
    for (size_t k = 1; k <= 2; ++k) {
        const char c = upper(s[i + k]);
        if (!is_ascii_letter(c) || std::string_view("CIKMOV").find(c) != std::string_view::npos) return 0;
    }
    return word_end(s, i + 3) ? 3 : 0;
}

size_t match_postcode(std::string_view s, size_t i) {
    const char a = upper(s[i]);
    if (!is_ascii_letter(a) || std::string_view("QVX").find(a) != std::string_view::npos) return 0;
    size_t j = i + 1;
    if (j < s.size() && is_ascii_letter(s[j])) {
        if (std::string_view("IJZ").find(upper(s[j])) != std::string_view::npos) return 0;
        ++j;
    }
    if (j >= s.size() || !is_digit(s[j])) return 0;
    ++j;
    // The outward code may end here, or take one more digit or letter; try the longer first.
    for (size_t outward_end : {j + 1, j}) {
        if (outward_end > s.size()) continue;
        if (outward_end == j + 1 && !(is_digit(s[j]) || is_ascii_letter(s[j]))) continue;
        size_t k = outward_end;
        if (k < s.size() && s[k] == ' ') ++k;
        if (k >= s.size()) continue;
        if (const size_t n = match_inward(s, k)) return k + n - i;
    }
    return 0;
}

void find_postcodes(std::string_view s, std::vector<Finding>& out) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (!word_start(s, i)) continue;
        if (const size_t n = match_postcode(s, i)) {
            out.push_back({IdentifierKind::Postcode, i, i + n});
            i += n - 1;
        }
    }
}

// --- [dates] ------------------------------------------------------------------------------
// A date with a day, a month and a year might be a date of birth, so every such date goes:
// 12/03/1956, 12-3-56, 1956-03-12, 12 March 1956, 12th of Mar 1956, March 12, 1956. A year
// alone ("in 2019") or a month and year ("March 2020") stays, except a year straight after
// "born" ("born in 1956").

size_t read_number(std::string_view s, size_t i, int max_digits, int& value) {
    size_t n = 0;
    value = 0;
    while (i + n < s.size() && is_digit(s[i + n]) && static_cast<int>(n) < max_digits) value = value * 10 + (s[i + n++] - '0');
    if (i + n < s.size() && is_digit(s[i + n])) return 0;  // too many digits
    return n;
}

bool plausible_year(int year, size_t digits) { return digits == 2 || (digits == 4 && year >= 1900 && year <= 2099); }

size_t match_numeric_date(std::string_view s, size_t i) {
    int a = 0, b = 0, c = 0;
    const size_t na = read_number(s, i, 4, a);
    if (na == 0 || i + na >= s.size()) return 0;
    const char sep = s[i + na];
    if (sep != '/' && sep != '-' && sep != '.') return 0;
    const size_t nb = read_number(s, i + na + 1, 2, b);
    if (nb == 0 || i + na + 1 + nb >= s.size() || s[i + na + 1 + nb] != sep) return 0;
    const size_t pc = i + na + 1 + nb + 1;
    const size_t nc = read_number(s, pc, 4, c);
    if (nc == 0) return 0;
    const size_t end = pc + nc;
    if (end < s.size() && (is_word_char(s[end]) || ((s[end] == '/' || s[end] == '-') && end + 1 < s.size() && is_digit(s[end + 1]))))
        return 0;
    if (na == 4) {  // year first: 1956-03-12
        if (!plausible_year(a, 4) || nc > 2 || b < 1 || b > 12 || c < 1 || c > 31) return 0;
    } else {
        if (na > 2 || (nc != 2 && nc != 4) || !plausible_year(c, nc)) return 0;
        // Day and month in either order (12/03 or 03/12): one at most 12, both at most 31.
        if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return 0;
    }
    return end - i;
}

size_t match_month_name(std::string_view s, size_t i) {
    static const std::array<std::string_view, 12> months = {"january", "february", "march", "april", "may", "june",
                                                            "july", "august", "september", "october", "november", "december"};
    for (auto m : months) {
        if (starts_with_nocase(s, i, m) && word_end(s, i + m.size())) return m.size();
        if (m == "may") continue;
        const size_t abbrev = m == "september" && starts_with_nocase(s, i, "sept") ? 4 : 3;
        if (starts_with_nocase(s, i, m.substr(0, abbrev))) {
            size_t n = abbrev;
            if (i + n < s.size() && s[i + n] == '.') ++n;
            if (word_end(s, i + abbrev)) return n;
        }
    }
    return 0;
}

size_t skip_spaces(std::string_view s, size_t i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

// A day of the month with an optional ordinal suffix: "12", "1st", "23rd".
size_t match_day(std::string_view s, size_t i) {
    int day = 0;
    const size_t n = read_number(s, i, 2, day);
    if (n == 0 || day < 1 || day > 31) return 0;
    size_t end = i + n;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (starts_with_nocase(s, end, suffix)) {
            end += 2;
            break;
        }
    return word_end(s, end) ? end - i : 0;
}

size_t match_year(std::string_view s, size_t i) {
    int year = 0;
    const size_t n = read_number(s, i, 4, year);
    return n == 4 && plausible_year(year, 4) && word_end(s, i + n) ? 4 : 0;
}

// After the day and month: an optional comma, spaces, a four-digit year. Returns the length
// of the whole date from `begin`, or 0.
size_t match_year_after(std::string_view s, size_t begin, size_t j) {
    if (j < s.size() && s[j] == ',') ++j;
    j = skip_spaces(s, j);
    const size_t y = match_year(s, j);
    return y ? j + y - begin : 0;
}

size_t match_written_date(std::string_view s, size_t i) {
    if (const size_t d = match_day(s, i)) {  // 12 March 1956, 12th of March, 1956
        size_t j = skip_spaces(s, i + d);
        if (starts_with_nocase(s, j, "of ")) j = skip_spaces(s, j + 3);
        const size_t m = match_month_name(s, j);
        return m ? match_year_after(s, i, j + m) : 0;
    }
    if (const size_t m = match_month_name(s, i)) {  // March 12, 1956
        const size_t j = skip_spaces(s, i + m);
        const size_t d = match_day(s, j);
        return d ? match_year_after(s, i, j + d) : 0;
    }
    return 0;
}

// "born 1956", "born in 1956": the year goes.
size_t match_birth_year(std::string_view s, size_t i, size_t& year_begin) {
    if (!starts_with_nocase(s, i, "born")) return 0;
    size_t j = skip_spaces(s, i + 4);
    if (j == i + 4) return 0;
    if (starts_with_nocase(s, j, "in ")) j = skip_spaces(s, j + 3);
    const size_t y = match_year(s, j);
    year_begin = j;
    return y ? j + y - i : 0;
}

void find_dates(std::string_view s, std::vector<Finding>& out) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (!word_start(s, i)) continue;
        size_t n = 0, begin = i, year_begin = 0;
        if (is_digit(s[i])) n = match_numeric_date(s, i);
        if (n == 0) n = match_written_date(s, i);
        if (n == 0 && (n = match_birth_year(s, i, year_begin)) != 0) begin = year_begin;
        if (n == 0) continue;
        out.push_back({IdentifierKind::Date, begin, i + n});
        i += n - 1;
    }
}

}  // namespace

// --- [find_identifiers and scrub_free_text] -----------------------------------------------

const char* identifier_kind_name(IdentifierKind kind) {
    switch (kind) {
        case IdentifierKind::Email: return "email";
        case IdentifierKind::Url: return "link";
        case IdentifierKind::NhsNumber: return "NHS number";
        case IdentifierKind::PhoneNumber: return "phone number";
        case IdentifierKind::Postcode: return "postcode";
        case IdentifierKind::Date: return "date";
    }
    return "?";
}

bool is_valid_nhs_number(std::string_view d) {
    if (d.size() != 10) return false;
    int sum = 0;
    for (size_t k = 0; k < 10; ++k) {
        if (!is_digit(d[k])) return false;
        if (k < 9) sum += (d[k] - '0') * static_cast<int>(10 - k);
    }
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == d[9] - '0';
}

std::vector<Finding> find_identifiers(std::string_view text) {
    std::vector<Finding> all;
    find_emails(text, all);
    find_links(text, all);
    find_numbers(text, all);
    find_dates(text, all);
    find_postcodes(text, all);
    std::stable_sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
    std::vector<Finding> merged;
    for (const auto& f : all) {
        if (!merged.empty() && f.begin < merged.back().end)
            merged.back().end = std::max(merged.back().end, f.end);
        else
            merged.push_back(f);
    }
    return merged;
}

namespace {

// One pass: every finding replaced, then the cap applied.
std::string scrub_once(std::string_view text, size_t max_chars) {
    const std::string trimmed = trim(text);
    // Appends up to max_chars code points in all; a marker that would not fit whole is dropped.
    std::string out;
    size_t count = 0;
    auto append_text = [&](std::string_view piece) {
        for (char32_t cp : decode_utf8(piece)) {
            if (count == max_chars) return;
            append_utf8(out, cp);
            ++count;
        }
    };
    size_t at = 0;
    for (const auto& f : find_identifiers(trimmed)) {
        append_text(std::string_view(trimmed).substr(at, f.begin - at));
        if (max_chars - count < kRemovedMarker.size()) {
            count = max_chars;
            break;
        }
        out.append(kRemovedMarker);
        count += kRemovedMarker.size();
        at = f.end;
    }
    if (count < max_chars) append_text(std::string_view(trimmed).substr(at));
    return trim(out);
}

}  // namespace

std::string scrub_free_text(std::string_view text, size_t max_chars) {
    // Cutting text at the cap can make something new look like an identifier ("NR1 3SRX"
    // cut to "NR1 3SR"), so scrub again until nothing changes.
    std::string out = scrub_once(text, max_chars);
    for (int pass = 0; pass < 8; ++pass) {
        std::string again = scrub_once(out, max_chars);
        if (again == out) return out;
        out = std::move(again);
    }
    const auto left = find_identifiers(out);  // never seen in practice; keep what precedes it
    return left.empty() ? out : trim(std::string_view(out).substr(0, left.front().begin));
}

}  // namespace dv
