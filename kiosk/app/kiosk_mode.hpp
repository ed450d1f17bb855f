// What the kiosk as a whole is doing: the app's modes as one state machine, separate from the
// visitor journey (core/journey.hpp) and staff mode's own screens (core/staff_mode.hpp). The
// app reads mode() to choose what to draw and which journey, if any, a setting tapped on
// screen belongs to; the objects that own each mode report their state in ModeSignals once
// per pass of the frame loop.
//
// STATES (KioskMode)
//
//                 opening hours end, walk-up journey on Attract
//        Visitor ────────────────────────────────────────────────► Closed
//          │  ▲ ◄───────────────────── opening hours start ─────────┘ │
//          │  │                                                       │
//  gesture │  │ staff mode closes (Exit, idle timeout)                │ gesture
//  + PIN   ▼  │   (→ Closed instead when the kiosk is still closed)   ▼
//        Staff ◄──────────────────────────────────────────────────────┘
//   (keypad, clock, home, QR sync, purge, pack update, touch test, close program)
//          │  ▲                      │  ▲
//   Start- │  │ export done     Open │  │ Finish / Exit (back to staff home)
//   Export ▼  │                 Fac. ▼  │
//       Exporting               Facilitating ◄──── the turn ends (thank you, reset) ────┐
//                                     │ Start / Next person                             │
//                                     └──────────────────────► FacilitatorTurn ─────────┘
//
// TRANSITIONS (each names the function that performs it)
//   Visitor → Closed                 KioskModes::update(): !open and the walk-up journey is
//                                    on Attract (OpeningHours::is_open, update_opening_hours())
//   Closed → Visitor                 KioskModes::update(): open
//   Visitor | Closed → Staff         StaffSession::gesture() (the screens' staff_gesture)
//   Staff → Exporting                StaffSession: handle(StartExport) starts an ExportJob
//   Exporting → Staff                StaffSession::update() → finish_export()
//   Staff → Facilitating             StaffSession: handle(Open Facilitator), then
//                                    KioskApp::sync_facilitator() → FacilitatorRun::open()
//   Facilitating → FacilitatorTurn   FacilitatorRun::draw() → Facilitator::handle(Start|Next)
//   FacilitatorTurn → Facilitating   FacilitatorRun::end_turn_if_over()
//   Facilitating → Staff             KioskApp::sync_facilitator() → StaffSession::back_home()
//   Staff | Exporting | Facilitating | FacilitatorTurn → Visitor | Closed
//                                    StaffMode::close() (Exit, idle timeout);
//                                    sync_facilitator() → FacilitatorRun::close()
//
// INVARIANTS (tests name them: tests/unit/test_kiosk_mode.cpp, tests/ui/test_kiosk_modes.cpp)
//   (1) At most one journey is active: the walk-up journey in Visitor, the person's turn in
//       FacilitatorTurn, none in Closed, Staff, Exporting or Facilitating. KioskApp::
//       active_journey() is the only place that decides it.
//   (2) Palette, text size and read-aloud follow the active journey, so what a visitor taps
//       applies to the journey that visitor is in; with no active journey the kiosk shows
//       standard colours and text, and says nothing.
//   (3) Closed is entered only from Visitor with the walk-up journey on Attract: a visitor
//       mid-journey is never cut off.
//   (4) Any journey resting after a failed commit (the walk-up one, or a person's turn) is
//       probed until the store accepts writes again, whichever mode is showing.
//   (5) The idle reset (Journey::tick) runs for the walk-up journey in every mode and for a
//       person's turn while it lasts; the loop wakes at the earlier of their deadlines.
#pragma once

namespace dv {

enum class KioskMode { Visitor, Closed, Staff, Exporting, Facilitating, FacilitatorTurn };
const char* kiosk_mode_name(KioskMode m);

// What the owners of each mode report, once per pass of the frame loop.
struct ModeSignals {
    bool open = true;                // OpeningHours::is_open() now
    bool visitor_on_attract = true;  // the walk-up journey is between visitors
    bool staff_active = false;       // StaffSession::active()
    bool exporting = false;          // StaffSession::busy()
    bool facilitating = false;       // staff mode's Facilitator screen with a run open
    bool person_turn = false;        // FacilitatorRun::person_turn()
};

class KioskModes {
public:
    KioskMode mode() const { return m_mode; }
    // Outside opening hours with nobody mid-visit: the visitor side shows the closed screen
    // (kept while staff mode is open on top of it).
    bool closed() const { return m_closed; }
    bool staff_side() const { return m_mode != KioskMode::Visitor && m_mode != KioskMode::Closed; }
    // Applies the transitions above; true when the mode changed.
    bool update(const ModeSignals& s);

private:
    KioskMode m_mode = KioskMode::Visitor;
    bool m_closed = false;
};

}  // namespace dv
