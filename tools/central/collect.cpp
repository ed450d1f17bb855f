// This file implements collecting bundles into the central database (see collect.hpp).
#include "collect.hpp"

#include "core/date_correction.hpp"
#include "exchange/bundle_read.hpp"

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

bool collect_bundle(CentralDb& db, const std::string& dir, const StaffSecretKey* key, CollectTotals& totals,
                    std::string& error) {
    const fs::path d(dir);
    if (path_exists(d / "summary.json") && !path_exists(d / "sessions.csv") && !path_exists(d / "answers.csv")) {
        error = dir + ": a summary only (summary.json without sessions.csv and answers.csv, as from a QR summary): "
                      "collect needs the rows; scan the full QR set or use the USB bundle";
        return false;
    }
    BundleContents b;
    if (!open_bundle(dir, key, b, error)) return false;
    if (!check_rows(dir, b, error)) return false;
    std::vector<char> was_uncertain;
    was_uncertain.reserve(b.sessions.size());
    for (const auto& s : b.sessions) was_uncertain.push_back(s.date_uncertain ? 1 : 0);
    if (b.manifest.clock) correct_uncertain_dates(b.sessions, b.manifest.clock->corrections);
    const Manifest& m = b.manifest;
    const BundleHeader header{m.export_id, m.site_label, m.kiosk_key, m.created_on, m.sessions_from, m.sessions_to};
    ImportCount count;
    if (!db.import_bundle(header, b.sessions, b.answers, count, error)) {
        error = dir + ": not imported: " + error;
        return false;
    }
    if (count.export_already_present) {
        ++totals.bundles_already_present;
    } else {
        ++totals.bundles_imported;
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
