#!/usr/bin/env bash
# Installs a built datavoice onto a kiosk (as root): the binaries, the content and profiles,
# a service user, the data folder, the systemd unit and the USB mount rule.
#   tools/deploy/install.sh PROFILE.toml [DESTDIR]
# DESTDIR (default /) lets the tests stage an install into a folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
profile=${1:?usage: install.sh PROFILE.toml [DESTDIR]}
dest=${2:-}
build=${DATAVOICE_BUILD_DIR:-$root/build}

"$build/tools/datavoice/datavoice" lint --profile "$profile"
cmake --install "$build" --prefix "$dest/usr/local" >/dev/null
install -D -m 0644 "$profile" "$dest/etc/datavoice/profile.toml"
install -D -m 0644 "$root/tools/deploy/datavoice-kiosk.service" "$dest/etc/systemd/system/datavoice-kiosk.service"
install -D -m 0644 "$root/tools/deploy/99-datavoice-usb.rules" "$dest/etc/udev/rules.d/99-datavoice-usb.rules"
install -d -m 0750 "$dest/var/lib/datavoice"

if [ -z "$dest" ]; then
  id datavoice >/dev/null 2>&1 || useradd --system --home /var/lib/datavoice --groups video,input,render datavoice
  chown datavoice: /var/lib/datavoice
  apt-get install -y -qq --no-install-recommends cage xwayland >/dev/null
  systemctl daemon-reload
  udevadm control --reload
  echo "install: done. Set the staff PIN, then: systemctl enable --now datavoice-kiosk"
else
  echo "install: staged into $dest"
fi
