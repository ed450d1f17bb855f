// The app's modes (kiosk/app/kiosk_mode.hpp): transitions from what each mode's owner
// reports, and the invariants they keep. Tests name the invariant they check.
#include "app/kiosk_mode.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {
ModeSignals staff(bool exporting = false, bool facilitating = false, bool turn = false) {
    ModeSignals s;
    s.staff_active = true;
    s.exporting = exporting;
    s.facilitating = facilitating;
    s.person_turn = turn;
    return s;
}
}  // namespace

TEST_CASE("Kiosk mode/staff mode's screens, an export and a facilitator's turn are modes of their own", "[modes]") {
    KioskModes m;
    CHECK(m.mode() == KioskMode::Visitor);
    CHECK(m.update(staff()));
    CHECK(m.mode() == KioskMode::Staff);
    CHECK(m.update(staff(true)));
    CHECK(m.mode() == KioskMode::Exporting);
    CHECK(m.update(staff(false, true)));
    CHECK(m.mode() == KioskMode::Facilitating);
    CHECK(m.update(staff(false, true, true)));
    CHECK(m.mode() == KioskMode::FacilitatorTurn);
    CHECK_FALSE(m.update(staff(false, true, true)));  // no change, no report
    CHECK(m.update(ModeSignals{}));
    CHECK(m.mode() == KioskMode::Visitor);
    CHECK(std::string(kiosk_mode_name(KioskMode::FacilitatorTurn)) == "facilitator_turn");
}

TEST_CASE("Kiosk mode/(3) the kiosk closes only with the walk-up journey between visitors", "[modes]") {
    KioskModes m;
    ModeSignals s;
    s.open = false;
    s.visitor_on_attract = false;  // a visitor mid-journey is never cut off
    m.update(s);
    CHECK(m.mode() == KioskMode::Visitor);
    s.visitor_on_attract = true;
    CHECK(m.update(s));
    CHECK(m.mode() == KioskMode::Closed);
    s.visitor_on_attract = false;  // still closed while a tap shows when it wakes
    CHECK_FALSE(m.update(s));
    s.open = true;
    CHECK(m.update(s));
    CHECK(m.mode() == KioskMode::Visitor);
}

TEST_CASE("Kiosk mode/staff mode opened while closed returns to the closed screen", "[modes]") {
    KioskModes m;
    ModeSignals s;
    s.open = false;
    m.update(s);
    ModeSignals st = staff();
    st.open = false;
    m.update(st);
    CHECK(m.mode() == KioskMode::Staff);
    CHECK(m.closed());
    CHECK(m.staff_side());
    m.update(s);
    CHECK(m.mode() == KioskMode::Closed);
    CHECK_FALSE(m.staff_side());
}
