// The store as an ExportLedger (core/export_ledger.hpp): what the export job in
// kiosk/exchange reads and marks, backed by the kiosk's SQLite database.
#pragma once

#include "core/clock.hpp"
#include "core/export_ledger.hpp"
#include "store.hpp"

namespace dv {

class StoreLedger final : public ExportLedger {
public:
    // Audit entries are stamped with the clock's local date and time (staff events only).
    StoreLedger(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    bool select_sessions(bool everything, std::vector<ExportSession>& out) override;
    bool read_answer_set(ExportAnswerSet& out, ReadProgress& progress, std::string& error) override;
    bool mark_exported(const ExportMark& mark,
                       const std::vector<std::pair<std::string, std::int64_t>>& sessions) override;
    bool clock_confirmations(std::vector<ClockConfirmation>& out) override {
        out = m_store.clock_confirmations();
        return true;
    }
    void note(const std::string& event, const std::string& detail) override;
    std::optional<std::string> setting(const std::string& key) override { return m_store.setting(key); }
    bool set_setting(const std::string& key, const std::string& value) override {
        return m_store.set_setting(key, value);
    }
    std::string error() const override;
    // The audit log's time stamp for a staff event now.
    std::string now_text() const;

private:
    Store& m_store;
    const Clock& m_clock;
};

}  // namespace dv
