// The compact answer rows of an export (kiosk/core/export_answers.hpp): what each visit's
// effective answers are, whatever order and company its rows arrive in.
#include "core/export_answers.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {

std::vector<ExportSession> sessions(std::initializer_list<const char*> ids) {
    std::vector<ExportSession> out;
    for (const char* id : ids) {
        ExportSession s;
        s.session_id = id;
        out.push_back(s);
    }
    return out;
}

// "question/phase=value" for each effective answer, in the order they come.
std::vector<std::string> effective(ExportAnswerSet& set, const std::string& id, std::int64_t* through = nullptr) {
    std::vector<ExportAnswer> answers;
    std::int64_t t = -1;
    set.effective(id, answers, t);
    if (through) *through = t;
    std::vector<std::string> out;
    for (const auto& a : answers) {
        CHECK(a.session_id == id);
        out.push_back(a.question_id + "/" + a.phase + "=" + a.value + " " + a.content_hash);
    }
    return out;
}

}  // namespace

TEST_CASE("Export answers/the latest row per question and phase counts, skips are not answers", "[export]") {
    ExportAnswerSet set(sessions({"s1"}));
    set.add("s1", 1, "q2", "", "a", "h2", false);
    set.add("s1", 2, "q1", "", "yes", "h1", false);
    set.add("s1", 3, "q1", "", "no", "h1", false);    // changed on going back
    set.add("s1", 4, "q2", "", "", "h2", true);       // then skipped
    set.add("s1", 5, "v", "second", "y", "hv", false);
    set.add("s1", 6, "v", "first", "x", "hv", false);
    std::int64_t through = 0;
    CHECK(effective(set, "s1", &through) ==
          std::vector<std::string>{"q1/=no h1", "v/first=x hv", "v/second=y hv"});  // by question, then phase
    CHECK(through == 6);  // skipped and superseded rows were read too
}

TEST_CASE("Export answers/a new wording of the same question still replaces the old answer", "[export]") {
    ExportAnswerSet set(sessions({"s1"}));
    set.add("s1", 1, "q1", "", "yes", "old-wording", false);
    set.add("s1", 2, "q1", "", "no", "new-wording", false);
    CHECK(effective(set, "s1") == std::vector<std::string>{"q1/=no new-wording"});
}

TEST_CASE("Export answers/interleaved visits keep their own rows; unknown visits are left out", "[export]") {
    ExportAnswerSet set(sessions({"a", "b"}));
    set.add("a", 1, "q1", "", "a1", "h", false);
    set.add("x", 2, "q1", "", "x1", "h", false);  // not in this export
    set.add("b", 3, "q1", "", "b1", "h", false);
    set.add("a", 4, "q2", "", "a2", "h", false);
    set.add("x", 5, "q2", "", "x2", "h", false);
    set.add("b", 6, "q1", "", "b2", "h", false);
    set.add("a", 7, "q1", "", "a3", "h", false);
    std::int64_t through = 0;
    CHECK(effective(set, "a", &through) == std::vector<std::string>{"q1/=a3 h", "q2/=a2 h"});
    CHECK(through == 7);
    CHECK(effective(set, "b", &through) == std::vector<std::string>{"q1/=b2 h"});
    CHECK(through == 6);
    CHECK(effective(set, "x", &through).empty());
    CHECK(through == 0);
    CHECK(set.rows() == 5);  // x's rows were never kept
}

TEST_CASE("Export answers/a visit with no rows has no answers and took nothing", "[export]") {
    ExportAnswerSet set(sessions({"quiet", "busy"}));
    set.add("busy", 9, "q1", "", "yes", "h", false);
    std::int64_t through = -1;
    CHECK(effective(set, "quiet", &through).empty());
    CHECK(through == 0);
}

TEST_CASE("Export answers/each text is kept once, however many rows share it", "[export]") {
    ExportAnswerSet set(sessions({"s1", "s2", "s3"}));
    std::int64_t id = 0;
    for (const char* s : {"s1", "s2", "s3"})
        for (int q = 0; q < 5; ++q)
            set.add(s, ++id, "question_" + std::to_string(q), "", q % 2 ? "yes" : "no", "wording", false);
    CHECK(set.rows() == 15);
    CHECK(set.texts() == 5 + 1 + 2 + 1);  // questions, the empty phase, two values, one wording
    CHECK(effective(set, "s2").size() == 5);
}
