// Rows a kiosk would have stored at each schema version. When a migration is added to
// kiosk/store/migrations.cpp, add the rows of the version before it here: the migration
// test refuses to run a history with a gap.
#include "store_history.hpp"

namespace dv::test {

namespace {

const char* const kSeedRows[] = {
    // version 1: two visits (one changed an answer, one skipped), staff events, settings
    R"sql(
    INSERT INTO sessions VALUES ('v1aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'default', '1.0.0', 'hash-a', 'en',
                                 '2025-03-04', 'morning', 0, 1, 'visitor');
    INSERT INTO sessions VALUES ('v1bbbbbbbbbbbbbbbbbbbbbbbbbbbbb2', 'default', '1.0.0', 'hash-a', 'cy',
                                 '2025-03-05', 'evening', 1, 2, 'facilitator');
    INSERT INTO answers (session_id, question_id, phase, value, content_hash, skipped) VALUES
        ('v1aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'aware', '', 'yes', 'q-aware', 0),
        ('v1aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'aware', '', 'no', 'q-aware', 0),
        ('v1aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'right_care_view', 'first', 'agree', 'q-view', 0),
        ('v1aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'right_care', 'card_order', 'c2,c1,c3', '', 0),
        ('v1bbbbbbbbbbbbbbbbbbbbbbbbbbbbb2', 'reassure', '', 'names_removed;security', 'q-reassure', 0),
        ('v1bbbbbbbbbbbbbbbbbbbbbbbbbbbbb2', 'age_band', '', '', 'q-age', 1);
    INSERT INTO audit_log (at, event, detail) VALUES ('2025-03-06 09:00:00', 'unlock', ''),
                                                     ('2025-03-06 09:05:00', 'export', 'usb');
    INSERT INTO settings VALUES ('boot_count', '2'), ('site_label', 'Riverside Surgery');
    )sql",
    // version 2 (repeat presses flagged): a visit that repeated the one before it
    R"sql(
    INSERT INTO sessions VALUES ('v2ddddddddddddddddddddddddddddd4', 'default', '1.0.0', 'hash-a', 'en',
                                 '2025-04-10', 'morning', 0, 2, 'visitor', 1);
    INSERT INTO answers (session_id, question_id, phase, value, content_hash, skipped) VALUES
        ('v2ddddddddddddddddddddddddddddd4', 'aware', '', 'no', 'q-aware', 0);
    )sql",
    // version 3 (purge gate): one more visit and a purge that already happened
    R"sql(
    INSERT INTO sessions VALUES ('v3ccccccccccccccccccccccccccccc3', 'default', '1.1.0', 'hash-b', 'en',
                                 '2025-06-01', 'afternoon', 0, 3, 'visitor', 0);
    INSERT INTO answers (session_id, question_id, phase, value, content_hash, skipped) VALUES
        ('v3ccccccccccccccccccccccccccccc3', 'comfort_wider', '', 'somewhat_comfortable', 'q-comfort', 0);
    INSERT INTO audit_log (at, event, detail) VALUES
        ('2025-06-02 10:00:00', 'retention_purge', 'retention_days = 90, visits before 2025-03-04: 0 sessions');
    )sql",
    // version 4 (export marks): a verified export that took the first visit
    R"sql(
    INSERT INTO exports VALUES ('00112233aabbccdd', 'datavoice-riverside-surgery-20250304-20250304-00112233aabbccdd',
                                '2025-06-03', 0, 1, 2, '2025-03-04', '2025-03-04');
    INSERT INTO exported_sessions VALUES ('v1aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', '00112233aabbccdd', 4);
    )sql",
    // version 5 (clock confirmations): staff corrected the clock of the uncertain boot 2
    R"sql(
    INSERT INTO clock_confirmations (boot, offset_seconds, confirmed_on) VALUES (2, 86400, '2025-03-06');
    INSERT INTO audit_log (at, event, detail) VALUES
        ('2025-03-06 09:01:00', 'clock_set', 'offset 86400 seconds, boot 2');
    )sql",
};

constexpr int kSeedVersions = sizeof(kSeedRows) / sizeof(kSeedRows[0]);

}  // namespace

const char* seed_rows_at(int version) {
    return version >= 1 && version <= kSeedVersions ? kSeedRows[version - 1] : nullptr;
}

}  // namespace dv::test
