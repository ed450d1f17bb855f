// The glue between journey and store (see journey_commit.hpp).
#include "journey_commit.hpp"

namespace dv {

CommitOutcome commit_pending(Journey& journey, Store& store, const Now& now) {
    if (!journey.pending()) return CommitOutcome::NothingPending;
    // Journey invariant 1: the answer is durable before the journey moves on.
    if (store.commit(*journey.pending())) {
        journey.handle(Event::of(Event::Kind::Committed), now);
        return CommitOutcome::Committed;
    }
    journey.handle(Event::of(Event::Kind::CommitFailed), now);  // journey invariant 2
    return CommitOutcome::Failed;
}

CommitOutcome apply_event(Journey& journey, Store& store, const Event& event, const Now& now) {
    journey.handle(event, now);
    return commit_pending(journey, store, now);
}

bool recover_if_writable(Journey& journey, Store& store, const Now& now) {
    if (journey.screen() != Screen::Resting || !store.writable()) return false;
    journey.handle(Event::of(Event::Kind::StoreRecovered), now);
    return true;
}

}  // namespace dv
