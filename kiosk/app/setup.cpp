// This file implements the kiosk's command-line set-up (see setup.hpp).
#include "setup.hpp"

#include "core/text.hpp"
#include "exchange/bundle.hpp"
#include "exchange/files.hpp"
#include "staff_session.hpp"
#include "store/store_export.hpp"

#include <cstdio>
#include <iostream>

namespace dv {

namespace {

int bad(const std::string& line) {
    std::fprintf(stderr, "datavoice-kiosk: %s\n", line.c_str());
    return 2;
}

bool valid_label(const std::string& label) {
    if (label.empty() || label.size() > 80 || !is_valid_utf8(label)) return false;
    for (unsigned char c : label)
        if (c < 0x20 || c == 0x7F) return false;
    return true;
}

}  // namespace

bool wants_setup(const KioskOptions& o) { return o.set_pin || !o.site_label.empty() || !o.staff_key.empty(); }

int run_setup(const KioskOptions& o, Store& store, const Clock& clock) {
    StoreLedger ledger(store, clock);  // its note() stamps the audit log
    if (!o.site_label.empty()) {
        if (!valid_label(o.site_label)) return bad("--site-label: 1 to 80 characters of plain text, please");
        if (!store.set_setting(kSettingSiteLabel, o.site_label)) return bad(store.path() + ": " + store.last_error());
        ledger.note("settings_change", "site label set to '" + o.site_label + "'");
        std::printf("datavoice-kiosk: site label set to '%s'\n", o.site_label.c_str());
    }
    if (!o.staff_key.empty()) {
        std::string text, error;
        if (!read_text_file(o.staff_key, text, error)) return bad(error);
        const auto key = parse_staff_public_key(text, o.staff_key, error);
        if (!key) return bad(error);
        if (!store.set_setting(kSettingStaffPublicKey, format_staff_public_key(*key)))
            return bad(store.path() + ": " + store.last_error());
        ledger.note("settings_change", "staff public key set (exports are encrypted to it)");
        std::printf("datavoice-kiosk: staff public key set; exports will be encrypted\n");
    }
    if (o.set_pin) {
        std::string line;
        std::getline(std::cin, line);
        const std::string pin = trim(line);
        if (!is_valid_pin(pin)) return bad("--set-pin: the PIN on standard input must be 4 to 8 digits");
        SettingsLockStorage storage(store);
        StaffLock lock(load_lock_record(store), storage);
        if (!lock.set_pin(pin)) return bad(store.path() + ": cannot save the PIN: " + store.last_error());
        ledger.note("settings_change", "staff PIN set");
        std::printf("datavoice-kiosk: staff PIN set\n");
    }
    return 0;
}

}  // namespace dv
