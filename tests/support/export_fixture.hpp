// A kiosk store with visits in it and a folder standing in for a USB drive, for tests of
// the export bundle and the staff tools.
#pragma once

#include "core/clock.hpp"
#include "exchange/bundle.hpp"
#include "exchange/bundle_read.hpp"
#include "store/store.hpp"
#include "store/store_export.hpp"
#include "support/test_pack.hpp"

#include <memory>
#include <string>

namespace dv::test {

// A visit to `pack` with no answers yet: session id, pack, language "en", date and part of day.
PendingCommit visit_to(const Pack& pack, const std::string& session_id, const std::string& date,
                       const std::string& part_of_day, int boot = 1);

struct ExportFixture {
    TempDir dir;
    std::unique_ptr<Store> store;
    SystemClock clock;
    std::unique_ptr<StoreLedger> ledger;
    std::string drive;  // dir/drive

    ExportFixture();
    // n visits to the tiny pack, numbered from `first`: q_single, q_multi and the scenario
    // views, alternating between two dates and parts of day; every third one changes an
    // answer and skips q_age.
    void add_visits(int n, int first = 0);
    ExportOptions options() const;  // to the drive, tiny pack, today 2025-11-23
    ExportResult run(FileOps& fs, ExportOptions o);
    ExportResult run() {
        PosixFileOps fs;
        return run(fs, options());
    }
    // Runs an export that must finish and reads the bundle back (fails the test otherwise).
    BundleContents run_and_open(const ExportOptions& o, ExportResult* result = nullptr);
};

}  // namespace dv::test
