// The export job: writes one bundle folder of a kiosk's results onto a drive, so that a
// pulled drive never leaves a bundle that looks complete. The staff screen and
// `datavoice export` both run it. Format: docs/bundle-format.md.
//
// STATES
//
//   Selecting ──► WritingSessions ──► ReadingAnswers ⟲ ──► WritingAnswers ⟲ (a slice of sessions per step)
//      │                                                       │
//      └──► NothingNew (none, or too few)                      ▼
//                                    WritingSummary ──► WritingManifest ──► Verifying ──► Marking ──► Done
//
//   any stage before Marking ──an error──► Failed
//
// TRANSITIONS (ExportJob::step() runs one stage; each names the function that does it)
//   Selecting → WritingSessions | NothingNew | Failed   select()
//   WritingSessions → ReadingAnswers | Failed           write_sessions()
//   ReadingAnswers → ReadingAnswers | WritingAnswers | Failed   read_answers()
//   WritingAnswers → WritingAnswers | WritingSummary    write_answers()
//
// THREADS
//   Selecting starts the one read of the answers (ExportLedger::read_answer_set) on a thread
//   of its own, as soon as it knows the sessions, so the store's scan runs while the job
//   coarsens and shuffles the sessions and writes sessions.csv. ReadingAnswers waits for it,
//   a short while per step so a caller drawing frames stays responsive. Failing, or
//   destroying the job, stops the read and waits for its thread. Each file's bytes are
//   hashed, encrypted and written on a thread of BundleFileWriter's own.
//   WritingSummary → WritingManifest | Failed           write_summary()
//   WritingManifest → Verifying | Failed                write_manifest()
//   Verifying → Marking | Failed                        verify()
//   Marking → Done                                      mark()
//
// INVARIANTS (tests in tests/unit/test_bundle.cpp name them)
//   (1) A file gets its final name only after its bytes were written and fsynced under a
//       temporary name; every rename is followed by an fsync of the folder.
//   (2) manifest.json is written last, after every file it lists is in place.
//   (3) Done ("Safe to remove") only after every file the manifest lists, and the manifest
//       itself, were read back from the drive and matched what was written: the sha256 the
//       manifest gives, which is what the laptop checks too.
//   (4) The ledger is marked only in Marking, after (3): a failed export marks nothing, so the
//       next export offers the same sessions again. With defer_marking (QR sync) Marking only
//       prepares the record (pending_mark(), taken()); the caller marks once staff confirm.
//   (5) A failed export leaves no manifest.json behind, and removes what it wrote if it can.
//   (6) The bundle folder is always new: a folder already there is never written into.
//   (7) With a staff public key configured, every file but manifest.json and manifest.sig is
//       encrypted to it, and the manifest holds counts and hashes, never an answer.
//   (8) Rows go through the privacy module before they are written (core/export_rows.hpp):
//       visit times coarsened so every time label covers at least min_group visits, rare
//       languages and guessable "about you" answers protected, row order shuffled; an export
//       of fewer than min_group visits writes nothing and marks nothing.
#pragma once

#include "core/content.hpp"
#include "core/export_ledger.hpp"
#include "crypto.hpp"
#include "file_ops.hpp"
#include "manifest.hpp"
#include "summary.hpp"

#include <future>
#include <memory>
#include <optional>
#include <unordered_set>
#include <string>
#include <vector>

namespace dv {

class BundleFileWriter;

// The files of a bundle, in the order the job writes them.
inline constexpr const char* kSessionsCsv = "sessions.csv";
inline constexpr const char* kAnswersCsv = "answers.csv";
inline constexpr const char* kSummaryJson = "summary.json";
inline constexpr const char* kManifestSig = "manifest.sig";
inline constexpr const char* kManifestJson = "manifest.json";

// Settings keys an export reads through the ledger.
inline constexpr const char* kSettingSiteLabel = "site_label";
inline constexpr const char* kSettingStaffPublicKey = "staff_public_key";
inline constexpr const char* kSettingKioskKey = "kiosk_signing_key";

// The key this kiosk signs its bundles with, made and saved the first time it is asked for
// (staff see its fingerprint before the first export, for enrolment). nullopt with `error`
// set when a new key cannot be saved.
std::optional<KioskKey> kiosk_signing_key(ExportLedger& ledger, std::string& error);

struct ExportOptions {
    std::string drive_dir;          // the bundle folder is made inside it
    bool everything = false;        // false: only what no verified export took
    bool drop_part_of_day = false;  // sessions.csv leaves part_of_day empty
    int min_group = 10;             // coarsening: fewest visits behind any time label
    const Pack* pack = nullptr;     // options for the summary; "about you" questions to protect
    std::string today;              // YYYY-MM-DD, for the manifest and the ledger
    std::optional<StaffPublicKey> recipient;  // overrides the kiosk's configured staff key
    std::string export_id;          // empty: a random one (tests pin it)
    // The kiosk's clock for manifest.json (at_export, trusted, boot); the job adds the
    // corrections of the boots whose uncertain visits it exports. Unset: no "clock" key.
    std::optional<ExportClock> clock;
    // QR sync (qr_export.hpp) runs the same job into a drive in memory:
    bool plain_files = false;       // never encrypt the files (the QR payload is encrypted whole)
    bool defer_marking = false;     // Marking records nothing; the caller marks on confirmation
};

struct ExportResult {
    enum class Status { Running, Done, NothingNew, Failed };
    Status status = Status::Running;
    std::string message;      // one line for the staff screen
    std::string bundle_name;  // folder name on the drive
    std::string bundle_dir;   // full path
    std::int64_t sessions = 0;
    std::int64_t answers = 0;
    std::int64_t withheld = 0;  // NothingNew: visits kept back because there were too few
    bool encrypted = false;
    bool marked = false;  // the kiosk recorded the export (Done only)
};

// "datavoice-<site>-<from>-<to>-<export id>", dates as YYYYMMDD, the site made filename-safe.
std::string bundle_name(const std::string& site_label, const std::string& from, const std::string& to,
                        const std::string& export_id);

class ExportJob {
public:
    enum class Stage {
        Selecting,
        WritingSessions,
        ReadingAnswers,
        WritingAnswers,
        WritingSummary,
        WritingManifest,
        Verifying,
        Marking,
        Done,
        NothingNew,
        Failed
    };

    ExportJob(ExportLedger& ledger, FileOps& fs, ExportOptions options);
    ~ExportJob();
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    // Runs one stage (or one slice of answers). False once the job has finished.
    bool step();
    void run() {
        while (step()) {
        }
    }

    Stage stage() const { return m_stage; }
    const char* stage_label() const;  // for the progress screen
    double progress() const;          // 0..1
    const ExportResult& result() const { return m_result; }
    // After Done: the record Marking made (or, with defer_marking, would have made), the
    // sessions it takes, the bundle's manifest, and the keys the job used.
    const ExportMark& pending_mark() const { return m_mark; }
    const std::vector<std::pair<std::string, std::int64_t>>& taken() const { return m_taken; }
    const Manifest& manifest() const { return m_manifest; }
    const std::optional<StaffPublicKey>& staff_key() const { return m_staff_key; }
    const KioskKey& kiosk_key() const { return m_kiosk_key; }

    static constexpr size_t kSessionsPerStep = 2000;

private:
    void select();
    void write_sessions();
    void start_reading_answers();
    void stop_reading_answers();
    void read_answers();
    void write_answers();
    void write_summary();
    void write_manifest();
    void verify();
    void mark();
    void fail(const std::string& message);
    void fail_io(int err, const std::string& what);
    bool write_whole(const std::string& name, const std::string& bytes, bool encrypt, std::int64_t rows);
    std::string path(const std::string& name) const;

    ExportLedger& m_ledger;
    FileOps& m_fs;
    ExportOptions m_options;
    Stage m_stage = Stage::Selecting;
    ExportResult m_result;

    std::optional<StaffPublicKey> m_staff_key;  // configured (or given) staff key
    std::optional<StaffPublicKey> m_recipient;  // the files' recipient: the staff key unless plain_files
    ExportMark m_mark;
    KioskKey m_kiosk_key;
    std::vector<ExportSession> m_sessions;  // coarsened and shuffled
    std::vector<std::string> m_guessable;   // "about you" questions, protected by coarsening
    std::unordered_set<std::string> m_guessable_removed;  // guessable answers the privacy step took out
    std::vector<std::pair<std::string, std::int64_t>> m_taken;  // session id, highest answer id
    size_t m_next_session = 0;
    std::unique_ptr<BundleFileWriter> m_answers_file;
    // The read of the answers, on its own thread; the future is declared after what it uses.
    std::unique_ptr<ExportAnswerSet> m_answer_set;
    ExportLedger::ReadProgress m_read_progress;
    std::string m_read_error;
    std::future<bool> m_reader;
    std::vector<ExportAnswer> m_visit_answers;  // one visit's, reused
    std::unique_ptr<SummaryBuilder> m_summary;
    CoarsenReport m_coarsening;
    Manifest m_manifest;
    std::string m_manifest_text, m_signature_text;
    bool m_made_dir = false;
    std::vector<std::string> m_written;  // names created in the bundle folder, for clean-up
};

}  // namespace dv
