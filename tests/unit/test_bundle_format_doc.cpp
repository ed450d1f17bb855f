// docs/bundle-format.md is the contract with staff tools and third parties: its column
// tables must list exactly the columns the bundle writes, in order.
#include "exchange/bundle_rows.hpp"
#include "exchange/files.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {

// The first-column names of the table under "### <heading>".
std::vector<std::string> documented_columns(const std::string& doc, const std::string& heading) {
    std::vector<std::string> out;
    size_t at = doc.find("### " + heading + "\n");
    REQUIRE(at != std::string::npos);
    at = doc.find("| --- |", at);
    REQUIRE(at != std::string::npos);
    at = doc.find('\n', at) + 1;
    while (at < doc.size() && doc.compare(at, 2, "| ") == 0) {
        const size_t end = doc.find(" |", at + 2);
        out.push_back(doc.substr(at + 2, end - at - 2));
        at = doc.find('\n', at) + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("Bundle format/the documented columns are exactly the ones written", "[bundle]") {
    std::string doc, error;
    REQUIRE(read_text_file(test::source_dir() + "/docs/bundle-format.md", doc, error));
    CHECK(documented_columns(doc, "sessions.csv") == session_columns());
    CHECK(documented_columns(doc, "answers.csv") == answer_columns());
}
