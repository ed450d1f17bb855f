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
    Options cli("datavoice verify", kUsage);
    cli.text("--key", key_file);
    cli.text("--out", out);
    cli.argument("BUNDLE_DIR", bundle);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    std::optional<StaffSecretKey> key;
    if (!read_staff_key_option(cli, key_file, key)) return 2;
    std::string error;
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
        return cli.fail(bundle + ": encrypted; --out needs --key");
    }
    std::printf("%s: ok (%s, export %s, %lld sessions, %lld answers, %s to %s%s)\n", bundle.c_str(),
                m.site_label.empty() ? "no site label" : m.site_label.c_str(), m.export_id.c_str(),
                static_cast<long long>(m.sessions), static_cast<long long>(m.answers), m.sessions_from.c_str(),
                m.sessions_to.c_str(), m.encrypted ? (key ? ", decrypted" : ", encrypted") : "");
    return 0;
}

}  // namespace dv::tools
