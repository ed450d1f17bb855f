// Export bundles written straight in the documented format (docs/bundle-format.md), the way a
// third-party tool would: the CSV text and manifest.json put together here by hand, signed
// with a kiosk key through exchange/crypto, encrypted when asked. For tests of
// `datavoice collect` and for the collect benchmark. No Catch2: the benchmark links it too.
#pragma once

#include "core/export_rows.hpp"
#include "exchange/crypto.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dv::test {

struct BundleSpec {
    std::string export_id;  // 16 hex digits
    std::string site_label = "Riverside Surgery";
    std::string created_on = "2025-11-23";
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    KioskKey kiosk;                            // signs manifest.json
    std::optional<StaffPublicKey> recipient;   // encrypts the files when set
    int format_version = 1;
    std::string clock_json;                    // the manifest's optional "clock" value, raw JSON
};

// Writes the bundle into parent/<folder> and returns the folder's path (throws on I/O errors).
std::string write_bundle(const std::string& parent, const BundleSpec& spec);

// The export id for a number: 16 hex digits.
std::string export_id_for(std::uint64_t n);

// A session of the default pack's shape, ready to fill.
ExportSession made_session(const std::string& id, const std::string& date, const std::string& part_of_day,
                           const std::string& pack_id, const std::string& pack_version, const std::string& pack_hash);

}  // namespace dv::test
