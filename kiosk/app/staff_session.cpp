// This file implements staff mode inside the kiosk (see staff_session.hpp).
#include "staff_session.hpp"

#include "exchange/bundle.hpp"
#include "exchange/crypto.hpp"
#include "exchange/pack_update.hpp"
#include "exchange/qr.hpp"
#include "exchange/qr_export.hpp"
#include "platform/removable.hpp"

#include <filesystem>
#include <limits>

namespace dv {

namespace {

constexpr double kDriveScanSeconds = 2.0;

std::int64_t file_bytes(const std::string& path) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(n);
}

bool lists_drives(StaffScreen s) { return s == StaffScreen::Export || s == StaffScreen::PackUpdate; }

// One parity code after every group of this many (docs/qr-format.md; bench_qr measures it).
constexpr int kQrParityGroup = 8;
// The most new visits QR sync sends row by row (a busy week is about 2,000).
constexpr std::int64_t kQrMaxFullVisits = 20000;

}  // namespace

bool SettingsLockStorage::save(const LockRecord& record) {
    return m_store.set_setting(kSettingStaffLock, format_lock_record(record));
}

LockRecord load_lock_record(Store& store) {
    const auto text = store.setting(kSettingStaffLock);
    if (!text) return LockRecord{};
    if (auto r = parse_lock_record(*text)) return *r;
    // A damaged record must not open the kiosk: keep the PIN unusable until it is set again.
    LockRecord broken;
    broken.pin_hash = "damaged";
    return broken;
}

StaffSession::StaffSession(const StaffSessionConfig& config, Store& store, KioskClocks& clocks)
    : m_config(config),
      m_store(store),
      m_clocks(clocks),
      m_clock(clocks.kiosk),
      m_lock_storage(store),
      m_lock(load_lock_record(store), m_lock_storage),
      m_mode(m_lock, config.profile->staff_idle_seconds),
      m_ledger(store, clocks.kiosk) {}

StaffTime StaffSession::now() const {
    const std::int64_t unix = m_clock.unix_seconds();
    return {m_clock.monotonic_seconds(), unix, m_clock.local_time(unix)};
}


void StaffSession::gesture(bool store_failing) {
    m_store_failing = store_failing;
    m_mode.gesture(now());
    m_view.now_unix = now().unix;
}

void StaffSession::draw(ui::Frame& f) {
    const StaffTime t = now();
    m_view.now_unix = t.unix;
    m_view.now_local = t.local;
    m_view.clock_trusted = m_clocks.trust.trusted();
    m_view.clock_verdict = verdict_text(m_clocks.trust.verdict());
    std::vector<StaffEvent> events;
    ui::StaffFrame sf{f, m_mode, m_view, m_ui, events};
    ui::draw_staff_frame(sf);
    for (const auto& e : events) apply(e);
}

void StaffSession::apply(const StaffEvent& e) {
    m_mode.handle(e, now());
    flush_audit();
    if (m_mode.pending().kind != StaffRequest::Kind::None && !m_job) start_request();
}

ExportClock StaffSession::export_clock() const {
    return ExportClock{iso_minute(m_clock.local_now()), m_clocks.trust.trusted(), m_clocks.trust.boot(), {}};
}

void StaffSession::start_request() {
    const StaffRequest r = m_mode.pending();
    switch (r.kind) {
        case StaffRequest::Kind::Export: {
            ExportOptions o;
            o.drive_dir = r.drive;
            o.everything = r.everything;
            o.drop_part_of_day = r.drop_part_of_day;
            o.pack = m_config.pack;
            o.today = m_clock.local_now().date();
            o.clock = export_clock();
            m_job = std::make_unique<ExportJob>(m_ledger, m_file_ops, o);
            m_view.export_stage = m_job->stage_label();
            m_view.export_progress = 0;
            break;  // update() runs it, one step per frame
        }
        case StaffRequest::Kind::Purge: {
            // The store logs the purge itself, in the same transaction (store invariant 8).
            const PurgeResult r = m_store.purge_exported(m_ledger.now_text());
            const std::string message =
                r.ok ? "Deleted " + std::to_string(r.sessions) + " exported visits (" + std::to_string(r.answers) +
                           " answers) from this kiosk."
                     : "Nothing was deleted: " + m_store.last_error();
            if (!r.ok) m_ledger.note("purge_failed", message);
            m_mode.request_done(r.ok, message, now().monotonic);
            refresh_view();
            break;
        }
        case StaffRequest::Kind::InstallPack: {
            std::string error;
            const auto text = m_store.setting(kSettingStaffPublicKey);
            const auto key = text ? parse_staff_public_key(*text, "staff key", error) : std::nullopt;
            PackUpdateResult result;
            if (key)
                result = install_pack_from_drive(r.drive, *key, m_config.pack_install_dir);
            else
                result.message = "No staff key on this kiosk, so no pack can be trusted.";
            m_ledger.note(result.installed ? "pack_installed" : "pack_refused", result.message);
            m_mode.request_done(result.installed, result.message, now().monotonic);
            break;
        }
        case StaffRequest::Kind::ConfirmClock: {
            const ClockConfirmOutcome out = confirm_clock(m_clocks, m_store, r.clock_changed, r.clock_set);
            m_mode.request_done(out.saved, out.message, now().monotonic);
            refresh_view();
            break;
        }
        case StaffRequest::Kind::BuildQr: build_qr(r); break;
        case StaffRequest::Kind::ConfirmQr: {
            std::string message;
            const QrConfirmOutcome outcome = confirm_qr_export(m_ledger, r.code, message);
            if (outcome == QrConfirmOutcome::Confirmed) m_view.qr_codes.clear();
            m_mode.request_done(outcome == QrConfirmOutcome::Confirmed, message, now().monotonic);
            refresh_view();
            break;
        }
        case StaffRequest::Kind::None: break;
    }
}

void StaffSession::build_qr(const StaffRequest& r) {
    // Built in one go inside the frame loop: refuse at once what could never be scanned anyway
    // (about 40 s of codes per 2,000 visits), rather than stall the screen working it out.
    // The count staff see on the QR screen (refreshed on opening it; no visitor adds one meanwhile).
    const std::int64_t fresh = m_view.totals.sessions_not_exported;
    if (r.qr_full && fresh > kQrMaxFullVisits) {
        m_view.qr_codes.clear();
        m_mode.request_done(false,
                            std::to_string(fresh) + " new visits are too many for QR codes. Use a USB drive, or send "
                                                    "a summary.",
                            now().monotonic);
        return;
    }
    QrExportOptions o;
    o.kind = r.qr_full ? QrKind::Full : QrKind::Summary;
    o.max_version = r.qr_version;
    o.parity_group = kQrParityGroup;
    o.drop_part_of_day = r.drop_part_of_day;
    o.pack = m_config.pack;
    o.today = m_clock.local_now().date();
    o.clock = export_clock();
    const QrExport e = build_qr_export(m_ledger, o);
    m_view.qr_codes.clear();
    if (e.status == QrExport::Status::Ready)
        for (const auto& text : e.frames) m_view.qr_codes.push_back(encode_qr_alphanumeric(text, 1, r.qr_version));
    m_view.qr_summary = e.message;
    const bool ok = e.status == QrExport::Status::Ready;
    if (ok) m_mode.qr_ready(static_cast<int>(m_view.qr_codes.size()), now().monotonic);
    m_mode.request_done(ok, e.message, now().monotonic);
    refresh_view();
}

void StaffSession::finish_export() {
    const ExportResult& r = m_job->result();
    if (r.status == ExportResult::Status::Done)
        m_view.export_title = "Safe to remove the drive";
    else if (r.status == ExportResult::Status::Failed)
        m_view.export_title = "The export did not finish";
    else
        m_view.export_title = r.withheld > 0 ? "Not enough visits to export yet" : "Nothing new to export";
    m_mode.request_done(r.status == ExportResult::Status::Done || r.status == ExportResult::Status::NothingNew,
                        r.message, now().monotonic);
    m_job.reset();
    refresh_view();
}

void StaffSession::update() {
    if (m_job) {
        if (!m_job->step()) return finish_export();
        m_view.export_stage = m_job->stage_label();
        m_view.export_progress = m_job->progress();
        return;
    }
    m_mode.tick(now());
    flush_audit();
    const StaffScreen screen = m_mode.screen();
    if (screen == StaffScreen::Off && !m_view.qr_codes.empty()) m_view.qr_codes.clear();  // staff_mode.hpp invariant 4
    if (screen == StaffScreen::QrSync && !is_qr_screen(m_last_screen)) refresh_view();
    if (screen == StaffScreen::Home && m_last_screen != StaffScreen::Home) refresh_view();
    if (lists_drives(screen) && (!lists_drives(m_last_screen) || now().monotonic >= m_next_scan)) scan_drives();
    m_last_screen = screen;
}

double StaffSession::next_deadline() const {
    double t = m_mode.next_deadline();
    if (lists_drives(m_mode.screen())) t = std::min(t, m_next_scan);
    return t;
}

void StaffSession::scan_drives() {
    m_next_scan = now().monotonic + kDriveScanSeconds;
    if (!m_mode.may_use_drives()) return;  // staff_mode.hpp invariant 2
    m_mode.set_drives(list_removable_drives(m_config.profile->removable_media_root));
}

void StaffSession::refresh_view() {
    ui::StaffView& v = m_view;
    v.site_label = m_store.setting(kSettingSiteLabel).value_or("");
    v.totals = m_store.staff_totals();
    const Pack& pack = *m_config.pack;
    v.pack_title = pack.title;
    v.pack_id = pack.id;
    v.pack_version = pack.version;
    v.installed_pack = m_config.installed_pack;
    v.languages.clear();
    for (const auto& l : pack.languages) v.languages.push_back({l.info.name, l.info.review_needed});
    v.database_bytes = file_bytes(m_store.path()) + file_bytes(m_store.path() + "-wal");
    std::error_code ec;
    const auto space = std::filesystem::space(std::filesystem::path(m_store.path()).parent_path(), ec);
    v.data_free_bytes = ec ? -1 : static_cast<std::int64_t>(space.available);
    v.schema_version = m_store.schema_version();
    v.store_failing = m_store_failing;
    const auto key = m_store.setting(kSettingStaffPublicKey);
    v.staff_key = key && !key->empty();
    v.kiosk_fingerprint = kiosk_fingerprint();
    const auto pending = pending_qr(m_ledger);
    v.qr_pending = pending.has_value();
    v.qr_pending_text = pending ? "QR export " + pending->export_id + " (" + qr_kind_name(pending->kind) + ", " +
                                      pending->mark.made_on + ") waits for its confirmation code."
                                : std::string();
}

std::string StaffSession::kiosk_fingerprint() {
    // The key never changes once made, so it is read (or made) once per run of the kiosk.
    if (m_kiosk_fingerprint.empty()) {
        std::string error;
        if (const auto key = kiosk_signing_key(m_ledger, error)) m_kiosk_fingerprint = key_fingerprint(key->pub);
    }
    return m_kiosk_fingerprint;
}

void StaffSession::flush_audit() {
    for (const auto& [event, detail] : m_mode.take_audit()) m_ledger.note(event, detail);
}

}  // namespace dv
