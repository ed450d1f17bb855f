// Staff mode inside the running kiosk: the PIN lock kept in the store's settings, core's
// StaffMode, the figures staff see, and the work behind each request — confirming or setting
// the clock, the export job one step per frame, purging exported visits, installing a signed
// content pack, QR sync's codes (built at once: a week's data takes milliseconds) and their
// confirmation. Drives are
// listed only while StaffMode::may_use_drives() (core/staff_mode.hpp, invariant 2).
#pragma once

#include "core/clock.hpp"
#include "core/content.hpp"
#include "core/profile.hpp"
#include "core/staff_lock.hpp"
#include "core/staff_mode.hpp"
#include "exchange/bundle.hpp"
#include "store/clock_records.hpp"
#include "store/store.hpp"
#include "store/store_export.hpp"
#include "ui/staff_screens.hpp"

#include <memory>
#include <string>

namespace dv {

inline constexpr const char* kSettingStaffLock = "staff_lock";

// The PIN lock's record in the settings table.
class SettingsLockStorage final : public LockStorage {
public:
    explicit SettingsLockStorage(Store& store) : m_store(store) {}
    bool save(const LockRecord& record) override;

private:
    Store& m_store;
};

LockRecord load_lock_record(Store& store);

struct StaffSessionConfig {
    const HardwareProfile* profile = nullptr;
    const Pack* pack = nullptr;
    bool installed_pack = false;   // the pack came from a drive (data_dir/pack)
    std::string pack_install_dir;  // where a pack from a drive goes
};

class StaffSession {
public:
    // `clocks.kiosk` is the clock staff mode reads; the clock check confirms or corrects it.
    StaffSession(const StaffSessionConfig& config, Store& store, KioskClocks& clocks);

    bool active() const { return m_mode.active(); }
    std::string screen_name() const { return staff_screen_name(m_mode.screen()); }
    // The hidden gesture was made on the attract or resting screen.
    void gesture(bool store_failing);
    // Draws the staff UI for this frame and applies what staff tapped.
    void draw(ui::Frame& f);
    // Once per pass of the frame loop: timeouts, drive scans, one step of an export.
    void update();
    double next_deadline() const;
    bool busy() const { return m_job != nullptr; }  // keep drawing while an export runs
    // Facilitator mode (app/facilitator_run.hpp) has the screen while this is true.
    bool facilitating() const { return m_mode.screen() == StaffScreen::Facilitator; }
    // A tap in facilitator mode: staff mode's idle timeout starts again.
    void keep_awake() { apply(StaffEvent::of(StaffEvent::Kind::Touch)); }
    // Facilitator mode ended: back to the staff home.
    void back_home() { apply(StaffEvent::of(StaffEvent::Kind::Back)); }
    // Staff confirmed "Close program" (audit entry already written): the app should exit 0.
    bool quit_requested() const { return m_mode.quit_requested(); }

private:
    StaffTime now() const;
    void apply(const StaffEvent& e);
    void start_request();
    ExportClock export_clock() const;  // the kiosk's clock and trust now, for a manifest
    void build_qr(const StaffRequest& r);  // QR sync: the export into codes, for the screen
    void finish_export();
    // The fingerprint of the key this kiosk signs its bundles with ("" if it cannot be stored).
    std::string kiosk_fingerprint();
    void refresh_view();
    void scan_drives();
    void flush_audit();

    StaffSessionConfig m_config;
    Store& m_store;
    KioskClocks& m_clocks;
    const Clock& m_clock;  // m_clocks.kiosk
    SettingsLockStorage m_lock_storage;
    StaffLock m_lock;
    StaffMode m_mode;
    StoreLedger m_ledger;
    std::string m_kiosk_fingerprint;  // of the signing key, once known (it never changes)
    PosixFileOps m_file_ops;
    std::unique_ptr<ExportJob> m_job;
    ui::StaffView m_view;
    ui::StaffUiState m_ui;
    bool m_store_failing = false;
    double m_next_scan = 0;
    StaffScreen m_last_screen = StaffScreen::Off;
};

}  // namespace dv
