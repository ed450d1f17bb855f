// This file writes bundles in the documented format by hand (see bundle_maker.hpp).
#include "bundle_maker.hpp"

#include "core/hash.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>
#include <stdexcept>

namespace dv::test {

namespace {

// RFC 4180 quoting as the format describes (the test data never starts with a formula sign).
std::string field(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string json_string(const std::string& v) {
    std::string out = "\"";
    for (char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

void write(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << bytes;
    if (!f) throw std::runtime_error("cannot write " + path);
}

std::string seal(const std::string& plain, const StaffPublicKey& key) {
    SealedStreamWriter w(key);
    w.add(plain);
    w.finish();
    return w.output();
}

}  // namespace

std::string export_id_for(std::uint64_t n) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(n));
    return buf;
}

ExportSession made_session(const std::string& id, const std::string& date, const std::string& part_of_day,
                           const std::string& pack_id, const std::string& pack_version, const std::string& pack_hash) {
    ExportSession s;
    s.session_id = id;
    s.visit_date = date;
    s.part_of_day = part_of_day;
    s.language = "en";
    s.pack_id = pack_id;
    s.pack_version = pack_version;
    s.pack_hash = pack_hash;
    return s;
}

std::string write_bundle(const std::string& parent, const BundleSpec& spec) {
    const std::string bom = "\xEF\xBB\xBF";
    std::string sessions = bom + "session_id,visit_date,part_of_day,date_uncertain,boot,language,pack_id,pack_version,"
                                 "pack_hash,mode,flagged_repeat\r\n";
    std::string from = "9999-12-31", to = "0000-01-01";
    for (const auto& s : spec.sessions) {
        sessions += field(s.session_id) + "," + field(s.visit_date) + "," + field(s.part_of_day) + "," +
                    (s.date_uncertain ? "1" : "0") + "," + std::to_string(s.boot) + "," + field(s.language) + "," +
                    field(s.pack_id) + "," + field(s.pack_version) + "," + field(s.pack_hash) + "," + field(s.mode) +
                    "," + (s.flagged_repeat ? "1" : "0") + "\r\n";
        const auto slash = s.visit_date.find('/');
        from = std::min(from, s.visit_date.substr(0, slash));
        to = std::max(to, slash == std::string::npos ? s.visit_date : s.visit_date.substr(slash + 1));
    }
    std::string answers = bom + "session_id,question_id,phase,value,wording\r\n";
    for (const auto& a : spec.answers)
        answers += field(a.session_id) + "," + field(a.question_id) + "," + field(a.phase) + "," + field(a.value) + "," +
                   field(a.content_hash) + "\r\n";
    const std::string summary = "{\"format_version\": 1, \"questions\": []}\n";

    const std::string dir =
        parent + "/datavoice-test-" + from.substr(0, 4) + from.substr(5, 2) + from.substr(8, 2) + "-" + spec.export_id;
    std::filesystem::create_directories(dir);
    struct File {
        const char* name;
        std::string bytes;
        long long rows;
    };
    std::vector<File> files = {{"sessions.csv", sessions, static_cast<long long>(spec.sessions.size())},
                               {"answers.csv", answers, static_cast<long long>(spec.answers.size())},
                               {"summary.json", summary, -1}};
    std::string listed;
    for (auto& f : files) {
        if (spec.recipient) f.bytes = seal(f.bytes, *spec.recipient);
        write(dir + "/" + f.name, f.bytes);
        listed += std::string(listed.empty() ? "" : ",\n") + "    {\"name\": \"" + f.name +
                  "\", \"bytes\": " + std::to_string(f.bytes.size()) + ", \"sha256\": \"" + sha256_hex(f.bytes) + "\"" +
                  (f.rows >= 0 ? ", \"rows\": " + std::to_string(f.rows) : std::string()) + "}";
    }
    // Every pack the sessions name, as the kiosk lists them.
    std::set<std::tuple<std::string, std::string, std::string>> used;
    for (const auto& s : spec.sessions) used.insert({s.pack_id, s.pack_version, s.pack_hash});
    std::string packs;
    for (const auto& [id, version, hash] : used)
        packs += std::string(packs.empty() ? "" : ", ") + "{\"id\": " + json_string(id) + ", \"version\": " +
                 json_string(version) + ", \"hash\": " + json_string(hash) + "}";
    std::string manifest = "{\n  \"format\": \"datavoice-bundle\",\n  \"format_version\": " +
                           std::to_string(spec.format_version) + ",\n  \"export_id\": " + json_string(spec.export_id) +
                           ",\n  \"site_label\": " + json_string(spec.site_label) + ",\n  \"kiosk_key\": \"" +
                           to_base64(spec.kiosk.pub.data(), spec.kiosk.pub.size()) + "\",\n  \"created_on\": \"" +
                           spec.created_on + "\",\n  \"scope\": \"new\",\n  \"part_of_day\": \"kept\",\n" +
                           "  \"privacy\": {\"min_group\": 10, \"rows_with_part_of_day\": 0, \"rows_with_date\": 0, "
                           "\"rows_with_period\": 0, \"languages_blanked\": 0, \"answers_removed\": 0},\n" +
                           "  \"sessions_from\": \"" + from + "\",\n  \"sessions_to\": \"" + to + "\",\n" +
                           "  \"counts\": {\"sessions\": " + std::to_string(spec.sessions.size()) +
                           ", \"answers\": " + std::to_string(spec.answers.size()) + "},\n" +
                           "  \"packs\": [" + packs + "],\n  \"encryption\": " +
                           (spec.recipient ? "{\"scheme\": \"sealed-stream-1\", \"recipient\": \"" +
                                                 to_base64(spec.recipient->box.data(), spec.recipient->box.size()) + "\"}"
                                           : std::string("null")) +
                           ",\n  \"files\": [\n" + listed + "\n  ]" +
                           (spec.clock_json.empty() ? std::string() : ",\n  \"clock\": " + spec.clock_json) + "\n}\n";
    write(dir + "/manifest.sig", sign_detached(manifest, spec.kiosk.secret) + "\n");
    write(dir + "/manifest.json", manifest);
    return dir;
}

}  // namespace dv::test
