// What an export needs from the kiosk's records, without knowing how they are stored.
//
// kiosk/exchange writes bundles through this interface; kiosk/store implements it on SQLite
// (store_export.hpp). The kiosk's staff screen and `datavoice export` use the same pair, so
// both follow one code path. Rows are the privacy module's export rows (export_rows.hpp).
#pragma once

#include "clock_trust.hpp"
#include "export_rows.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dv {

// One verified export, as the kiosk remembers it.
struct ExportMark {
    std::string export_id;
    std::string bundle_name;
    std::string made_on;      // the date staff made it
    bool everything = false;  // false: only what earlier exports had not taken
    std::int64_t sessions = 0;
    std::int64_t answers = 0;
    std::string sessions_from, sessions_to;  // visit dates (or periods, once coarsened)
};

class ExportLedger {
public:
    virtual ~ExportLedger() = default;

    // Every session (everything = true), or only those not yet in a verified export plus any
    // that gained answers since theirs. False with error() set when the records cannot be read.
    virtual bool select_sessions(bool everything, std::vector<ExportSession>& out) = 0;

    // Calls visit(i, answers, through) for sessions[first] .. sessions[first + count - 1], in
    // order: each one's effective answers (the latest per question and phase, skips left out)
    // and the highest answer id read for it. Stops early and returns false if visit does.
    using AnswerVisitor = std::function<bool(size_t, const std::vector<ExportAnswer>&, std::int64_t)>;
    virtual bool read_answers(const std::vector<ExportSession>& sessions, size_t first, size_t count,
                              const AnswerVisitor& visit) = 0;

    // The effective answers to these questions, of every session (for the privacy steps that
    // look at a whole export at once, such as guessable "about you" answers).
    virtual bool read_answers_to(const std::vector<std::string>& question_ids, std::vector<ExportAnswer>& out) = 0;

    // Records a verified export: each (session id, highest answer id exported) pair is taken.
    virtual bool mark_exported(const ExportMark& mark,
                               const std::vector<std::pair<std::string, std::int64_t>>& sessions) = 0;

    // Staff confirmations of the clock: the latest of each boot (manifest.json "clock").
    virtual bool clock_confirmations(std::vector<ClockConfirmation>& out) = 0;

    // The staff audit log (staff actions only, never a visitor's data).
    virtual void note(const std::string& event, const std::string& detail) = 0;

    // Kiosk settings an export reads: the site label, the staff public key, the kiosk's
    // signing key (made and saved on the first export).
    virtual std::optional<std::string> setting(const std::string& key) = 0;
    virtual bool set_setting(const std::string& key, const std::string& value) = 0;

    virtual std::string error() const = 0;
};

}  // namespace dv
