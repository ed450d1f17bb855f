#!/usr/bin/env bash
# Builds datavoice and runs every benchmark one after another, each printing its figures
# beside a floor measured in the same run. The output of each goes to the terminal and to
# OUT/<bench>.txt (default: bench-results/). Benchmarks never pass or fail on time: the exit
# status is non-zero only if one could not run at all.
#   bash tools/bench/run-all.sh [OUT]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${DATAVOICE_BUILD_DIR:-$root/build}
out=${1:-$root/bench-results}
bash "$root/tools/setup/build.sh" || exit 2
mkdir -p "$out"
status=0
for bench in bench_kiosk bench_power bench_store bench_export bench_qr bench_collect bench_simulate; do
    echo "== $bench"
    "$build/tools/bench/$bench" 2>&1 | tee "$out/$bench.txt"
    rc=${PIPESTATUS[0]}
    [ "$rc" -eq 0 ] || { echo "$bench could not run (exit $rc)"; status=1; }
done
echo "Figures in $out/"
exit $status
