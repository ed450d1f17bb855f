// Benchmark: QR sync for a week of a busy surgery (default 2,000 visits, ~10,000 answers,
// written through the kiosk's store with the default pack's questions). Prints, for QR
// versions 10, 15 and 20: bytes of payload per frame; frames for the summary and for the
// full data, encrypted and signed as the kiosk sends them; the same payload as plain
// binary-mode QR codes, and the raw files in binary mode, for comparison; scanning time at an
// assumed rate with and without parity frames at a simulated miss rate; and one frame of
// each size rendered to a PNG and read back through libzbar (the reader datavoice qr decode
// uses). The baseline beside the payload sizes, measured in the same run, is plain zlib -9 of
// the same files: what deflate alone gives without the compact forms and the dictionary.
// Bars (DESIGN.md): a week's summary in ≤ 3 codes; full data in ≤ 30 s of scanning at v ≤ 20.
//
// Usage: bench_qr [--visits N] [--answers-per-visit N] [--rate CODES_PER_SECOND] [--miss P] [--out DIR]
// (--out writes the files the codes carry, to look at)
#include "bench_timing.hpp"
#include "core/clock.hpp"
#include "core/privacy.hpp"
#include "exchange/pack_files.hpp"
#include "exchange/qr.hpp"
#include "exchange/qr_export.hpp"
#include "exchange/qr_receive.hpp"
#include "store/store.hpp"
#include "store/store_export.hpp"
#include "support/qr_scan.hpp"

#include <qrencode.h>
#include <stb/stb_image_write.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace dv;

using dv::bench::seconds_since;

namespace {

// The most bytes one binary-mode symbol of this version holds at level M (by trying).
int binary_capacity(int version) {
    int lo = 1, hi = 2953;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        const std::string data(static_cast<size_t>(mid), '\x5a');
        QRcode* code = QRcode_encodeData(mid, reinterpret_cast<const unsigned char*>(data.data()), version, QR_ECLEVEL_M);
        const bool fits = code && code->version <= version;
        if (code) QRcode_free(code);
        if (fits) lo = mid; else hi = mid - 1;
    }
    return lo;
}

size_t zlib_size(const std::vector<QrFile>& files) {
    std::string all;
    for (const auto& f : files) all += f.bytes;
    uLongf n = compressBound(static_cast<uLong>(all.size()));
    std::string out(n, '\0');
    compress2(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(all.data()),
              static_cast<uLong>(all.size()), 9);
    return n;
}

size_t raw_size(const std::vector<QrFile>& files) {
    size_t n = 0;
    for (const auto& f : files) n += f.bytes.size();
    return n;
}

// Seconds until a phone that misses each shown code with probability `miss` has them all,
// the sequence looping at `rate` codes a second; mean and 90th percentile over many runs.
std::pair<double, double> scan_seconds(const std::vector<std::string>& frames, double rate, double miss, int runs) {
    std::mt19937 rng(42);
    std::bernoulli_distribution missed(miss);
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QrReassembler r;
        int shown = 0;
        std::string error;
        while (!r.complete() && shown < 100 * static_cast<int>(frames.size())) {
            const std::string& f = frames[static_cast<size_t>(shown % static_cast<int>(frames.size()))];
            ++shown;
            if (!missed(rng)) r.add(f, error);
        }
        times.push_back(shown / rate);
    }
    std::sort(times.begin(), times.end());
    double sum = 0;
    for (double t : times) sum += t;
    return {sum / static_cast<double>(times.size()), times[times.size() * 9 / 10]};
}

}  // namespace

int main(int argc, char** argv) {
    int visits = 2000, per_visit = 5;
    double rate = 4.0, miss = 0.05;
    std::string out_dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--visits") visits = std::atoi(argv[i + 1]);
        else if (a == "--answers-per-visit") per_visit = std::atoi(argv[i + 1]);
        else if (a == "--rate") rate = std::atof(argv[i + 1]);
        else if (a == "--miss") miss = std::atof(argv[i + 1]);
        else if (a == "--out") out_dir = argv[i + 1];
    }
    const PackLoad load = load_pack_dir(std::string(DATAVOICE_SOURCE_DIR) + "/assets/content/default");
    if (!load.pack) {
        std::fprintf(stderr, "bench_qr: the default pack does not load\n");
        return 1;
    }
    const Pack& pack = *load.pack;
    std::vector<const Question*> questions;
    for (const auto& q : pack.default_content().questions)
        if (!q.about_you && !q.options.empty() && q.type != QuestionType::FreeText) questions.push_back(&q);

    const std::string dir = (fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path()).string() +
                            "/datavoice-bench-qr-" + std::to_string(getpid());
    fs::create_directories(dir);
    std::string error;
    auto store = Store::open(dir + "/datavoice.sqlite", error);
    if (!store) {
        std::fprintf(stderr, "bench_qr: %s\n", error.c_str());
        return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    std::mt19937 rng(7);
    const char* parts[] = {"morning", "afternoon", "evening"};
    std::int64_t answers = 0;
    for (int i = 0; i < visits; ++i) {
        PendingCommit p;
        p.session.session_id = new_session_id();
        p.session.pack_id = pack.id;
        p.session.pack_version = pack.version;
        p.session.pack_hash = pack.hash;
        p.session.language = i % 9 == 0 ? "pl" : "en";
        p.session.stamp = {"2025-11-" + std::to_string(17 + i * 7 / visits), parts[rng() % 3], false, 1};
        std::vector<const Question*> asked = questions;
        std::shuffle(asked.begin(), asked.end(), rng);
        for (int k = 0; k < per_visit && k < static_cast<int>(asked.size()); ++k) {
            const Question& q = *asked[static_cast<size_t>(k)];
            p.answers.push_back({q.id, "", q.options[rng() % q.options.size()].id, q.content_hash, false});
            ++answers;
        }
        store->commit(p);
    }
    std::printf("bench_qr: a week of a busy surgery: %d visits, %lld answers (written through the store in %.1f s)\n",
                visits, static_cast<long long>(answers), seconds_since(t0));
    std::printf("  assumed scanning rate %.1f codes/s; simulated miss rate %.0f %% of codes shown\n\n", rate, miss * 100);

    SystemClock clock;
    StoreLedger ledger(*store, clock);
    const StaffSecretKey staff = generate_staff_key();
    std::printf("%-8s %9s %9s %9s | %8s %8s %10s %8s | %8s %8s %8s %10s %10s\n", "version", "alnum", "bytes/fr",
                "binary/fr", "summary", "bin-sum", "full", "bin-full", "raw-bin", "+parity", "scan s", "miss p90",
                "miss+par");
    for (int version : {10, 15, 20}) {
        QrExportOptions o;
        o.max_version = version;
        o.pack = &pack;
        o.today = "2025-11-24";
        o.recipient = staff.pub;
        o.kind = QrKind::Summary;
        const auto tb = std::chrono::steady_clock::now();
        const QrExport summary = build_qr_export(ledger, o);
        const double summary_s = seconds_since(tb);
        o.kind = QrKind::Full;
        const auto tf = std::chrono::steady_clock::now();
        const QrExport full = build_qr_export(ledger, o);
        const double full_s = seconds_since(tf);
        o.parity_group = 8;
        const QrExport full_parity = build_qr_export(ledger, o);
        if (summary.status != QrExport::Status::Ready || full.status != QrExport::Status::Ready) {
            std::fprintf(stderr, "bench_qr: %s %s\n", summary.message.c_str(), full.message.c_str());
            return 1;
        }
        const int body = qr_frame_body_capacity(version);
        const int binary = binary_capacity(version) - kQrHeaderBytes;
        auto frames_of = [](size_t bytes, int per) { return static_cast<int>((bytes + static_cast<size_t>(per) - 1) / static_cast<size_t>(per)); };
        const auto plain = scan_seconds(full.frames, rate, miss, 300);
        const auto parity = scan_seconds(full_parity.frames, rate, miss, 300);
        std::printf("%-8d %9d %9d %9d | %8zu %8d %10zu %8d | %8d %8zu %8.1f %10.1f %10.1f\n", version,
                    qr_alphanumeric_capacity(version), body, binary, summary.frames.size(),
                    frames_of(summary.payload.size(), binary), full.frames.size(), frames_of(full.payload.size(), binary),
                    frames_of(raw_size(full.files), binary), full_parity.frames.size(),
                    static_cast<double>(full.frames.size()) / rate, plain.second, parity.second);
        if (version == 20 && !out_dir.empty()) {
            fs::create_directories(out_dir);
            for (const auto* e : {&summary, &full})
                for (const auto& f : e->files)
                    std::ofstream(out_dir + "/" + qr_kind_name(e->kind) + "-" + f.name, std::ios::binary) << f.bytes;
        }
        if (version == 20) {
            std::printf("\n  payload bytes (signed, encrypted): summary %zu, full %zu\n", summary.payload.size(),
                        full.payload.size());
            std::printf("  baseline, plain zlib -9 of the files: summary %zu, full %zu (raw files: %zu and %zu bytes)\n",
                        zlib_size(summary.files), zlib_size(full.files), raw_size(summary.files), raw_size(full.files));
            std::printf("  building the codes: summary %.3f s, full %.3f s\n", summary_s, full_s);
            std::printf("  with %.0f %% missed, mean time to all codes: %.1f s without parity, %.1f s with one parity "
                        "code per 8\n",
                        miss * 100, plain.first, parity.first);
            // One frame of each kind as a screenshot would show it, read back through libzbar.
            for (int px : {3, 4}) {
                const QrMatrix m = encode_qr_alphanumeric(full.frames[0], 1, version);
                const int side = (m.size + 8) * px;
                std::vector<unsigned char> img(static_cast<size_t>(side) * static_cast<size_t>(side), 255);
                for (int y = 0; y < m.size; ++y)
                    for (int x = 0; x < m.size; ++x)
                        if (m.modules[static_cast<size_t>(y * m.size + x)])
                            for (int dy = 0; dy < px; ++dy)
                                for (int dx = 0; dx < px; ++dx)
                                    img[static_cast<size_t>(((y + 4) * px + dy) * side + (x + 4) * px + dx)] = 0;
                const std::string png = dir + "/frame.png";
                stbi_write_png(png.c_str(), side, side, 1, img.data(), side);
                std::vector<std::string> texts;
                const auto ts = std::chrono::steady_clock::now();
                tools::scan_qr_image(png, texts, error);
                std::printf("  libzbar read a version-%d frame at %d px/module in %.3f s: %s\n", m.size / 4 - 4, px,
                            seconds_since(ts), texts.size() == 1 && texts[0] == full.frames[0] ? "exact" : "FAILED");
            }
        }
    }
    std::printf("\n  columns: alnum = characters per code; bytes/fr = payload bytes per datavoice frame (base45,\n"
                "  24-byte header); binary/fr = the same in binary mode with the same header; summary / full =\n"
                "  datavoice codes; bin-sum / bin-full = the same payload as binary-mode codes; raw-bin = the\n"
                "  uncompressed files as binary-mode codes; +parity = full with one parity code per 8; scan s =\n"
                "  one pass of the full codes at the assumed rate; miss p90 / miss+par = 90th percentile seconds\n"
                "  to get every code when codes are missed, without and with parity.\n");
    std::printf("  bars: summary <= 3 codes; full <= 30 s of scanning at version <= 20\n");
    store.reset();
    fs::remove_all(dir);
    return 0;
}
