// The privacy rules in the running kiosk: repeat presses are flagged in the store when a visit
// ends, and nothing else is.
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

using namespace dv;

TEST_CASE("Kiosk/a visit repeating the previous one within the window is flagged, others are not", "[ui][privacy]") {
    test::TempDir data;
    const auto r = test::run_kiosk_headless(
        {"--data", data.path(), "--script", test::source_dir() + "/tests/ui/scripts/repeat_presses.dvs"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->session_count() == 4);
    // Sessions carry no order; the answer rows do (answer_id), which tells the visits apart.
    std::vector<std::string> visit_order;
    std::vector<std::string> first_answers;
    for (const auto& a : store->all_answers()) {
        if (a.question_id != "know_can_opt_out") continue;
        visit_order.push_back(a.session_id);
        first_answers.push_back(a.value);
    }
    REQUIRE(first_answers == std::vector<std::string>{"no", "no", "no", "yes"});
    CHECK(store->flagged_repeat_count() == 1);
    CHECK(store->flagged_repeat_sessions() == std::vector<std::string>{visit_order[1]});
}
