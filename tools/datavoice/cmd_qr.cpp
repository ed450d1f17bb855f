// datavoice qr decode: QR sync's receiving side. Reads frames from screenshots or photos
// (libzbar, in-process) or from text files of lines as `zbarimg --raw` prints them,
// reassembles them in any order, checks checksums and the kiosk's signature, decrypts with
// the staff key, writes the same files a USB bundle holds into DIR, and prints the
// confirmation code staff type on the kiosk. Format: docs/qr-format.md.
#include "commands.hpp"

#include "exchange/bundle_read.hpp"
#include "exchange/files.hpp"
#include "exchange/qr_receive.hpp"
#include "support/qr_scan.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice qr decode [--key STAFF.key] --out DIR IMAGE_OR_TEXT...\n"
    "Reads the kiosk's QR codes from pictures (PNG, JPEG) or from text files with one code per\n"
    "line (as `zbarimg --raw` prints them), in any order, repeats and all. Writes the export's\n"
    "files into DIR (a new or empty folder): for a full export the files of a USB bundle\n"
    "(`datavoice verify DIR` checks them), for a summary summary.json and about.json.\n"
    "Then prints the confirmation code to type on the kiosk.\n"
    "Exit status: 0 done, 1 the codes are incomplete or damaged (it says which), 2 bad usage.\n";

bool is_picture(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".gif" || ext == ".pnm" ||
           ext == ".ppm" || ext == ".pgm";
}

bool read_frames(const std::string& input, std::vector<ScannedFrame>& frames, std::string& error) {
    if (is_picture(input)) {
        std::vector<std::string> texts;
        if (!scan_qr_image(input, texts, error)) return false;
        if (texts.empty()) std::fprintf(stderr, "%s: no QR code found in the picture\n", input.c_str());
        for (auto& t : texts) frames.push_back({std::move(t), input});
        return true;
    }
    std::string text;
    if (!read_text_file(input, text, error)) return false;
    size_t line = 0, at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        ++line;
        std::string l = text.substr(at, end - at);
        while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.pop_back();
        if (!l.empty()) frames.push_back({l, input + ":" + std::to_string(line)});
        at = end + 1;
    }
    return true;
}

int decode(const std::vector<std::string>& args) {
    std::string key_file, out;
    std::vector<std::string> inputs;
    Options cli("datavoice qr", kUsage);
    cli.text("--key", key_file);
    cli.text("--out", out, Options::Need::Required);
    cli.arguments("IMAGE_OR_TEXT", 1, SIZE_MAX, inputs);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    std::optional<StaffSecretKey> key;
    if (!read_staff_key_option(cli, key_file, key)) return 2;
    std::string error;
    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !std::filesystem::is_empty(out, ec))
        return cli.fail(out + ": already holds files; give a new or empty folder");
    std::vector<ScannedFrame> frames;
    for (const auto& input : inputs)
        if (!read_frames(input, frames, error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 2;
        }
    QrReceived got;
    const bool ok = receive_qr_frames(frames, key ? &*key : nullptr, got, error);
    for (const auto& p : got.problems) std::fprintf(stderr, "%s\n", p.c_str());
    if (!ok) {
        std::printf("%s\n", error.c_str());
        return 1;
    }
    std::filesystem::create_directories(out, ec);
    for (const auto& f : got.contents.files) {
        std::ofstream file(out + "/" + f.name, std::ios::binary);
        file << f.bytes;
        if (!file.flush()) return cli.fail(out + "/" + f.name + ": could not write");
    }
    std::printf("export %s (%s): %d codes read, %d repeats, %d rebuilt from parity%s%s\n", got.export_id.c_str(),
                qr_kind_name(got.kind), got.frames_new, got.repeats, got.rebuilt,
                got.contents.encrypted ? ", decrypted" : ", not encrypted",
                got.contents.signed_by_kiosk ? ", signed by the kiosk" : ", NOT signed");
    if (got.kind == QrKind::Full) {
        Manifest m;
        if (!verify_bundle(out, m, error)) {
            std::printf("%s\n", error.c_str());
            return 1;
        }
        std::printf("%s: a complete bundle (%s, %lld sessions, %lld answers, %s to %s)\n", out.c_str(),
                    m.site_label.empty() ? "no site label" : m.site_label.c_str(), static_cast<long long>(m.sessions),
                    static_cast<long long>(m.answers), m.sessions_from.c_str(), m.sessions_to.c_str());
    } else {
        std::printf("%s: summary.json and about.json\n", out.c_str());
    }
    std::printf("Confirmation code: %s (type it on the kiosk to confirm receipt)\n", got.confirmation_code.c_str());
    return 0;
}

}  // namespace

int cmd_qr(const std::vector<std::string>& args) {
    if (!args.empty() && args[0] == "decode") return decode(std::vector<std::string>(args.begin() + 1, args.end()));
    if (!args.empty() && args[0] == "--help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    std::fputs(kUsage, stderr);
    return 2;
}

}  // namespace dv::tools
