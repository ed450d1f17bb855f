#!/usr/bin/env bash
# Deploy/install: stages tools/deploy/install.sh into a folder and checks what a kiosk would
# get — the unit passes systemd-analyze verify with no warnings, the installed binaries run,
# and the installed content pack and profile lint clean.
set -euo pipefail
root=$1
build=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

DATAVOICE_BUILD_DIR="$build" bash "$root/tools/deploy/install.sh" "$root/firmware_profiles/pi-7in-800x480.toml" "$dest" >/dev/null

for f in usr/local/bin/datavoice-kiosk usr/local/bin/datavoice etc/datavoice/profile.toml \
         etc/systemd/system/datavoice-kiosk.service etc/udev/rules.d/99-datavoice-usb.rules \
         usr/local/share/datavoice/assets/content/default/pack.toml usr/local/share/datavoice/docs/deploy.md; do
  [ -e "$dest/$f" ] || { echo "FAIL: $f was not installed"; exit 1; }
done

unit="$dest/etc/systemd/system/datavoice-kiosk.service"
grep -q '^Restart=always$' "$unit" || { echo "FAIL: the unit does not restart the kiosk"; exit 1; }
grep -q '^WatchdogSec=' "$unit" || { echo "FAIL: the unit has no watchdog"; exit 1; }
grep -q '^NotifyAccess=all$' "$unit" || { echo "FAIL: the kiosk under cage cannot notify"; exit 1; }
# verify wants the binary where the unit says it is: point the copy at the staged one.
sed "s|/usr/local/bin/datavoice-kiosk|$dest/usr/local/bin/datavoice-kiosk|" "$unit" > "$dest/datavoice-kiosk.service"
warnings=$(cd "$dest" && systemd-analyze verify "$dest/datavoice-kiosk.service" 2>&1) || { echo "FAIL: $warnings"; exit 1; }
[ -z "$warnings" ] || { echo "FAIL: systemd-analyze verify: $warnings"; exit 1; }

"$dest/usr/local/bin/datavoice-kiosk" --version | grep -q '^datavoice-kiosk ' || { echo "FAIL: kiosk --version"; exit 1; }
"$dest/usr/local/bin/datavoice" lint "$dest/usr/local/share/datavoice/assets/content/default" >/dev/null
"$dest/usr/local/bin/datavoice" lint --profile "$dest/etc/datavoice/profile.toml" >/dev/null
echo "ok: staged install verified"
