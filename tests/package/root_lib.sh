# Shared by the package install tests: run commands inside the clean Debian 12 root made by
# clean_root.sh, and read what the kiosk stored there. Source it after setting $root.

fail() { echo "FAIL: $*"; exit 1; }

# /proc inside the root while a test runs (useradd, runuser and apt want it).
mount_root() {
  [ -x "$root/usr/bin/apt-get" ] || fail "$root is not a Debian root: run the fixture 'Package/a clean Debian 12 root is made for the install tests' first"
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  trap 'mountpoint -q "$root/proc" && umount -l "$root/proc"' EXIT
}

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

# The packages under test, copied into the root's /tmp/debs.
stage_debs() {
  local build=$1
  ls "$build"/packages/datavoice-kiosk_*_amd64.deb >/dev/null 2>&1 ||
    fail "no datavoice-kiosk .deb in $build/packages: run tools/deploy/build-packages.sh amd64"
  rm -rf "$root/tmp/debs" && mkdir -p "$root/tmp/debs"
  # Fixed names: commands run inside the root get no shell to expand a pattern.
  cp "$build"/packages/datavoice-kiosk_*_amd64.deb "$root/tmp/debs/datavoice-kiosk.deb"
  cp "$build"/packages/datavoice-tools_*_amd64.deb "$root/tmp/debs/datavoice-tools.deb"
}

# Every stored visit and answer as text, in a fixed order: equal text means nothing was lost.
stored_answers() {
  sqlite3 -readonly "$root/var/lib/datavoice/datavoice.sqlite" \
    "SELECT session_id, question_id, phase, value, skipped FROM answers ORDER BY answer_id;"
}

# A fingerprint of every file in the data folder: equal means nothing there was changed.
data_fingerprint() { (cd "$root/var/lib/datavoice" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
