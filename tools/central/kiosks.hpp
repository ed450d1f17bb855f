// The kiosks the central database trusts: each enrolled kiosk's public key, the site label it
// was enrolled under, the day staff enrolled it and, once revoked, the day it was revoked.
// `datavoice kiosk add|list|revoke` manage them; `datavoice collect` asks judge_kiosk() about
// every bundle before it reads a row, and enrols a new kiosk only when staff said --enrol.
#pragma once

#include "central_db.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dv::central {

struct EnrolledKiosk {
    std::string kiosk_key;  // base64 Ed25519 public key, as manifest.json holds it
    std::string fingerprint;
    std::string site_label;
    std::string enrolled_on;
    std::string revoked_on;  // "" while trusted
};

bool find_kiosk(CentralDb& db, const std::string& kiosk_key, std::optional<EnrolledKiosk>& out, std::string& error);
// By key or by fingerprint (with or without its dashes).
bool find_kiosk_by_key_or_fingerprint(CentralDb& db, const std::string& key_or_fingerprint,
                                      std::optional<EnrolledKiosk>& out, std::string& error);
bool list_kiosks(CentralDb& db, std::vector<EnrolledKiosk>& out, std::string& error);
// Adds a kiosk; false with error when the key is not a public key or is already enrolled.
bool enrol_kiosk(CentralDb& db, const std::string& kiosk_key, const std::string& site_label, const std::string& on,
                 std::string& error);
bool revoke_kiosk(CentralDb& db, const std::string& kiosk_key, const std::string& on, std::string& error);

enum class KioskTrust { Enrolled, Unknown, OtherSite, Revoked };

// Whether a bundle signed by `kiosk_key` under `site_label` may go in. For anything but
// Enrolled, `why` is the reason, naming the key's fingerprint and the site.
KioskTrust judge_kiosk(const std::optional<EnrolledKiosk>& enrolled, const std::string& kiosk_key,
                       const std::string& site_label, std::string& why);

// The SQL that enrols a kiosk (parameters: key, fingerprint, site label, date); the backends
// run it inside a bundle's transaction when collect enrols on first sight.
const char* enrol_kiosk_sql();

}  // namespace dv::central
