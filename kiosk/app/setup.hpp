// First-run set-up from the command line: the staff PIN (from standard input, never an
// argument, so it stays out of shell history and process lists), the site label and the
// staff public key. Each change goes to the staff audit log.
#pragma once

#include "core/clock.hpp"
#include "options.hpp"
#include "store/store.hpp"

namespace dv {

bool wants_setup(const KioskOptions& options);
// Applies every set-up option; returns the exit code (0, or 2 with one line on stderr).
int run_setup(const KioskOptions& options, Store& store, const Clock& clock);

}  // namespace dv
