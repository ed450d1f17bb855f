#!/usr/bin/env bash
# Set-up command 1: install what is missing, build, and run the kiosk with the default
# profile and content. With a display ($DISPLAY set) it opens the real kiosk window; without
# one it runs the kiosk under Xvfb, plays a tour of every screen, and writes a PNG of each.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${DATAVOICE_BUILD_DIR:-$root/build}
"$root/tools/setup/install-deps.sh" run
"$root/tools/setup/build.sh" datavoice-kiosk   # only the kiosk: no tests, tools or benchmarks
kiosk="$build/kiosk/app/datavoice-kiosk"
profile="$root/firmware_profiles/floor-21in-1920x1080.toml"

if [ -n "${DISPLAY:-}" ]; then
  echo "run: starting the kiosk on $DISPLAY (data in the profile's data_dir)"
  exec "$kiosk" --profile "$profile" --content "$root/assets/content/default" "$@"
fi

shots="$root/screenshots"
data=$(mktemp -d /tmp/datavoice-demo-XXXXXX)
mkdir -p "$shots"
echo "run: no display; running the kiosk under Xvfb at 1920x1080 with a tour of every screen"
xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$kiosk" --profile "$profile" --content "$root/assets/content/default" --data "$data" \
  --script "$root/assets/scripts/tour.dvs" --screenshots "$shots" "$@"
echo "run: screenshots of every screen are in $shots:"
ls "$shots"/*.png | sed 's/^/  /'
echo "run: the tour's answers are in $data/datavoice.sqlite"
