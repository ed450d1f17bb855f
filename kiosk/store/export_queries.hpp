// The two questions every part of the store asks about exports, as SQL to nest in other
// statements: which sessions a verified export has not taken completely (store invariant 12)
// and which it has (invariant 13). Internal to kiosk/store.
#pragma once

#include <string>

namespace dv::sql {

// Sessions a verified export has not taken completely (invariant 12).
inline constexpr const char* kNotExported =
    "SELECT s.session_id FROM sessions s LEFT JOIN exported_sessions e ON e.session_id = s.session_id "
    "WHERE e.session_id IS NULL OR EXISTS (SELECT 1 FROM answers a "
    "WHERE a.session_id = s.session_id AND a.answer_id > e.answers_through)";

// Sessions a verified export has taken completely (invariant 13) among those meeting `filter`,
// a condition on `sessions s` ("1" for all). The filter narrows the sessions before the export
// check, so a purge of last month's visits does not probe a whole year's answers.
inline std::string fully_exported(const std::string& filter = "1") {
    return "SELECT s.session_id FROM sessions s JOIN exported_sessions e ON e.session_id = s.session_id WHERE (" +
           filter +
           ") AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.session_id AND a.answer_id > "
           "e.answers_through)";
}

}  // namespace dv::sql
