#!/usr/bin/env bash
# Builds the Debian packages.
#   tools/deploy/build-packages.sh amd64   datavoice-kiosk and datavoice-tools for this machine,
#                                           from the normal build (./build or $DATAVOICE_BUILD_DIR)
#   tools/deploy/build-packages.sh arm64   datavoice-kiosk for a Raspberry Pi, cross-built in
#                                           BUILD/arm64 with its unit tests (run under qemu)
#   tools/deploy/build-packages.sh all     both
# The .deb files land in BUILD/packages and BUILD/arm64/packages. Needs the packages of
# tools/setup/packages-build.txt (and packages-arm64.txt for arm64): tools/setup/install-deps.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${DATAVOICE_BUILD_DIR:-$root/build}
what=${1:-all}
jobs=$(nproc)

amd64() {
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j "$jobs" --target datavoice-kiosk datavoice
  rm -f "$build"/packages/*.deb
  (cd "$build" && cpack -G DEB >/dev/null)
  ls "$build"/packages/*.deb
}

arm64() {
  local cross="$build/arm64"
  cmake -S "$root" -B "$cross" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_TOOLCHAIN_FILE="$root/tools/deploy/aarch64-linux-gnu.cmake" -DDATAVOICE_BUILD_TOOLS=OFF >/dev/null
  cmake --build "$cross" -j "$jobs" --target datavoice-kiosk unit_tests
  rm -f "$cross"/packages/*.deb
  # dpkg-shlibdeps reads the arm64 libraries' symbols files when told the host is arm64.
  (cd "$cross" && DEB_HOST_ARCH=arm64 DEB_HOST_MULTIARCH=aarch64-linux-gnu DEB_HOST_GNU_TYPE=aarch64-linux-gnu \
     cpack -G DEB >/dev/null)
  ls "$cross"/packages/*.deb
}

case "$what" in
  amd64) amd64 ;;
  arm64) arm64 ;;
  all) amd64; arm64 ;;
  *) echo "usage: build-packages.sh amd64|arm64|all" >&2; exit 2 ;;
esac
