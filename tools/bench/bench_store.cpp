// bench_store: figures for the kiosk's store, each beside a floor measured in the same run.
//   1. answer-commit latency (p50/p99) with synchronous=FULL, against an fdatasync'ed append
//      and a bare one-row SQLite commit, interleaved
//   2. bulk load of a simulated year of a busy surgery (100k sessions, ~1.5M answers),
//      against the sqlite3 command-line tool importing the same rows from CSV
//   3. start-up time (open + quick_check + migrations) and file size for that year
//   4. a retention purge of the oldest month
// Usage: bench_store [--dir DIR] [--sessions N]   (DIR: where the files go; default: the
// system temporary folder, which should be on the kiosk's kind of storage)
#include "bench_timing.hpp"
#include "store/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

using dv::bench::seconds_since;

namespace {

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

std::string hex_id(std::mt19937_64& rng) {
    static const char* digits = "0123456789abcdef";
    std::string s(32, '0');
    for (auto& c : s) c = digits[rng() & 15];
    return s;
}

// A year of visits: ~274 a day, 10–20 answers each, dates spread over 2025.
std::vector<dv::PendingCommit> simulate_year(int sessions, std::mt19937_64& rng) {
    static const char* questions[] = {"aware", "comfort_wider", "confidence_protected", "reassure", "age_band",
                                      "conditions", "comfort_linking", "contact_how", "phone_after_letter",
                                      "know_can_opt_out", "know_how", "where_look"};
    static const char* values[] = {"yes", "no", "not_sure", "somewhat_comfortable", "very_comfortable",
                                   "names_removed;security", "56_75", "long_term;carer"};
    static const char* parts[] = {"morning", "afternoon", "evening"};
    std::vector<dv::PendingCommit> out(static_cast<size_t>(sessions));
    for (int i = 0; i < sessions; ++i) {
        dv::PendingCommit& p = out[static_cast<size_t>(i)];
        const dv::CivilTime day = dv::civil_from_unix(1735732800 + std::int64_t{i} * 365 / sessions * 86400);
        p.session = {hex_id(rng), "default", "1.0.0", "4f2a9c", "en", {day.date(), parts[rng() % 3], false, 1},
                     "visitor"};
        const int n = 10 + static_cast<int>(rng() % 11);
        for (int a = 0; a < n; ++a) {
            const char* q = questions[rng() % 12];
            const bool skipped = rng() % 10 == 0;
            p.answers.push_back({q, a == 0 ? "first" : "", skipped ? "" : values[rng() % 8],
                                 std::string("h-") + q, skipped});
        }
    }
    return out;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// The defaults of a table's columns after the first `known` (columns later migrations
// added), as CSV fields, so the CLI imports rows shaped like the table whatever its version.
std::string later_defaults(const std::string& db_path, const std::string& table, int known) {
    sqlite3* db = nullptr;
    sqlite3_open(db_path.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, ("SELECT dflt_value FROM pragma_table_info('" + table + "')").c_str(), -1, &st, nullptr);
    std::string out;
    for (int i = 0; st && sqlite3_step(st) == SQLITE_ROW; ++i) {
        if (i < known) continue;
        const auto* d = sqlite3_column_text(st, 0);
        std::string v = d ? reinterpret_cast<const char*>(d) : "";
        if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
        out += "," + v;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

void write_csv(const std::vector<dv::PendingCommit>& year, const std::string& db_path, const std::string& sessions_csv,
               const std::string& answers_csv) {
    const std::string session_tail = later_defaults(db_path, "sessions", 10);
    const std::string answer_tail = later_defaults(db_path, "answers", 7);
    std::ofstream s(sessions_csv), a(answers_csv);
    std::int64_t answer_id = 0;
    for (const auto& p : year) {
        const auto& si = p.session;
        s << si.session_id << ',' << si.pack_id << ',' << si.pack_version << ',' << si.pack_hash << ','
          << si.language << ',' << si.stamp.date << ',' << si.stamp.part_of_day << ',' << si.stamp.date_uncertain
          << ',' << si.stamp.boot << ',' << si.mode << session_tail << '\n';
        for (const auto& r : p.answers)
            a << ++answer_id << ',' << si.session_id << ',' << r.question_id << ',' << r.phase << ','
              << csv_field(r.value) << ',' << r.content_hash << ',' << r.skipped << answer_tail << '\n';
    }
}

std::uintmax_t size_on_disk(const std::string& db) {
    std::uintmax_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ec;
        const auto n = fs::file_size(db + suffix, ec);
        if (!ec) total += n;
    }
    return total;
}

std::unique_ptr<dv::Store> open_or_die(const std::string& path) {
    std::string error;
    auto store = dv::Store::open(path, error);
    if (!store) {
        std::fprintf(stderr, "bench_store: %s\n", error.c_str());
        std::exit(1);
    }
    return store;
}

// --- 1. commit latency ------------------------------------------------------------------

// Two floors, measured interleaved with the store's commits so all three see the same disk:
// 4 KiB appended to a file and fdatasync'ed (a commit appends to the write-ahead log and
// syncs it), and a bare SQLite commit of one row (WAL, synchronous=FULL, no schema).
void bench_commit_latency(const std::string& dir, int commits) {
    auto store = open_or_die(dir + "/latency.sqlite");
    std::mt19937_64 rng(1);
    const auto visits = simulate_year(commits, rng);

    const std::string raw = dir + "/fdatasync.bin";
    const int fd = ::open(raw.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char> page(4096, 'x');
    sqlite3* bare = nullptr;
    sqlite3_open((dir + "/bare.sqlite").c_str(), &bare);
    sqlite3_exec(bare, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (x)", nullptr, nullptr,
                 nullptr);

    std::vector<double> ours_ms, sync_ms, bare_ms;
    for (int i = 0; i < commits; ++i) {
        dv::PendingCommit one = visits[static_cast<size_t>(i)];
        one.answers.resize(1);  // a visitor moving on from one question
        auto t = Steady::now();
        if (!store->commit(one)) {
            std::fprintf(stderr, "bench_store: commit failed: %s\n", store->last_error().c_str());
            std::exit(1);
        }
        ours_ms.push_back(seconds_since(t) * 1000);

        t = Steady::now();
        if (pwrite(fd, page.data(), page.size(), static_cast<off_t>(i) * 4096) < 0 || fdatasync(fd) != 0) {
            std::perror("bench_store: fdatasync floor");
            std::exit(1);
        }
        sync_ms.push_back(seconds_since(t) * 1000);

        t = Steady::now();
        sqlite3_exec(bare, "INSERT INTO t VALUES ('yes')", nullptr, nullptr, nullptr);
        bare_ms.push_back(seconds_since(t) * 1000);
    }
    ::close(fd);
    sqlite3_close(bare);
    fs::remove(raw);

    std::printf("commit latency, synchronous=%d (FULL), %d single-answer commits:\n", store->synchronous_level(),
                commits);
    std::printf("  store.commit              p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms\n", percentile(ours_ms, 0.5),
                percentile(ours_ms, 0.99), percentile(ours_ms, 1.0));
    std::printf("  floor: append+fdatasync   p50 %7.3f ms   p99 %7.3f ms\n", percentile(sync_ms, 0.5),
                percentile(sync_ms, 0.99));
    std::printf("  floor: bare SQLite commit p50 %7.3f ms   p99 %7.3f ms\n", percentile(bare_ms, 0.5),
                percentile(bare_ms, 0.99));
    std::printf("  ratio to the bare SQLite commit: p50 %.2fx, p99 %.2fx\n",
                percentile(ours_ms, 0.5) / percentile(bare_ms, 0.5),
                percentile(ours_ms, 0.99) / percentile(bare_ms, 0.99));
}

// --- 2–4. a year of a busy surgery ------------------------------------------------------------

constexpr size_t kBatch = 10000;

void bench_year(const std::string& dir, int sessions) {
    std::mt19937_64 rng(2025);
    std::printf("simulating a year: %d sessions ... ", sessions);
    std::fflush(stdout);
    const auto year = simulate_year(sessions, rng);
    std::int64_t answers = 0;
    for (const auto& p : year) answers += static_cast<std::int64_t>(p.answers.size());
    const double rows = static_cast<double>(sessions + answers);
    std::printf("%lld answers\n", static_cast<long long>(answers));

    // Ours: Store::commit_batch, kBatch visits per transaction.
    const std::string ours = dir + "/year.sqlite";
    double ours_s = 0;
    {
        auto store = open_or_die(ours);
        const auto t = Steady::now();
        for (size_t i = 0; i < year.size(); i += kBatch) {
            const auto end = std::min(i + kBatch, year.size());
            const std::vector<dv::PendingCommit> batch(year.begin() + static_cast<long>(i),
                                                       year.begin() + static_cast<long>(end));
            if (!store->commit_batch(batch)) {
                std::fprintf(stderr, "bench_store: batch failed: %s\n", store->last_error().c_str());
                std::exit(1);
            }
        }
        ours_s = seconds_since(t);
    }

    // The floor: the sqlite3 tool importing the same rows into the same empty schema.
    const std::string cli_db = dir + "/cli.sqlite";
    open_or_die(cli_db);  // the same schema, indexes and triggers
    const std::string sessions_csv = dir + "/sessions.csv", answers_csv = dir + "/answers.csv";
    write_csv(year, cli_db, sessions_csv, answers_csv);
    const std::string cmd = "sqlite3 -bail -cmd 'PRAGMA synchronous=FULL' -cmd 'PRAGMA foreign_keys=ON' '" + cli_db +
                            "' \".import --csv '" + sessions_csv + "' sessions\" \".import --csv '" + answers_csv +
                            "' answers\" 2> '" + dir + "/cli.err'";
    const auto t = Steady::now();
    const int rc = std::system(cmd.c_str());
    std::string cli_error;
    std::getline(std::ifstream(dir + "/cli.err"), cli_error);
    if (cli_error.empty()) {  // the same rows arrived, or the comparison means nothing
        sqlite3* check = nullptr;
        sqlite3_open(cli_db.c_str(), &check);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(check, "SELECT COUNT(*) FROM answers", -1, &st, nullptr);
        if (!st || sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int64(st, 0) != answers)
            cli_error = "the CLI's database does not hold the same answers";
        sqlite3_finalize(st);
        sqlite3_close(check);
    }
    const double cli_s = seconds_since(t);

    std::printf("bulk load of the year (%.0f rows):\n", rows);
    std::printf("  store.commit_batch    %.2f s   %.0f rows/s (%zu visits per transaction)\n", ours_s, rows / ours_s,
                kBatch);
    if (rc != 0 || !cli_error.empty()) {
        std::printf("  sqlite3 CLI .import   not measured: %s\n",
                    cli_error.empty() ? "the sqlite3 command failed or is missing" : cli_error.c_str());
    } else {
        std::printf("  sqlite3 CLI .import   %.2f s   %.0f rows/s\n", cli_s, rows / cli_s);
        std::printf("  ratio: ours inserts at %.2fx the CLI's rate\n", cli_s / ours_s);
    }
    fs::remove(sessions_csv);
    fs::remove(answers_csv);

    // Start-up on the year's database: open (quick_check, migrations) three times, median.
    std::vector<double> open_ms;
    std::int64_t counted = 0;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = Steady::now();
        auto store = open_or_die(ours);
        open_ms.push_back(seconds_since(t0) * 1000);
        counted = store->session_count();
    }
    std::vector<double> quick_ms;
    for (int i = 0; i < 3; ++i) {
        sqlite3* db = nullptr;
        sqlite3_open(ours.c_str(), &db);
        const auto tq = Steady::now();
        sqlite3_exec(db, "PRAGMA quick_check", nullptr, nullptr, nullptr);
        quick_ms.push_back(seconds_since(tq) * 1000);
        sqlite3_close(db);
    }
    std::printf("start-up with the year (%lld sessions):\n", static_cast<long long>(counted));
    std::printf("  Store::open median %.0f ms (PRAGMA quick_check alone, median: %.0f ms)\n",
                percentile(open_ms, 0.5), percentile(quick_ms, 0.5));
    std::printf("  file size %.1f MB (%.0f bytes per answer); sqlite3 CLI's file %.1f MB\n",
                static_cast<double>(size_on_disk(ours)) / 1e6,
                static_cast<double>(size_on_disk(ours)) / static_cast<double>(answers),
                static_cast<double>(size_on_disk(cli_db)) / 1e6);

    // Retention: the oldest month goes (a purge by age takes only exported visits, so the year
    // is marked exported first, as after a staff export).
    {
        auto store = open_or_die(ours);
        dv::ExportMark mark;
        mark.export_id = "bench";
        mark.bundle_name = "bench";
        mark.made_on = "2025-12-31";
        std::vector<std::pair<std::string, std::int64_t>> taken;
        for (const auto& s : store->sessions()) taken.emplace_back(s.session_id, std::numeric_limits<std::int64_t>::max());
        if (!store->mark_exported(mark, taken)) std::printf("could not mark the year exported\n");
        const dv::CivilTime now = dv::civil_from_unix(1767182400);  // 2025-12-31 12:00
        const auto tp = Steady::now();
        const dv::PurgeResult r = store->purge_expired(334, now, true);
        std::printf("retention purge (visits before %s): %lld sessions, %lld answers in %.2f s\n",
                    r.cutoff_date.c_str(), static_cast<long long>(r.sessions), static_cast<long long>(r.answers),
                    seconds_since(tp));
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = fs::temp_directory_path().string();
    int sessions = 100000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dir" && i + 1 < argc) {
            dir = argv[++i];
        } else if (a == "--sessions" && i + 1 < argc) {
            sessions = std::max(1000, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: bench_store [--dir DIR] [--sessions N]\n");
            return 2;
        }
    }
    std::string work = (fs::path(dir) / "bench-store-XXXXXX").string();
    if (!mkdtemp(work.data())) {
        std::perror("bench_store: cannot make a working folder");
        return 1;
    }
    std::printf("bench_store: files in %s, SQLite %s\n", work.c_str(), sqlite3_libversion());
    bench_commit_latency(work, 2000);
    bench_year(work, sessions);
    fs::remove_all(work);
    return 0;
}
