// The results screen's query (kiosk/store/store_results.cpp): each visitor session's
// effective first and second view of a question, in the order the sessions began.
#include "store/store.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {

PendingCommit view(const std::string& session, const std::string& phase, const std::string& value,
                   bool skipped = false, const std::string& mode = "visitor", const std::string& pack = "tiny",
                   const std::string& question = "q_view") {
    PendingCommit p;
    p.session.session_id = session;
    p.session.pack_id = pack;
    p.session.pack_version = "1.2.3";
    p.session.pack_hash = "abc";
    p.session.language = "en";
    p.session.stamp = {"2025-11-22", "afternoon", false, 1};
    p.session.mode = mode;
    p.answers.push_back({question, phase, skipped ? "" : value, "hash", skipped});
    return p;
}

struct Row {
    std::string session, first, second;
    bool operator==(const Row& o) const { return session == o.session && first == o.first && second == o.second; }
};

std::ostream& operator<<(std::ostream& os, const Row& r) {
    return os << "{" << r.session << ", " << r.first << ", " << r.second << "}";
}

std::vector<Row> rows(Store& store, const std::string& pack = "tiny") {
    std::vector<Row> out;
    for (const auto& p : store.view_pairs(pack, "q_view", "s1")) out.push_back({p.session_id, p.first, p.second});
    return out;
}

}  // namespace

TEST_CASE("Store/view pairs come in the order sessions began, not the order answers arrived", "[store][results]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    // "b" begins second but its answers all land after "c" began.
    REQUIRE(store->commit(view("a", "first", "yes")));
    REQUIRE(store->commit(view("b", "", "", false, "visitor", "tiny", "q_single")));  // b's session row
    REQUIRE(store->commit(view("a", "second", "no")));
    REQUIRE(store->commit(view("c", "first", "no")));
    REQUIRE(store->commit(view("c", "second", "no")));
    REQUIRE(store->commit(view("b", "first", "not_sure")));
    REQUIRE(store->commit(view("b", "second", "yes")));
    CHECK(rows(*store) == std::vector<Row>{{"a", "yes", "no"}, {"b", "not_sure", "yes"}, {"c", "no", "no"}});
}

TEST_CASE("Store/a view pair holds the latest answer of each phase, and a latest skip is empty", "[store][results]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(view("a", "first", "yes")));
    REQUIRE(store->commit(view("a", "second", "yes")));
    REQUIRE(store->commit(view("a", "second", "no")));  // went back and changed it
    REQUIRE(store->commit(view("b", "first", "no")));
    REQUIRE(store->commit(view("b", "first", "", true)));  // went back and skipped it
    REQUIRE(store->commit(view("b", "second", "yes")));
    REQUIRE(store->commit(view("c", "first", "not_sure")));  // left before the second view
    CHECK(rows(*store) == std::vector<Row>{{"a", "yes", "no"}, {"b", "", "yes"}, {"c", "not_sure", ""}});
}

TEST_CASE("Store/view pairs leave out facilitator sessions, other packs and other questions", "[store][results]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(view("v", "first", "yes")));
    REQUIRE(store->commit(view("v", "second", "yes")));
    REQUIRE(store->commit(view("f", "first", "no", false, "facilitator")));
    REQUIRE(store->commit(view("f", "second", "no", false, "facilitator")));
    REQUIRE(store->commit(view("o", "first", "no", false, "visitor", "other")));
    REQUIRE(store->commit(view("q", "first", "no", false, "visitor", "tiny", "q_single")));
    REQUIRE(store->commit(view("q", "", "no", false, "visitor", "tiny", "q_view")));  // a plain answer, no phase
    CHECK(rows(*store) == std::vector<Row>{{"v", "yes", "yes"}});
    CHECK(rows(*store, "other") == std::vector<Row>{{"o", "no", ""}});
}

TEST_CASE("Store/view pairs say which visits saw cards and which were in the comparison group, and read no other "
          "record", "[store][results][informed]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    auto record = [&](const std::string& session, const std::string& question, const std::string& phase,
                      const std::string& value) { REQUIRE(store->commit(view(session, phase, value, false, "visitor",
                                                                             "tiny", question))); };
    // "a" saw cards; "c" was in the comparison group; "n" left the cards at none seen.
    for (const char* s : {"a", "c", "n"}) {
        record(s, "q_view", "first", "yes");
        record(s, "s1", "group", std::string(s) == "c" ? "comparison" : "cards");
        record(s, "s1", "knowledge_before", "true");  // on the scenario's id: must not count as a view
        record(s, "k1", "knowledge_before", "true");
        record(s, "s1", "sure_first", "very");
        record(s, "s1", "reasons", "c1");
    }
    record("a", "s1", "cards_seen", "3");
    record("n", "s1", "cards_seen", "0");
    for (const char* s : {"a", "c", "n"}) record(s, "q_view", "second", "no");
    record("a", "q_view", "knowledge_after", "false");  // a knowledge phase on the question: ignored
    const auto pairs = store->view_pairs("tiny", "q_view", "s1");
    REQUIRE(pairs.size() == 3);
    CHECK(rows(*store) == std::vector<Row>{{"a", "yes", "no"}, {"c", "yes", "no"}, {"n", "yes", "no"}});
    CHECK(pairs[0].saw_cards);
    CHECK_FALSE(pairs[0].comparison);
    CHECK_FALSE(pairs[1].saw_cards);
    CHECK(pairs[1].comparison);
    CHECK_FALSE(pairs[2].saw_cards);
    CHECK_FALSE(pairs[2].comparison);
    // What the results screen then shows: only "a" is a respondent (below any threshold of 2).
    PackPrivacy one;
    one.results_threshold = 1;
    one.results_refresh_every = 1;
    const LanguageContent& en = test::tiny_pack().default_content();
    const ScenarioResults r = build_scenario_results(*en.question("q_view"), pairs, one, en);
    REQUIRE(r.available);
    CHECK(r.people == 1);
}
