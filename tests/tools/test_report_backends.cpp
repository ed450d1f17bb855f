// The same bundles collected into a real PostgreSQL server and into SQLite give byte-identical
// report tables (label `postgres`). The server is Debian's, started in a temporary folder on a
// Unix socket only, and stopped at the end even when a check fails.
#include "central_fixture.hpp"
#include "exchange/crypto.hpp"
#include "support/postgres_server.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

using namespace dv;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> csv_files(const std::string& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".csv") out[e.path().filename().string()] = test::read_file(e.path().string());
    return out;
}

}  // namespace

TEST_CASE("Collect/PostgreSQL and SQLite give byte-identical report tables from the same bundles", "[postgres]") {
    proc::PostgresServer server;
    std::string error;
    INFO(error);
    REQUIRE(server.start(error));
    test::TempDir dir;
    test::write_survey(dir.file("drive"), test::SurveyKiosks{}, 4, true);
    const std::string sqlite = dir.file("central.sqlite"), pg = server.uri();
    for (const std::string& db : {sqlite, pg}) {
        const auto r = test::run_tool({"collect", "--enrol", "--db", db, dir.file("drive")});
        INFO(db << "\n" << r.out << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find("4 bundles (0 already collected, 0 refused), 476 visits") != std::string::npos);
        const auto again = test::run_tool({"collect", "--enrol", "--db", db, dir.file("drive")});
        CHECK(again.out.find("0 bundles (4 already collected, 0 refused), 0 visits, 0 answers; 476 visits skipped") !=
              std::string::npos);
    }
    for (const std::vector<std::string>& options :
         {std::vector<std::string>{}, {"--suppression", "none", "--by", "site"}, {"--by", "month"}, {"--by", "age"}}) {
        std::map<std::string, std::string> tables[2];
        int i = 0;
        for (const std::string& db : {sqlite, pg}) {
            const std::string out = dir.file("report" + std::to_string(i));
            fs::remove_all(out);
            std::vector<std::string> args = {"report", "--db", db, "--out", out};
            args.insert(args.end(), options.begin(), options.end());
            const auto r = test::run_tool(args);
            INFO(r.err);
            REQUIRE(r.exit_code == 0);
            tables[i++] = csv_files(out);
        }
        CHECK(tables[0].size() >= 7);  // 4 questions, a second view, its change table, the facilitated one
        CHECK(tables[0] == tables[1]);
    }
}
