// Plural forms: which form of a counted phrase ("1 hand", "2 hands"; in Polish "1 ręka",
// "2 ręce", "5 rąk") goes with a whole number, by the CLDR cardinal rules for integers.
//
// A language needs these forms (the categories CLDR gives whole numbers; fractions are never
// counted on the kiosk, so CLDR's fraction-only "many" of Lithuanian is not among them):
//   en (and en-easy), pt            one, other
//   pl                              one, few, many
//   lt                              one, few, other
//   ro                              one, few, other
//   any other language              other (a plain string)
// A language is found by its code up to the first '-' ("en-easy" is English).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

enum class PluralCategory { One, Few, Many, Other };

const char* plural_category_name(PluralCategory c);  // "one", "few", "many", "other"

// The forms a language's counted phrases must give, in the order above.
std::vector<PluralCategory> plural_categories(std::string_view language);

// Which form goes with n (n < 0 counts as its absolute value).
PluralCategory plural_category(std::string_view language, std::int64_t n);

}  // namespace dv
