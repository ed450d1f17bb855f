#!/usr/bin/env bash
# Installs the Debian packages datavoice needs that are not installed yet.
# Usage: tools/setup/install-deps.sh run|build|test   (as root)
#   run    what building and running the kiosk needs (packages-build.txt)
#   build  the same (kept for older instructions)
#   test   also what the tests use, and the arm64 cross-build (packages-test.txt, packages-arm64.txt)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lists=("$here/packages-build.txt")
if [ "${1:-build}" = "test" ]; then lists+=("$here/packages-test.txt" "$here/packages-arm64.txt"); fi

wanted=$(cat "${lists[@]}" | sed 's/#.*//' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
# :arm64 packages need the architecture added to dpkg first (Debian multiarch).
if printf '%s\n' "$wanted" | grep -q ':arm64$' && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to add the arm64 architecture (dpkg --add-architecture arm64)" >&2
    exit 1
  fi
  dpkg --add-architecture arm64
fi
missing=()
for p in $wanted; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all $(printf '%s\n' "$wanted" | wc -l) packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: need root to install packages (run as root, or install them yourself)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: installed ${#missing[@]} packages"
