// Store queries and records for the kiosk's clock: what the trust rules need, staff
// confirmations, and the settings of clock_records.hpp.
#include "store.hpp"

#include "clock_records.hpp"
#include "sqlite/statement.hpp"
#include "store_export.hpp"

#include <sqlite3.h>

#include <cstdio>

namespace dv {

using sql::Stmt;

std::string Store::latest_visit_date() {
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(m_db, "SELECT MAX(visit_date) FROM sessions WHERE date_uncertain = 0", -1, &st, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

bool Store::record_clock_confirmation(const ClockConfirmation& c, const std::string& audit_event,
                                      const std::string& audit_detail, const std::string& at) {
    if (!begin_write()) return fail("begin");
    {
        Stmt s(m_db, "INSERT INTO clock_confirmations (boot, offset_seconds, confirmed_on) VALUES (?1, ?2, ?3)");
        if (!s.ok()) return fail("record the clock confirmation");
        s.bind(1, static_cast<std::int64_t>(c.boot)).bind(2, c.offset_seconds).bind(3, c.confirmed_on);
        if (s.step() != SQLITE_DONE) return fail("record the clock confirmation");
        Stmt a(m_db, "INSERT INTO audit_log (at, event, detail) VALUES (?1, ?2, ?3)");
        if (!a.ok()) return fail("audit");
        a.bind(1, at).bind(2, audit_event).bind(3, audit_detail);
        if (a.step() != SQLITE_DONE) return fail("audit");
    }
    if (!exec("COMMIT")) return fail("commit");
    return true;
}

std::vector<ClockConfirmation> Store::clock_confirmations() {
    std::vector<ClockConfirmation> out;
    Stmt s(m_db,
           "SELECT c.boot, c.offset_seconds, c.confirmed_on FROM clock_confirmations c "
           "JOIN (SELECT MAX(confirmation_id) AS latest FROM clock_confirmations GROUP BY boot) l "
           "ON c.confirmation_id = l.latest ORDER BY c.boot");
    while (s.ok() && s.step() == SQLITE_ROW)
        out.push_back({static_cast<int>(s.integer(0)), s.integer(1), s.text(2)});
    return out;
}

std::int64_t Store::date_uncertain_count() {
    return sql::query_integer(m_db, "SELECT COUNT(*) FROM sessions WHERE date_uncertain != 0", 0);
}

}  // namespace dv

// --- clock_records.hpp ------------------------------------------------------------------------

namespace dv {

namespace {

// How far wall minus monotonic may drift (NTP slewing, whole-second readings) before a
// carried correction is taken to belong to a clock that was set since.
constexpr std::int64_t kBaseToleranceSeconds = 60;

std::int64_t number_setting(Store& store, const char* key) {
    const auto v = store.setting(key);
    if (!v) return 0;
    try {
        return std::stoll(*v);
    } catch (...) {
        return 0;
    }
}

std::int64_t clock_base(const Clock& c) {
    return c.unix_seconds() - static_cast<std::int64_t>(c.monotonic_seconds());
}

}  // namespace

ClockMemory load_clock_memory(Store& store) {
    ClockMemory m;
    m.last_trusted = number_setting(store, kSettingClockLastTrusted);
    m.boot = static_cast<int>(number_setting(store, kSettingBootCount));
    return m;
}

bool save_clock_memory(Store& store, const ClockMemory& m) {
    return store.set_setting(kSettingClockLastTrusted, std::to_string(m.last_trusted - m.last_trusted % 3600)) &&
           store.set_setting(kSettingBootCount, std::to_string(m.boot));
}

bool save_carried_correction(Store& store, const Clock& system, std::int64_t offset) {
    const std::string run = system.run_id();
    if (offset == 0 || run.empty()) return store.set_setting(kSettingClockCorrection, "");
    return store.set_setting(kSettingClockCorrection,
                             run + " " + std::to_string(clock_base(system)) + " " + std::to_string(offset));
}

std::int64_t carried_correction(Store& store, const Clock& system) {
    const auto v = store.setting(kSettingClockCorrection);
    if (!v || v->empty()) return 0;
    char run[80] = {};
    long long base = 0, offset = 0;
    if (std::sscanf(v->c_str(), "%79s %lld %lld", run, &base, &offset) != 3) return 0;
    const std::string current = system.run_id();
    if (current.empty() || current != run) return 0;
    const std::int64_t drift = clock_base(system) - base;
    if (drift > kBaseToleranceSeconds || drift < -kBaseToleranceSeconds) return 0;
    return offset;
}

ClockRules clock_rules() {
    ClockRules rules;
    rules.build_time = build_time_from_date(DATAVOICE_BUILD_DATE);
    return rules;
}

ExportClock clock_for_export_without_kiosk(Store& store, const Clock& system) {
    const ClockMemory memory = load_clock_memory(store);
    const std::int64_t offset = carried_correction(store, system);
    ClockTrust trust(clock_rules(), memory, store.latest_visit_date());
    trust.start(system.unix_seconds(), system.monotonic_seconds(), offset);
    ExportClock c;
    c.at_export = iso_minute(system.local_time(system.unix_seconds() + offset));
    c.trusted = trust.trusted();
    c.boot = memory.boot;
    return c;
}

ClockVerdict start_clock_trust(ClockTrust& trust, Store& store, const Clock& system) {
    const std::int64_t carried = carried_correction(store, system);
    const ClockVerdict v = trust.start(system.unix_seconds(), system.monotonic_seconds(), carried);
    save_clock_memory(store, trust.remember(system.unix_seconds()));
    if (carried == 0) save_carried_correction(store, system, 0);  // one no longer valid is dropped
    if (v != ClockVerdict::Trusted) {
        const CivilTime now = system.local_time(system.unix_seconds() + carried);
        store.audit("clock_untrusted", verdict_text(v),
                    now.date() + " " + now.time_hm() + " (kiosk clock, boot " + std::to_string(trust.boot()) + ")");
    }
    return v;
}

ClockConfirmOutcome confirm_clock(KioskClocks& c, Store& store, bool changed, const CivilTime& set) {
    const std::int64_t kiosk_before = c.kiosk.unix_seconds();
    const std::int64_t actual = changed ? unix_from_local(c.kiosk, set) : kiosk_before;
    // What the export carries: the actual time against the clock that stamped the boot's
    // uncertain visits (ClockConfirmation::offset_seconds).
    const std::int64_t found = actual - kiosk_before;
    std::string system_note = "kiosk offset only";
    if (changed && c.may_set_system && found != 0) {
        std::string error;
        system_note = c.system.set_wall_time(actual, error) ? "system clock set" : error + "; kiosk offset only";
    }
    const std::int64_t offset = c.trust.staff_confirm(actual, c.system.unix_seconds(), c.system.monotonic_seconds());
    c.kiosk.set_wall_offset(offset);
    save_carried_correction(store, c.system, offset);
    save_clock_memory(store, c.trust.remember(c.system.unix_seconds()));

    const CivilTime now = c.kiosk.local_now();
    ClockConfirmation record{c.trust.boot(), found, now.date()};
    const std::string detail = "offset " + std::to_string(found) + " seconds, boot " + std::to_string(record.boot) +
                               (changed ? "; " + system_note : "");
    ClockConfirmOutcome out;
    out.saved = store.record_clock_confirmation(record, changed ? "clock_set" : "clock_confirmed", detail,
                                                StoreLedger(store, c.kiosk).now_text());
    if (!out.saved)
        out.message = "The clock is now " + now.date() + " " + now.time_hm() +
                      ", but the kiosk could not record it: " + store.last_error();
    return out;  // staff just saw the time: nothing more to say when all went well
}

}  // namespace dv
