#!/usr/bin/env bash
# Set-up command 2: install what is missing, build, and run the whole test suite with CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${DATAVOICE_BUILD_DIR:-$root/build}
"$root/tools/setup/install-deps.sh" test
"$root/tools/setup/build.sh"
# The Debian packages, amd64 and a cross-built arm64 kiosk with its unit tests, which the
# package tests install and run under qemu (tests/package/).
DATAVOICE_BUILD_DIR="$build" "$root/tools/deploy/build-packages.sh" all
cd "$build"
ctest --output-on-failure -j "$(nproc)" "$@"
