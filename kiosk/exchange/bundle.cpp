// This file implements the export job (states and invariants in bundle.hpp).
#include "bundle.hpp"

#include "bundle_file.hpp"
#include "bundle_rows.hpp"
#include "core/export_rows.hpp"
#include "core/privacy.hpp"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <set>
#include <stdexcept>
#include <tuple>

namespace dv {

namespace {

constexpr size_t kFlushBytes = BundleFileWriter::kFlushBytes;


// 16 hex digits from the same CSPRNG as session ids.
std::string random_export_id() { return new_session_id().substr(0, 16); }

// The first and last day of a visit_date label ("YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD").
std::string period_start(const std::string& label) { return label.substr(0, label.find('/')); }
std::string period_end(const std::string& label) {
    const auto slash = label.find('/');
    return slash == std::string::npos ? label : label.substr(slash + 1);
}

// A guessable answer the privacy step removed: session, question and phase.
std::string guessable_key(const ExportAnswer& a) { return a.session_id + '\n' + a.question_id + '\n' + a.phase; }

std::string compact_date(const std::string& d) {
    std::string out;
    for (char c : d)
        if (c >= '0' && c <= '9') out += c;
    return out.empty() ? "undated" : out;
}

}  // namespace

std::string bundle_name(const std::string& site_label, const std::string& from, const std::string& to,
                        const std::string& export_id) {
    std::string slug;
    for (char c : site_label) {
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        const bool keep = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
        if (keep)
            slug += l;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
        if (slug.size() >= 30) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "kiosk";
    return "datavoice-" + slug + "-" + compact_date(from) + "-" + compact_date(to) + "-" + export_id;
}

ExportJob::ExportJob(ExportLedger& ledger, FileOps& fs, ExportOptions options)
    : m_ledger(ledger), m_fs(fs), m_options(std::move(options)) {}

ExportJob::~ExportJob() { stop_reading_answers(); }

std::string ExportJob::path(const std::string& name) const { return m_result.bundle_dir + "/" + name; }

const char* ExportJob::stage_label() const {
    switch (m_stage) {
        case Stage::Selecting: return "Choosing what to export";
        case Stage::WritingSessions: return "Writing sessions.csv";
        case Stage::ReadingAnswers: return "Reading the answers";
        case Stage::WritingAnswers: return "Writing answers.csv";
        case Stage::WritingSummary: return "Writing summary.json";
        case Stage::WritingManifest: return "Writing manifest.json";
        case Stage::Verifying: return "Reading everything back to check it";
        case Stage::Marking: return "Recording the export on the kiosk";
        case Stage::Done: return "Done";
        case Stage::NothingNew: return "Nothing new to export";
        case Stage::Failed: return "Export failed";
    }
    return "";
}

double ExportJob::progress() const {
    switch (m_stage) {
        case Stage::Selecting: return 0.0;
        case Stage::WritingSessions: return 0.05;
        case Stage::ReadingAnswers: return 0.1 + 0.3 * m_read_progress.fraction.load();
        case Stage::WritingAnswers:
            return 0.4 + 0.3 * (m_sessions.empty() ? 1.0 : static_cast<double>(m_next_session) / m_sessions.size());
        case Stage::WritingSummary: return 0.7;
        case Stage::WritingManifest: return 0.75;
        case Stage::Verifying: return 0.8;
        case Stage::Marking: return 0.95;
        default: return 1.0;
    }
}

bool ExportJob::step() {
    switch (m_stage) {
        case Stage::Selecting: select(); break;
        case Stage::WritingSessions: write_sessions(); break;
        case Stage::ReadingAnswers: read_answers(); break;
        case Stage::WritingAnswers: write_answers(); break;
        case Stage::WritingSummary: write_summary(); break;
        case Stage::WritingManifest: write_manifest(); break;
        case Stage::Verifying: verify(); break;
        case Stage::Marking: mark(); break;
        default: return false;
    }
    return m_stage != Stage::Done && m_stage != Stage::NothingNew && m_stage != Stage::Failed;
}

void ExportJob::fail(const std::string& message) {
    stop_reading_answers();
    m_answers_file.reset();
    // Invariant 5: the manifest goes first, so a half-removed bundle never looks complete.
    if (m_made_dir) {
        m_fs.remove(path(kManifestJson));
        for (auto it = m_written.rbegin(); it != m_written.rend(); ++it) m_fs.remove(path(*it));
        m_fs.remove_dir(m_result.bundle_dir);
    }
    m_stage = Stage::Failed;
    m_result.status = ExportResult::Status::Failed;
    m_result.message = message;
    m_ledger.note("export_failed", message);
}

void ExportJob::fail_io(int err, const std::string& what) {
    std::string m = "Export stopped: " + describe_drive_error(err) + " (" + what + "). ";
    m += "Nothing was marked as exported; fix the drive and export again.";
    fail(m);
}

std::optional<KioskKey> kiosk_signing_key(ExportLedger& ledger, std::string& error) {
    if (auto text = ledger.setting(kSettingKioskKey))
        if (auto key = parse_kiosk_key(*text)) return key;
    KioskKey key = generate_kiosk_key();
    if (!ledger.set_setting(kSettingKioskKey, format_kiosk_key(key))) {
        error = ledger.error();
        return std::nullopt;
    }
    ledger.note("settings_change", "kiosk signing key made");
    return key;
}

void ExportJob::select() {
    // Keys first: never fall back to writing plain text when a staff key is configured but damaged.
    if (m_options.recipient) {
        m_staff_key = m_options.recipient;
    } else if (auto text = m_ledger.setting(kSettingStaffPublicKey); text && !text->empty()) {
        std::string error;
        m_staff_key = parse_staff_public_key(*text, "the kiosk's staff key", error);
        if (!m_staff_key) return fail("Export stopped: " + error + ". Set the staff key again.");
    }
    if (!m_options.plain_files) m_recipient = m_staff_key;
    std::string key_error;
    if (auto key = kiosk_signing_key(m_ledger, key_error)) m_kiosk_key = *key;
    else return fail("Export stopped: the kiosk could not save its signing key (" + key_error + ").");

    if (!m_ledger.select_sessions(m_options.everything, m_sessions))
        return fail("Export stopped: the kiosk could not read its answers (" + m_ledger.error() + ").");
    if (m_sessions.empty()) {
        m_stage = Stage::NothingNew;
        m_result.status = ExportResult::Status::NothingNew;
        m_result.message = "Nothing new to export since the last export. Choose \"Everything\" to copy all answers again.";
        return;
    }
    start_reading_answers();
    // Invariant 8: the privacy module's steps, on every session of this export at once.
    if (m_options.pack)
        for (const auto& q : m_options.pack->default_content().questions)
            if (q.about_you) m_guessable.push_back(q.id);
    m_summary = std::make_unique<SummaryBuilder>(m_options.pack, m_sessions, m_options.min_group);
    // The sessions now; their guessable answers once the read has them (read_answers()).
    CoarsenOptions coarsen;
    coarsen.min_group = m_options.min_group;
    coarsen.drop_part_of_day = m_options.drop_part_of_day;
    std::vector<ExportAnswer> no_answers;
    m_coarsening = coarsen_visit_times(m_sessions, no_answers, coarsen);
    if (m_sessions.empty()) {
        stop_reading_answers();
        m_stage = Stage::NothingNew;
        m_result.status = ExportResult::Status::NothingNew;
        m_result.withheld = m_coarsening.rows_withheld;
        m_result.message = "Only " + std::to_string(m_coarsening.rows_withheld) + " visits to export: fewer than " +
                           std::to_string(m_options.min_group) +
                           ", so they stay on the kiosk until there are more (a small export could single "
                           "someone out).";
        return;
    }
    shuffle_rows(m_sessions, no_answers);

    std::set<std::tuple<std::string, std::string, std::string>> packs;
    std::string from = period_start(m_sessions.front().visit_date), to = period_end(m_sessions.front().visit_date);
    for (const auto& s : m_sessions) {
        from = std::min(from, period_start(s.visit_date));
        to = std::max(to, period_end(s.visit_date));
        packs.insert({s.pack_id, s.pack_version, s.pack_hash});
    }
    m_manifest.export_id = m_options.export_id.empty() ? random_export_id() : m_options.export_id;
    m_manifest.site_label = m_ledger.setting(kSettingSiteLabel).value_or("");
    m_manifest.kiosk_key = to_base64(m_kiosk_key.pub.data(), m_kiosk_key.pub.size());
    m_manifest.created_on = m_options.today;
    m_manifest.everything = m_options.everything;
    m_manifest.part_of_day_dropped = m_options.drop_part_of_day;
    m_manifest.min_group = m_options.min_group;
    m_manifest.coarsening = m_coarsening;
    m_manifest.sessions_from = from;
    m_manifest.sessions_to = to;
    m_manifest.sessions = static_cast<std::int64_t>(m_sessions.size());
    for (const auto& [id, version, hash] : packs) m_manifest.packs.push_back({id, version, hash});
    if (m_options.clock) {
        m_manifest.clock = *m_options.clock;
        m_manifest.clock->corrections.clear();
        std::vector<ClockConfirmation> confirmations;
        if (!m_ledger.clock_confirmations(confirmations))
            return fail("Export stopped: the kiosk could not read its clock records (" + m_ledger.error() + ").");
        std::set<int> uncertain_boots;
        for (const auto& s : m_sessions)
            if (s.date_uncertain) uncertain_boots.insert(s.boot);
        for (const auto& c : confirmations)  // the ledger gives the latest of each boot
            if (uncertain_boots.count(c.boot)) m_manifest.clock->corrections.push_back(c);
    }
    m_manifest.encrypted = m_recipient.has_value();
    if (m_recipient) m_manifest.recipient = to_base64(m_recipient->box.data(), m_recipient->box.size());

    m_result.bundle_name = bundle_name(m_manifest.site_label, from, to, m_manifest.export_id);
    m_result.bundle_dir = m_options.drive_dir + "/" + m_result.bundle_name;
    m_result.sessions = m_manifest.sessions;
    m_result.encrypted = m_manifest.encrypted;

    if (int err = m_fs.is_dir(m_options.drive_dir)) return fail_io(err, "looking for the drive");
    // Invariant 6: the folder must be new.
    if (int err = m_fs.make_dir(m_result.bundle_dir)) {
        if (err == EEXIST)
            return fail("Export stopped: a folder named " + m_result.bundle_name +
                        " is already on the drive; it was left as it was. Export again to use a new name.");
        return fail_io(err, "making the bundle folder");
    }
    m_made_dir = true;
    m_stage = Stage::WritingSessions;
}

bool ExportJob::write_whole(const std::string& name, const std::string& bytes, bool encrypt, std::int64_t rows) {
    BundleFileWriter f(m_fs, m_result.bundle_dir, name, encrypt ? m_recipient : std::nullopt);
    m_written.push_back(f.temp_name());
    ManifestFile entry;
    int err = f.open();
    if (!err) err = f.add(bytes);
    if (!err) err = f.finish(entry);
    if (err) {
        fail_io(err, "writing " + name);
        return false;
    }
    m_written.push_back(name);
    entry.rows = rows;
    if (name != kManifestJson && name != kManifestSig) m_manifest.files.push_back(entry);
    return true;
}

void ExportJob::write_sessions() {
    std::string csv = csv_start(session_columns());
    for (const auto& s : m_sessions) append_session_row(csv, s);
    if (!write_whole(kSessionsCsv, csv, true, static_cast<std::int64_t>(m_sessions.size()))) return;

    m_answers_file = std::make_unique<BundleFileWriter>(m_fs, m_result.bundle_dir, kAnswersCsv, m_recipient);
    m_written.push_back(m_answers_file->temp_name());
    int err = m_answers_file->open();
    if (!err) err = m_answers_file->add(csv_start(answer_columns()));
    if (err) return fail_io(err, std::string("writing ") + kAnswersCsv);
    m_taken.reserve(m_sessions.size());
    m_stage = Stage::ReadingAnswers;
}

void ExportJob::start_reading_answers() {
    m_answer_set = std::make_unique<ExportAnswerSet>(m_sessions);
    m_reader = std::async(std::launch::async,
                          [this] { return m_ledger.read_answer_set(*m_answer_set, m_read_progress, m_read_error); });
}

void ExportJob::stop_reading_answers() {
    if (!m_reader.valid()) return;
    m_read_progress.stop = true;
    m_reader.wait();
}

void ExportJob::read_answers() {
    // A short wait per step: a caller that draws a frame between steps stays responsive.
    if (m_reader.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) return;
    if (!m_reader.get())
        return fail("Export stopped: the kiosk could not read its answers (" + m_read_error + ").");
    // Invariant 8, its last step: guessable answers rarer than min_group in their time group go.
    if (!m_guessable.empty()) {
        std::vector<ExportAnswer> guessable = m_answer_set->effective_to(m_guessable), removed;
        CoarsenOptions coarsen;
        coarsen.min_group = m_options.min_group;
        coarsen.guessable_questions = m_guessable;
        m_coarsening.answers_removed = protect_guessable_answers(m_sessions, guessable, coarsen, &removed);
        m_manifest.coarsening = m_coarsening;
        for (const auto& a : removed) m_guessable_removed.insert(guessable_key(a));
    }
    m_stage = Stage::WritingAnswers;
}

void ExportJob::write_answers() {
    const size_t first = m_next_session;
    const size_t end = std::min(first + kSessionsPerStep, m_sessions.size());
    std::string rows;
    int err = 0;
    for (size_t i = first; i < end && !err; ++i) {
        const std::string& id = m_sessions[i].session_id;
        std::int64_t through = 0;
        m_answer_set->effective(id, m_visit_answers, through);
        m_summary->add(id, m_visit_answers);  // by the store's rows: the summary suppresses on its own
        for (const auto& a : m_visit_answers) {
            if (!m_guessable_removed.empty() && m_guessable_removed.count(guessable_key(a))) continue;
            append_answer_row(rows, a);
            ++m_result.answers;
        }
        m_taken.emplace_back(id, through);
        if (rows.size() >= kFlushBytes) {
            err = m_answers_file->add(rows);
            rows.clear();
        }
    }
    if (!err) err = m_answers_file->add(rows);
    if (err) return fail_io(err, std::string("writing ") + kAnswersCsv);
    m_next_session = end;
    if (m_next_session < m_sessions.size()) return;
    m_answer_set.reset();  // some 18 MB for a year's answers

    ManifestFile entry;
    if (int e = m_answers_file->finish(entry))
        return fail_io(e, std::string("writing ") + kAnswersCsv);
    m_answers_file.reset();
    m_written.push_back(kAnswersCsv);
    entry.rows = m_result.answers;
    m_manifest.files.push_back(entry);
    m_manifest.answers = m_result.answers;
    m_stage = Stage::WritingSummary;
}

void ExportJob::write_summary() {
    if (write_whole(kSummaryJson, m_summary->json(), true, -1)) m_stage = Stage::WritingManifest;
}

void ExportJob::write_manifest() {
    // Invariant 2: the signature, then the manifest, last of all.
    m_manifest_text = manifest_json(m_manifest);
    m_signature_text = sign_detached(m_manifest_text, m_kiosk_key.secret) + "\n";
    if (!write_whole(kManifestSig, m_signature_text, false, -1)) return;
    if (!write_whole(kManifestJson, m_manifest_text, false, -1)) return;
    m_stage = Stage::Verifying;
}

void ExportJob::verify() {
    // Invariant 3: everything is read back from the drive before anyone is told it is safe.
    for (const auto& f : m_manifest.files) {
        Sha256 h;
        std::int64_t bytes = 0;
        const int err = m_fs.read(path(f.name), [&](std::string_view chunk) {
            h.update(chunk);
            bytes += static_cast<std::int64_t>(chunk.size());
            return true;
        });
        if (err) return fail_io(err, "reading back " + f.name);
        if (bytes != f.bytes || h.hex() != f.sha256)
            return fail("Export stopped: " + f.name +
                        " read back differently from what was written; the drive may be failing. Nothing was "
                        "marked as exported; try another drive.");
    }
    for (const auto& [name, expected] : {std::pair<const char*, const std::string*>{kManifestSig, &m_signature_text},
                                         {kManifestJson, &m_manifest_text}}) {
        std::string back;
        const int err = m_fs.read(path(name), [&](std::string_view chunk) {
            back.append(chunk);
            return back.size() <= expected->size();
        });
        if (err) return fail_io(err, std::string("reading back ") + name);
        if (back != *expected)
            return fail(std::string("Export stopped: ") + name +
                        " read back differently from what was written; the drive may be failing. Nothing was "
                        "marked as exported; try another drive.");
    }
    m_stage = Stage::Marking;
}

void ExportJob::mark() {
    ExportMark& m = m_mark;
    m.export_id = m_manifest.export_id;
    m.bundle_name = m_result.bundle_name;
    m.made_on = m_options.today;
    m.everything = m_options.everything;
    m.sessions = m_result.sessions;
    m.answers = m_result.answers;
    m.sessions_from = m_manifest.sessions_from;
    m.sessions_to = m_manifest.sessions_to;
    m_stage = Stage::Done;
    m_result.status = ExportResult::Status::Done;
    if (m_options.defer_marking) {
        m_result.message = std::to_string(m_result.sessions) + " visits, " + std::to_string(m_result.answers) +
                           " answers ready; not marked as exported until staff confirm.";
        return;
    }
    m_result.marked = m_ledger.mark_exported(m, m_taken);  // invariant 4
    const std::string what = std::to_string(m_result.sessions) + " visits, " + std::to_string(m_result.answers) +
                             " answers" + (m_result.encrypted ? ", encrypted" : ", not encrypted");
    m_result.message = what + ", written to " + m_result.bundle_name + " and checked.";
    if (!m_result.marked)
        m_result.message += " The kiosk could not record this export, so the next export will include these "
                            "answers again.";
    m_ledger.note("export", m_result.bundle_name + ": " + what + (m_result.marked ? "" : "; not recorded"));
}

}  // namespace dv
