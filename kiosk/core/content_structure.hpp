// Internal to kiosk/core: the check parse_pack() makes that every language has the default
// language's structure (content_structure.cpp). The hashes are declared in content.hpp.
#pragma once

#include "content.hpp"

namespace dv {

// Adds a problem for each question, explainer, scenario or topic of `lang` whose ids, order,
// type, options, icons or links differ from `base` (only words may differ).
void check_same_structure(const LanguageContent& base, const LanguageContent& lang, Problems& problems);

}  // namespace dv
