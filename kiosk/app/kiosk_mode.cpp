// This file implements the app's modes (see kiosk_mode.hpp).
#include "kiosk_mode.hpp"

namespace dv {

const char* kiosk_mode_name(KioskMode m) {
    switch (m) {
        case KioskMode::Visitor: return "visitor";
        case KioskMode::Closed: return "closed";
        case KioskMode::Staff: return "staff";
        case KioskMode::Exporting: return "exporting";
        case KioskMode::Facilitating: return "facilitating";
        case KioskMode::FacilitatorTurn: return "facilitator_turn";
    }
    return "visitor";
}

bool KioskModes::update(const ModeSignals& s) {
    // Invariant 3: the kiosk closes only between visitors, and opens as soon as hours allow.
    if (!s.open && s.visitor_on_attract) m_closed = true;
    else if (s.open) m_closed = false;
    KioskMode next = m_closed ? KioskMode::Closed : KioskMode::Visitor;
    if (s.staff_active) {
        if (s.exporting) next = KioskMode::Exporting;
        else if (s.facilitating) next = s.person_turn ? KioskMode::FacilitatorTurn : KioskMode::Facilitating;
        else next = KioskMode::Staff;
    }
    const bool changed = next != m_mode;
    m_mode = next;
    return changed;
}

}  // namespace dv
