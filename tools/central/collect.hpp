// `datavoice collect`'s work: find bundle folders, check and read each through the bundle
// reader (exchange/bundle_read.hpp), refuse it unless its kiosk is enrolled for its site
// (kiosks.hpp), check its rows against their content packs (pack_check.hpp), correct
// uncertain dates with the kiosk's clock record (core/date_correction.hpp), and import it into
// the central database. A bundle that fails a check adds nothing and gets one line; the others
// are still imported.
#pragma once

#include "central_db.hpp"
#include "core/content.hpp"
#include "exchange/crypto.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dv::central {

struct CollectTotals {
    std::int64_t bundles_imported = 0;
    std::int64_t bundles_already_present = 0;  // same export id collected before
    std::int64_t bundles_refused = 0;
    std::int64_t sessions_added = 0;
    std::int64_t sessions_present = 0;  // skipped: already in the database
    std::int64_t answers_added = 0;
    std::int64_t dates_corrected = 0;   // uncertain dates made certain with the kiosk's clock record
    std::int64_t dates_uncertain = 0;   // added sessions whose date stays uncertain
    std::int64_t kiosks_enrolled = 0;
    std::int64_t answers_quarantined = 0;  // --lenient: kept out of the counts, listed in notes
    std::vector<std::string> problems;  // one line per refused bundle or unreadable path
    std::vector<std::string> notes;     // lines that are not refusals: enrolments, quarantined rows, unchecked packs
};

struct CollectOptions {
    const StaffSecretKey* key = nullptr;  // opens encrypted bundles
    const std::vector<Pack>* packs = nullptr;  // every row is checked against these (pack_check.hpp)
    bool enrol = false;    // a kiosk not yet known is enrolled under its bundle's site label
    std::string today;     // the enrolment date
    bool lenient = false;  // rows that do not fit their pack are quarantined instead of refusing the bundle
};

// Each path is a bundle folder (it holds manifest.json, or files of a bundle whose manifest
// is missing) or a folder searched, at any depth, for bundle folders. A path that is neither
// adds a problem.
std::vector<std::string> find_bundle_dirs(const std::vector<std::string>& paths, std::vector<std::string>& problems);

// Checks, reads and imports one bundle. False with one line in `error` (naming the folder)
// when it was refused; nothing from it is then in the database (nor is its kiosk enrolled).
bool collect_bundle(CentralDb& db, const std::string& dir, const CollectOptions& options, CollectTotals& totals,
                    std::string& error);

}  // namespace dv::central
