// What an export needs from the kiosk's records, without knowing how they are stored.
//
// kiosk/exchange writes bundles through this interface; kiosk/store implements it on SQLite
// (store_export.hpp). The kiosk's staff screen and `datavoice export` use the same pair, so
// both follow one code path. Rows are the privacy module's export rows (export_rows.hpp).
#pragma once

#include "clock_trust.hpp"
#include "export_answers.hpp"
#include "export_rows.hpp"

#include <atomic>
#include <cstdint>
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

    // What read_answer_set() has done so far, and a request to stop it, shared with the
    // thread that runs it.
    struct ReadProgress {
        std::atomic<bool> stop{false};
        std::atomic<double> fraction{0.0};  // of the rows it expects to read
    };
    // Reads the stored rows of `out`'s sessions into it (export_answers.hpp), in one pass over
    // one snapshot of the records. It may run on another thread while the other calls here
    // go on: implementations share nothing with them. False with `error` set when the records
    // cannot be read or progress.stop was set.
    virtual bool read_answer_set(ExportAnswerSet& out, ReadProgress& progress, std::string& error) = 0;

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
