// The on-screen keyboard for free-text questions (only when a pack turns free_text on).
//
// [X] Letters a-z, plus a row of the extra letters the visitor's language uses (taken from
//     the pack's own words in that language, so a new language needs no code).
// [X] Shift for one capital; a capital comes by itself at the start and after . ? !
// [X] A "123" page of digits and punctuation; space; delete.
// [X] Every key is a registered widget ("key_a", "key_space", "key_delete", "key_shift",
//     "key_numbers", extra letters as "key_u0105"), so scripts can type.
// [ ] Physical keyboards: a kiosk has none.
// The typed words live only in the journey's draft (scrubbed and capped when committed);
// the keyboard itself remembers nothing but which page and case it shows.
#pragma once

#include "widgets.hpp"

#include <string>

namespace dv::ui {

// The question's text so far, in a box, and the keys under it. A key tap emits
// Event::typed(the whole new text).
void draw_free_text(Frame& f, const Question& q, float width);

// The id a key for this character gets ("key_a", "key_u0105").
std::string key_id(char32_t c);

}  // namespace dv::ui
