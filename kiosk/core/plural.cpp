// The CLDR cardinal plural rules (integers only) for the kiosk's languages.
#include "plural.hpp"

namespace dv {

namespace {

std::string_view base_language(std::string_view code) { return code.substr(0, code.find('-')); }

}  // namespace

const char* plural_category_name(PluralCategory c) {
    switch (c) {
        case PluralCategory::One: return "one";
        case PluralCategory::Few: return "few";
        case PluralCategory::Many: return "many";
        case PluralCategory::Other: break;
    }
    return "other";
}

std::vector<PluralCategory> plural_categories(std::string_view language) {
    using C = PluralCategory;
    const std::string_view l = base_language(language);
    if (l == "en" || l == "pt") return {C::One, C::Other};
    if (l == "pl") return {C::One, C::Few, C::Many};
    if (l == "lt" || l == "ro") return {C::One, C::Few, C::Other};
    return {C::Other};
}

PluralCategory plural_category(std::string_view language, std::int64_t n) {
    using C = PluralCategory;
    const std::string_view l = base_language(language);
    if (n < 0) n = -n;
    const std::int64_t mod10 = n % 10, mod100 = n % 100;
    if (l == "en") return n == 1 ? C::One : C::Other;
    if (l == "pt") return n <= 1 ? C::One : C::Other;  // CLDR pt: i = 0..1
    if (l == "pl") {
        if (n == 1) return C::One;
        if (mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14)) return C::Few;
        return C::Many;
    }
    if (l == "lt") {
        const bool teen = mod100 >= 11 && mod100 <= 19;
        if (mod10 == 1 && !teen) return C::One;
        if (mod10 >= 2 && !teen) return C::Few;
        return C::Other;
    }
    if (l == "ro") {
        if (n == 1) return C::One;
        if (n == 0 || (mod100 >= 1 && mod100 <= 19)) return C::Few;  // 0, 2-19, 101-119, ...
        return C::Other;
    }
    return C::Other;
}

}  // namespace dv
