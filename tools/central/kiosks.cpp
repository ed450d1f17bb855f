// This file implements the central database's enrolled kiosks (see kiosks.hpp).
#include "kiosks.hpp"

#include "exchange/crypto.hpp"

namespace dv::central {

namespace {

const char* const kColumns = "SELECT kiosk_key, fingerprint, site_label, enrolled_on, revoked_on FROM kiosks";

EnrolledKiosk from_row(const std::vector<std::string>& r) { return {r[0], r[1], r[2], r[3], r[4]}; }

bool find_where(CentralDb& db, const std::string& where, const std::string& value, std::optional<EnrolledKiosk>& out,
                std::string& error) {
    Rows rows;
    if (!db.query(std::string(kColumns) + " WHERE " + where + " = ?", {value}, rows, error)) return false;
    out.reset();
    if (!rows.empty()) out = from_row(rows[0]);
    return true;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

const char* enrol_kiosk_sql() {
    return "INSERT INTO kiosks (kiosk_key, fingerprint, site_label, enrolled_on, revoked_on) VALUES (?,?,?,?,'')";
}

bool find_kiosk(CentralDb& db, const std::string& kiosk_key, std::optional<EnrolledKiosk>& out, std::string& error) {
    return find_where(db, "kiosk_key", kiosk_key, out, error);
}

bool find_kiosk_by_key_or_fingerprint(CentralDb& db, const std::string& key_or_fingerprint,
                                      std::optional<EnrolledKiosk>& out, std::string& error) {
    if (!find_kiosk(db, key_or_fingerprint, out, error)) return false;
    if (out) return true;
    std::string digits;
    for (char c : key_or_fingerprint)
        if (c != '-' && c != ' ') digits += static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
    if (digits.size() != 16) return true;
    std::string fingerprint;
    for (size_t i = 0; i < digits.size(); i += 4) fingerprint += (i ? "-" : "") + digits.substr(i, 4);
    return find_where(db, "fingerprint", fingerprint, out, error);
}

bool list_kiosks(CentralDb& db, std::vector<EnrolledKiosk>& out, std::string& error) {
    Rows rows;
    if (!db.query(std::string(kColumns) + " ORDER BY site_label, enrolled_on, fingerprint", {}, rows, error))
        return false;
    out.clear();
    for (const auto& r : rows) out.push_back(from_row(r));
    return true;
}

bool enrol_kiosk(CentralDb& db, const std::string& kiosk_key, const std::string& site_label, const std::string& on,
                 std::string& error) {
    const auto fingerprint = key_fingerprint(kiosk_key);
    if (!fingerprint) {
        error = "'" + kiosk_key + "' is not a kiosk public key (44 characters of base64, as manifest.json's kiosk_key)";
        return false;
    }
    std::optional<EnrolledKiosk> known;
    if (!find_kiosk(db, kiosk_key, known, error)) return false;
    if (known) {
        error = "kiosk key " + known->fingerprint + " is already enrolled, for site " + quoted(known->site_label) +
                (known->revoked_on.empty() ? "" : " (revoked on " + known->revoked_on + ")");
        return false;
    }
    Rows rows;
    return db.query(enrol_kiosk_sql(), {kiosk_key, *fingerprint, site_label, on}, rows, error);
}

bool revoke_kiosk(CentralDb& db, const std::string& kiosk_key, const std::string& on, std::string& error) {
    Rows rows;
    return db.query("UPDATE kiosks SET revoked_on = ? WHERE kiosk_key = ? AND revoked_on = ''", {on, kiosk_key}, rows,
                    error);
}

KioskTrust judge_kiosk(const std::optional<EnrolledKiosk>& enrolled, const std::string& kiosk_key,
                       const std::string& site_label, std::string& why) {
    const std::string fingerprint = key_fingerprint(kiosk_key).value_or("(not a key)");
    if (!enrolled) {
        why = "kiosk key " + fingerprint + " (site " + quoted(site_label) +
              ") is not enrolled: compare the fingerprint with the kiosk's staff screen, then collect with --enrol "
              "or run datavoice kiosk add";
        return KioskTrust::Unknown;
    }
    if (!enrolled->revoked_on.empty()) {
        why = "kiosk key " + fingerprint + " (site " + quoted(enrolled->site_label) + ") was revoked on " +
              enrolled->revoked_on + "; its bundles are refused";
        return KioskTrust::Revoked;
    }
    if (enrolled->site_label != site_label) {
        why = "kiosk key " + fingerprint + " is enrolled for site " + quoted(enrolled->site_label) +
              ", but this bundle says it is from " + quoted(site_label);
        return KioskTrust::OtherSite;
    }
    return KioskTrust::Enrolled;
}

}  // namespace dv::central
