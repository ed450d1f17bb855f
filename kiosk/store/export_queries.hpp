// The two questions every part of the store asks about exports, as SQL to nest in other
// statements: which sessions a verified export has not taken completely (store invariant 11)
// and which it has (invariant 12). Internal to kiosk/store.
#pragma once

namespace dv::sql {

// Sessions a verified export has not taken completely (invariant 11).
inline constexpr const char* kNotExported =
    "SELECT s.session_id FROM sessions s LEFT JOIN exported_sessions e ON e.session_id = s.session_id "
    "WHERE e.session_id IS NULL OR EXISTS (SELECT 1 FROM answers a "
    "WHERE a.session_id = s.session_id AND a.answer_id > e.answers_through)";

// Sessions a verified export has taken completely (invariant 12).
inline constexpr const char* kFullyExported =
    "SELECT e.session_id FROM exported_sessions e WHERE NOT EXISTS (SELECT 1 FROM answers a "
    "WHERE a.session_id = e.session_id AND a.answer_id > e.answers_through)";

}  // namespace dv::sql
