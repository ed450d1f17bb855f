// datavoice verify: checks an export bundle (manifest, signature, hashes) and, with the
// staff secret key, decrypts and reads it; --out writes the plain files for a spreadsheet.
#include "commands.hpp"

#include "exchange/bundle_read.hpp"
#include "exchange/bundle_rows.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice verify BUNDLE_DIR [--key STAFF.key] [--out DIR]\n"
    "Checks that the bundle is complete and unchanged. With --key it also decrypts and reads\n"
    "every file; with --out (needs --key for encrypted bundles) it writes sessions.csv,\n"
    "answers.csv and summary.json in plain form into DIR.\n"
    "Exit status: 0 the bundle is good, 1 it is not (one line says why), 2 bad usage.\n";

void write_plain(const std::string& dir, const BundleContents& b) {
    std::filesystem::create_directories(dir);
    std::string sessions = csv_start(session_columns()), answers = csv_start(answer_columns());
    for (const auto& r : b.sessions) append_session_row(sessions, r);
    for (const auto& r : b.answers) append_answer_row(answers, r);
    std::ofstream(dir + "/sessions.csv", std::ios::binary) << sessions;
    std::ofstream(dir + "/answers.csv", std::ios::binary) << answers;
    std::ofstream(dir + "/summary.json", std::ios::binary) << b.summary_json;
}

}  // namespace

int cmd_verify(const std::vector<std::string>& args) {
    std::string bundle, key_file, out;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--key" && i + 1 < args.size()) {
            key_file = args[++i];
        } else if (a == "--out" && i + 1 < args.size()) {
            out = args[++i];
        } else if (bundle.empty() && !a.empty() && a[0] != '-') {
            bundle = a;
        } else {
            std::fputs(kUsage, stderr);
            return 2;
        }
    }
    if (bundle.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string error;
    std::optional<StaffSecretKey> key;
    if (!key_file.empty()) {
        if (!(key = read_staff_secret_key(key_file, error))) {
            std::fprintf(stderr, "datavoice verify: %s\n", error.c_str());
            return 2;
        }
    }
    Manifest m;
    if (!verify_bundle(bundle, m, error)) {
        std::printf("%s\n", error.c_str());
        return 1;
    }
    if (key || !m.encrypted) {
        BundleContents b;
        if (!open_bundle(bundle, key ? &*key : nullptr, b, error)) {
            std::printf("%s\n", error.c_str());
            return 1;
        }
        if (!out.empty()) write_plain(out, b);
    } else if (!out.empty()) {
        std::fprintf(stderr, "datavoice verify: %s: encrypted; --out needs --key\n", bundle.c_str());
        return 2;
    }
    std::printf("%s: ok (%s, export %s, %lld sessions, %lld answers, %s to %s%s)\n", bundle.c_str(),
                m.site_label.empty() ? "no site label" : m.site_label.c_str(), m.export_id.c_str(),
                static_cast<long long>(m.sessions), static_cast<long long>(m.answers), m.sessions_from.c_str(),
                m.sessions_to.c_str(), m.encrypted ? (key ? ", decrypted" : ", encrypted") : "");
    return 0;
}

}  // namespace dv::tools
