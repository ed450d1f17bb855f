// This file implements collecting bundles into the central database (see collect.hpp).
#include "collect.hpp"

#include "core/date_correction.hpp"
#include "exchange/bundle_read.hpp"
#include "exchange/crypto.hpp"
#include "kiosks.hpp"
#include "pack_check.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unordered_set>

namespace dv::central {

namespace fs = std::filesystem;

namespace {

bool path_exists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

// A folder that is, or was meant to be, a bundle: its manifest, or the files one holds.
bool looks_like_bundle(const fs::path& dir) {
    for (const char* name : {"manifest.json", "manifest.sig", "sessions.csv", "answers.csv", "summary.json"})
        if (path_exists(dir / name)) return true;
    return false;
}

void search(const fs::path& dir, std::vector<std::string>& out, int depth) {
    if (looks_like_bundle(dir)) {
        out.push_back(dir.string());
        return;
    }
    if (depth > 8) return;
    std::error_code ec;
    std::vector<fs::path> children;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec)) children.push_back(it->path());
    std::sort(children.begin(), children.end());
    for (const auto& c : children) search(c, out, depth + 1);
}

// The rows must hold together before they go near the database.
bool check_rows(const std::string& dir, const BundleContents& b, std::string& error) {
    std::unordered_set<std::string> ids;
    ids.reserve(b.sessions.size() * 2);
    for (const auto& s : b.sessions)
        if (!ids.insert(s.session_id).second) {
            error = dir + "/sessions.csv: session " + s.session_id + " appears twice";
            return false;
        }
    std::unordered_set<std::string> keys;
    keys.reserve(b.answers.size() * 2);
    for (const auto& a : b.answers) {
        if (!ids.count(a.session_id)) {
            error = dir + "/answers.csv: an answer to " + a.question_id + " belongs to session " + a.session_id +
                    ", which sessions.csv does not list";
            return false;
        }
        if (!keys.insert(a.session_id + '\x1f' + a.question_id + '\x1f' + a.phase).second) {
            error = dir + "/answers.csv: session " + a.session_id + " answers " + a.question_id +
                    (a.phase.empty() ? "" : " (" + a.phase + ")") + " twice";
            return false;
        }
    }
    return true;
}

// Checks the rows against their packs. A row that does not fit refuses the bundle, or with
// `lenient` moves to header.quarantined (a bad session with all its answers) so it is
// neither counted nor collected again.
bool set_aside_rows(const std::string& dir, const std::vector<Pack>& packs, bool lenient, BundleContents& b,
                    BundleHeader& header, std::vector<std::string>& quarantined_visits, CollectTotals& totals,
                    std::string& error) {
    const PackCheck check = check_rows_against_packs(dir, b, packs);
    for (const auto& p : check.packs_missing)
        totals.notes.push_back(dir + ": pack " + p + " is not among the content packs, so its rows were not checked "
                                     "against it (give its folder with --pack-dir)");
    if (!check.bundle_problem.empty()) {
        error = check.bundle_problem;
        return false;
    }
    if (check.rows.empty()) return true;
    if (!lenient) {
        const auto& first = check.rows.front();
        error = first.where + ": " + first.reason;
        if (check.rows.size() > 1)
            error += " (and " + std::to_string(check.rows.size() - 1) + " more rows that do not fit their pack)";
        error += "; the bundle is refused (--lenient quarantines such rows and takes the rest)";
        return false;
    }
    std::unordered_set<std::string> bad_sessions;
    std::vector<const RowProblem*> answer_problem(b.answers.size(), nullptr);
    for (const auto& p : check.rows) {
        if (p.session >= 0) bad_sessions.insert(b.sessions[static_cast<size_t>(p.session)].session_id);
        if (p.answer >= 0) answer_problem[static_cast<size_t>(p.answer)] = &p;
    }
    std::vector<ExportAnswer> kept;
    kept.reserve(b.answers.size());
    for (size_t i = 0; i < b.answers.size(); ++i) {
        ExportAnswer& a = b.answers[i];
        const bool session_bad = bad_sessions.count(a.session_id) > 0;
        if (!session_bad && !answer_problem[i]) {
            kept.push_back(std::move(a));
            continue;
        }
        const std::string reason =
            answer_problem[i] ? answer_problem[i]->where + ": " + answer_problem[i]->reason
                              : dir + "/answers.csv row " + std::to_string(i + 1) + ": session " + a.session_id +
                                    " does not fit its pack (see sessions.csv)";
        header.quarantined.push_back({std::move(a), reason + "; quarantined"});
    }
    b.answers = std::move(kept);
    for (const auto& p : check.rows)
        if (p.session >= 0) quarantined_visits.push_back(p.where + ": " + p.reason + "; the visit is quarantined");
    b.sessions.erase(std::remove_if(b.sessions.begin(), b.sessions.end(),
                                    [&](const ExportSession& s) { return bad_sessions.count(s.session_id) > 0; }),
                     b.sessions.end());
    return true;
}

}  // namespace

std::vector<std::string> find_bundle_dirs(const std::vector<std::string>& paths, std::vector<std::string>& problems) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            problems.push_back(p + ": not a folder (give a bundle folder or a folder holding bundles)");
            continue;
        }
        const size_t before = out.size();
        search(p, out, 0);
        if (out.size() == before) problems.push_back(p + ": holds no bundle (no folder with a manifest.json)");
    }
    return out;
}

bool collect_bundle(CentralDb& db, const std::string& dir, const CollectOptions& options, CollectTotals& totals,
                    std::string& error) {
    const fs::path d(dir);
    if (path_exists(d / "summary.json") && !path_exists(d / "sessions.csv") && !path_exists(d / "answers.csv")) {
        error = dir + ": a summary only (summary.json without sessions.csv and answers.csv, as from a QR summary): "
                      "collect needs the rows; scan the full QR set or use the USB bundle";
        return false;
    }
    BundleContents b;
    if (!open_bundle(dir, options.key, b, error)) return false;
    const Manifest& m = b.manifest;
    std::optional<EnrolledKiosk> enrolled;
    if (!find_kiosk(db, m.kiosk_key, enrolled, error)) return false;
    std::string why;
    const KioskTrust trust = judge_kiosk(enrolled, m.kiosk_key, m.site_label, why);
    if (trust != KioskTrust::Enrolled && !(trust == KioskTrust::Unknown && options.enrol)) {
        error = dir + ": refused: " + why;
        return false;
    }
    if (!check_rows(dir, b, error)) return false;
    BundleHeader header{m.export_id, m.site_label, m.kiosk_key, m.created_on, m.sessions_from, m.sessions_to, {}, {}};
    std::vector<std::string> quarantined_visits;
    if (options.packs &&
        !set_aside_rows(dir, *options.packs, options.lenient, b, header, quarantined_visits, totals, error))
        return false;
    if (trust == KioskTrust::Unknown) header.enrol_on = options.today;
    std::vector<char> was_uncertain;
    was_uncertain.reserve(b.sessions.size());
    for (const auto& s : b.sessions) was_uncertain.push_back(s.date_uncertain ? 1 : 0);
    if (m.clock) correct_uncertain_dates(b.sessions, m.clock->corrections);
    ImportCount count;
    if (!db.import_bundle(header, b.sessions, b.answers, count, error)) {
        error = dir + ": not imported: " + error;
        return false;
    }
    if (count.export_already_present) {
        ++totals.bundles_already_present;
    } else {
        ++totals.bundles_imported;
        totals.answers_quarantined += static_cast<std::int64_t>(header.quarantined.size());
        totals.notes.insert(totals.notes.end(), quarantined_visits.begin(), quarantined_visits.end());
        for (const auto& q : header.quarantined) totals.notes.push_back(q.reason);
        if (!header.enrol_on.empty()) {
            ++totals.kiosks_enrolled;
            totals.notes.push_back(dir + ": enrolled kiosk key " + key_fingerprint(m.kiosk_key).value_or("") +
                                   " for site \"" + m.site_label + "\"");
        }
        // Count corrections among the sessions this bundle added (corrected ones lost their flag).
        for (size_t i = 0; i < b.sessions.size() && i < count.added.size(); ++i) {
            if (!count.added[i]) continue;
            const auto& s = b.sessions[i];
            if (s.date_uncertain) ++totals.dates_uncertain;
            else if (was_uncertain[i]) ++totals.dates_corrected;
        }
    }
    totals.sessions_added += count.sessions_added;
    totals.sessions_present += count.sessions_present;
    totals.answers_added += count.answers_added;
    return true;
}

}  // namespace dv::central
