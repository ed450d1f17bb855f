// Tests only: running collect and report and reading the report's CSV (central_run.hpp).
#include "central_run.hpp"

#include "support/process.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

namespace dv::test {

Collected collect_into(const std::string& db, const std::vector<std::string>& paths) {
    std::vector<std::string> argv{tool_binary(), "collect", "--enrol", "--db", db};
    argv.insert(argv.end(), paths.begin(), paths.end());
    const auto r = run_process(argv);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    Collected c;
    const auto summary = r.out.find("Collected into ");  // lines before it name enrolled kiosks
    REQUIRE(summary != std::string::npos);
    const auto at = r.out.find(": ", summary);  // after "Collected into BACKEND"
    REQUIRE(at != std::string::npos);
    const int got = std::sscanf(r.out.c_str() + at,
                                ": %ld bundles (%ld already collected, %ld refused), %ld visits, %ld answers; %ld "
                                "visits skipped as already present.\nDates: %ld corrected with the kiosk's confirmed "
                                "time; %ld stay uncertain.",
                                &c.bundles, &c.already, &c.refused, &c.visits, &c.answers, &c.present,
                                &c.dates_corrected, &c.dates_uncertain);
    REQUIRE(got == 8);
    return c;
}

void write_report(const std::string& db, const std::string& out, const std::vector<std::string>& args) {
    std::vector<std::string> argv{tool_binary(), "report", "--db", db, "--out", out};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_process(argv);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
}

CsvTable report_table(const std::string& out, const std::string& name) {
    const std::string path = out + "/" + name + ".csv";
    INFO(path);
    REQUIRE(std::filesystem::exists(path));
    CsvTable t;
    Problem problem;
    const bool parsed = parse_csv(read_file(path), path, t, problem);
    INFO(problem.str());
    REQUIRE(parsed);
    return t;
}

const std::vector<std::string>* row_named(const CsvTable& t, const std::string& first) {
    for (const auto& r : t.rows)
        if (!r.empty() && r[0] == first) return &r;
    return nullptr;
}

}  // namespace dv::test
