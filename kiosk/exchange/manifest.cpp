// This file implements reading and writing manifest.json.
#include "manifest.hpp"

#include "core/clock.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace dv {

namespace {

using Json = nlohmann::ordered_json;

bool is_hex64(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// "YYYY-MM-DD" (date) or "YYYY-MM-DDTHH:MM" (with_time) that names a real day and time.
bool is_iso(const std::string& s, bool with_time) {
    if (s.size() != (with_time ? 16u : 10u)) return false;
    std::string civil = s;
    if (with_time) {
        if (s[10] != 'T') return false;
        civil[10] = ' ';
    }
    CivilTime t;
    return parse_civil(civil, t);
}

bool is_safe_file_name(const std::string& s) {
    if (s.empty() || s.size() > 64 || s[0] == '.') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

}  // namespace

const ManifestFile* Manifest::file(const std::string& name) const {
    for (const auto& f : files)
        if (f.name == name) return &f;
    return nullptr;
}

std::string manifest_json(const Manifest& m) {
    Json j;
    j["format"] = "datavoice-bundle";
    j["format_version"] = m.format_version;
    j["export_id"] = m.export_id;
    j["site_label"] = m.site_label;
    j["kiosk_key"] = m.kiosk_key;
    j["created_on"] = m.created_on;
    j["scope"] = m.everything ? "everything" : "new";
    j["part_of_day"] = m.part_of_day_dropped ? "dropped" : "kept";
    const CoarsenReport& c = m.coarsening;
    j["privacy"] = {{"min_group", m.min_group},
                    {"rows_with_part_of_day", c.rows_with_part_of_day},
                    {"rows_with_date", c.rows_with_date},
                    {"rows_with_period", c.rows_with_period},
                    {"languages_blanked", c.languages_blanked},
                    {"answers_removed", c.answers_removed}};
    j["sessions_from"] = m.sessions_from;
    j["sessions_to"] = m.sessions_to;
    j["counts"] = {{"sessions", m.sessions}, {"answers", m.answers}};
    Json packs = Json::array();
    for (const auto& p : m.packs) packs.push_back({{"id", p.id}, {"version", p.version}, {"hash", p.hash}});
    j["packs"] = std::move(packs);
    j["encryption"] = m.encrypted ? Json{{"scheme", "sealed-stream-1"}, {"recipient", m.recipient}} : Json(nullptr);
    Json files = Json::array();
    for (const auto& f : m.files) {
        Json e{{"name", f.name}, {"bytes", f.bytes}, {"sha256", f.sha256}};
        if (f.rows >= 0) e["rows"] = f.rows;
        files.push_back(std::move(e));
    }
    j["files"] = std::move(files);
    if (m.clock) {
        Json corrections = Json::array();
        for (const auto& c : m.clock->corrections)
            corrections.push_back(
                {{"boot", c.boot}, {"offset_seconds", c.offset_seconds}, {"confirmed_on", c.confirmed_on}});
        j["clock"] = {{"at_export", m.clock->at_export},
                      {"trusted", m.clock->trusted},
                      {"boot", m.clock->boot},
                      {"corrections", std::move(corrections)}};
    }
    return j.dump(2) + "\n";
}

bool parse_manifest(const std::string& text, const std::string& file, Manifest& out, std::string& error) {
    out = Manifest{};
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::parse_error& e) {
        error = file + ": not valid JSON (at byte " + std::to_string(e.byte) + ")";
        return false;
    }
    std::string where;  // the key being read, for the message
    try {
        where = "format";
        if (j.at("format").get<std::string>() != "datavoice-bundle") {
            error = file + ": not a datavoice bundle manifest";
            return false;
        }
        where = "format_version";
        out.format_version = j.at("format_version").get<int>();
        if (out.format_version != kBundleFormatVersion) {
            error = file + ": bundle format version " + std::to_string(out.format_version) +
                    " is not one this tool reads (it reads " + std::to_string(kBundleFormatVersion) + ")";
            return false;
        }
        where = "export_id";
        out.export_id = j.at("export_id").get<std::string>();
        where = "site_label";
        out.site_label = j.at("site_label").get<std::string>();
        where = "kiosk_key";
        out.kiosk_key = j.at("kiosk_key").get<std::string>();
        where = "created_on";
        out.created_on = j.at("created_on").get<std::string>();
        where = "scope";
        out.everything = j.at("scope").get<std::string>() == "everything";
        where = "part_of_day";
        out.part_of_day_dropped = j.at("part_of_day").get<std::string>() == "dropped";
        where = "privacy";
        const Json& p = j.at("privacy");
        out.min_group = p.at("min_group").get<int>();
        out.coarsening.rows_with_part_of_day = p.at("rows_with_part_of_day").get<int>();
        out.coarsening.rows_with_date = p.at("rows_with_date").get<int>();
        out.coarsening.rows_with_period = p.at("rows_with_period").get<int>();
        out.coarsening.languages_blanked = p.at("languages_blanked").get<int>();
        out.coarsening.answers_removed = p.at("answers_removed").get<int>();
        where = "sessions_from";
        out.sessions_from = j.at("sessions_from").get<std::string>();
        where = "sessions_to";
        out.sessions_to = j.at("sessions_to").get<std::string>();
        where = "counts";
        out.sessions = j.at("counts").at("sessions").get<std::int64_t>();
        out.answers = j.at("counts").at("answers").get<std::int64_t>();
        where = "packs";
        for (const auto& p : j.at("packs"))
            out.packs.push_back(
                {p.at("id").get<std::string>(), p.at("version").get<std::string>(), p.at("hash").get<std::string>()});
        where = "encryption";
        const Json& enc = j.at("encryption");
        out.encrypted = !enc.is_null();
        if (out.encrypted) out.recipient = enc.at("recipient").get<std::string>();
        where = "files";
        std::set<std::string> names;
        for (const auto& f : j.at("files")) {
            ManifestFile mf;
            mf.name = f.at("name").get<std::string>();
            mf.bytes = f.at("bytes").get<std::int64_t>();
            mf.sha256 = f.at("sha256").get<std::string>();
            if (f.contains("rows")) mf.rows = f.at("rows").get<std::int64_t>();
            if (!is_safe_file_name(mf.name) || mf.name == "manifest.json" || !names.insert(mf.name).second) {
                error = file + ": files: '" + mf.name + "' is not an allowed file name";
                return false;
            }
            if (!is_hex64(mf.sha256) || mf.bytes < 0) {
                error = file + ": files: '" + mf.name + "' has a malformed size or sha256";
                return false;
            }
            out.files.push_back(std::move(mf));
        }
        if (j.contains("clock")) {
            where = "clock";
            const Json& c = j.at("clock");
            ExportClock clock;
            clock.at_export = c.at("at_export").get<std::string>();
            clock.trusted = c.at("trusted").get<bool>();
            clock.boot = c.at("boot").get<int>();
            for (const auto& e : c.at("corrections")) {
                ClockConfirmation k;
                k.boot = e.at("boot").get<int>();
                k.offset_seconds = e.at("offset_seconds").get<std::int64_t>();
                k.confirmed_on = e.at("confirmed_on").get<std::string>();
                if (!is_iso(k.confirmed_on, false) || k.boot < 0) {
                    error = file + ": clock: a correction has a malformed boot or confirmed_on";
                    return false;
                }
                clock.corrections.push_back(std::move(k));
            }
            if (!is_iso(clock.at_export, true) || clock.boot < 0) {
                error = file + ": clock: 'at_export' must be a time like 2026-03-04T10:00 and 'boot' not negative";
                return false;
            }
            out.clock = std::move(clock);
        }
    } catch (const Json::exception&) {
        error = file + ": '" + where + "' is missing or has the wrong type";
        return false;
    }
    return true;
}

}  // namespace dv
