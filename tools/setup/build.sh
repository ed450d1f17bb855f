#!/usr/bin/env bash
# Configures and builds datavoice into ./build (or $DATAVOICE_BUILD_DIR).
#   build.sh             everything: kiosk, staff command, tests, benchmarks
#   build.sh TARGET...   only those targets (run-kiosk.sh builds just datavoice-kiosk)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${DATAVOICE_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build" -j "$(nproc)" "${targets[@]}"
