// Where a visitor's answers pass from the journey to the store: the one piece of glue the
// kiosk app, the crash test's child and the fault-injection tests all run, so what the tests
// prove is what the kiosk does (journey invariants 1 and 2, store invariant 1).
#pragma once

#include "core/journey.hpp"
#include "store.hpp"

namespace dv {

enum class CommitOutcome {
    NothingPending,  // the journey asked for nothing to be kept
    Committed,       // durable; the journey was told Committed and moved on
    Failed,          // not stored; the journey was told CommitFailed and is resting
};

// If the journey has answers pending, commits them and reports the outcome to the journey.
CommitOutcome commit_pending(Journey& journey, Store& store, const Now& now);

// Hands the event to the journey, then commit_pending().
CommitOutcome apply_event(Journey& journey, Store& store, const Event& event, const Now& now);

// While the journey rests: probes the store and, once it accepts writes again, tells the
// journey (which returns to the attract screen). True when it recovered.
bool recover_if_writable(Journey& journey, Store& store, const Now& now);

}  // namespace dv
