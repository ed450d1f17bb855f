// Free-text scrubbing: finds what could identify someone in text a visitor typed (email
// addresses, UK phone numbers, NHS numbers, UK postcodes, links, full dates such as a date of
// birth) and replaces each with "[removed]" before the text is stored.
//
// The detectors work on ASCII characters inside UTF-8 text, so letters in other scripts pass
// through untouched. They are deliberately narrow where a false alarm would destroy ordinary
// words ("7 out of 10" is not a phone number; ten digits failing the NHS mod-11 check are not
// an NHS number), and broad where people write the same thing many ways (spaces, dashes,
// brackets, "+44", lower-case postcodes). Names cannot be found by pattern: that is why free
// text is off unless a pack turns it on (docs/privacy.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

enum class IdentifierKind { Email, Url, NhsNumber, PhoneNumber, Postcode, Date };
const char* identifier_kind_name(IdentifierKind kind);

// One identifier found in a text: bytes [begin, end).
struct Finding {
    IdentifierKind kind;
    size_t begin = 0, end = 0;
};

// Every identifier in text, sorted by position, overlaps merged into the earlier finding.
std::vector<Finding> find_identifiers(std::string_view text);

// True for ten digits whose last is the NHS mod-11 check digit of the first nine.
bool is_valid_nhs_number(std::string_view ten_digits);

inline constexpr std::string_view kRemovedMarker = "[removed]";

// The text as it may be stored: whitespace trimmed, every finding replaced by kRemovedMarker,
// then cut to at most max_chars code points (never leaving half a marker behind).
std::string scrub_free_text(std::string_view text, size_t max_chars);

}  // namespace dv
