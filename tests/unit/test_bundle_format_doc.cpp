// docs/bundle-format.md is the contract with staff tools and third parties: its column
// tables must list exactly the columns the bundle writes, in order, and its hash test vectors
// must be what the code computes.
#include "core/answer_key.hpp"
#include "core/hash.hpp"
#include "exchange/bundle_rows.hpp"
#include "exchange/crypto.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

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

TEST_CASE("Bundle format/every phase the code stores is documented", "[bundle]") {
    std::string doc, error;
    REQUIRE(read_text_file(test::source_dir() + "/docs/bundle-format.md", doc, error));
    for (Phase p : {Phase::First, Phase::Second, Phase::CardOrder, Phase::CardsSeen, Phase::Group,
                    Phase::KnowledgeBefore, Phase::KnowledgeAfter, Phase::SureFirst, Phase::SureSecond, Phase::Reasons,
                    Phase::CardTimes, Phase::TooFast}) {
        INFO(phase_name(p));
        CHECK(doc.find(std::string("`") + phase_name(p) + "`") != std::string::npos);
    }
}

namespace {

// The test vectors under "### Test vectors": "vector NAME" then "key value" lines.
std::map<std::string, std::map<std::string, std::string>> documented_vectors(const std::string& doc) {
    std::map<std::string, std::map<std::string, std::string>> out;
    const size_t start = doc.find("### Test vectors\n");
    REQUIRE(start != std::string::npos);
    const size_t end = doc.find("\n## ", start);
    std::istringstream in(doc.substr(start, end - start));
    std::string line, current;
    while (std::getline(in, line)) {
        if (line.rfind("    ", 0) != 0) continue;
        const std::string body = line.substr(4);
        const size_t space = body.find(' ');
        if (space == std::string::npos) continue;
        const std::string key = body.substr(0, space), value = body.substr(space + 1);
        if (key == "vector") current = value;
        else if (!current.empty()) out[current][key] = value;
    }
    return out;
}

std::string json_text(const std::string& quoted) { return nlohmann::json::parse(quoted).get<std::string>(); }

}  // namespace

TEST_CASE("Bundle format/the documented hash inputs give the documented hashes, and the code gives them too",
          "[bundle]") {
    std::string doc, error;
    REQUIRE(read_text_file(test::source_dir() + "/docs/bundle-format.md", doc, error));
    const auto v = documented_vectors(doc);
    REQUIRE(v.count("question_hash"));
    REQUIRE(v.count("pack_hash"));
    REQUIRE(v.count("key_fingerprint"));

    // The question: the documented input hashes to the documented value, and it is what the
    // example pack's question hashes to when the pack is read.
    const auto& q = v.at("question_hash");
    CHECK(sha256_hex(json_text(q.at("input"))) == q.at("sha256"));
    const PackLoad example = load_pack_dir(test::source_dir() + "/assets/content/example");
    REQUIRE(example.pack);
    const Question* why = example.pack->default_content().question("why_worried");
    REQUIRE(why);
    CHECK(why->content_hash == q.at("sha256"));
    CHECK(doc.find("carry the wording `" + q.at("sha256").substr(0, 16) + "`") != std::string::npos);
    CHECK(json_text(q.at("input")).rfind(std::to_string(question_structure(*why).size()) + ":" + question_structure(*why), 0) == 0);

    // The pack: the two files the text names, hashed by the code, give the documented hash.
    const auto& p = v.at("pack_hash");
    CHECK(sha256_hex(json_text(p.at("input"))) == p.at("sha256"));
    const PackFiles files = {{"pack.toml", "id = \"tiny\"\n"}, {"en/ui.toml", "start = \"Start\"\n"}};
    CHECK(pack_hash(files) == p.at("sha256"));

    // The fingerprint of the documented public key.
    const auto& k = v.at("key_fingerprint");
    CHECK(key_fingerprint(std::string_view(k.at("public_key"))) == k.at("fingerprint"));
}
