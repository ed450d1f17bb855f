#!/usr/bin/env bash
# A clean Debian 12 root for the package install tests, made with debootstrap (minbase, the
# smallest system apt can work in), or taken down again.
#   clean_root.sh make ROOT | clean_root.sh remove ROOT
# Downloads are kept in /var/cache/datavoice-debootstrap, so a second run fetches nothing.
set -euo pipefail
what=$1
root=$2
mirror=http://deb.debian.org/debian

take_down() {
  for m in "$root/proc" "$root/dev"; do
    if mountpoint -q "$m" 2>/dev/null; then umount -l "$m"; fi
  done
  rm -rf "$root"
}

case "$what" in
  make)
    take_down
    mkdir -p /var/cache/datavoice-debootstrap
    if ! debootstrap --variant=minbase --cache-dir=/var/cache/datavoice-debootstrap bookworm "$root" "$mirror" \
         > "$root.debootstrap.log" 2>&1; then
      echo "FAIL: debootstrap could not make a Debian 12 root in $root (log: $root.debootstrap.log)"
      tail -5 "$root.debootstrap.log"
      exit 1
    fi
    # The same archive a Raspberry Pi OS bookworm kiosk gets: with its updates and security fixes.
    cat > "$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    echo "ok: a clean Debian 12 root in $root"
    ;;
  remove)
    take_down
    echo "ok: $root removed"
    ;;
  *) echo "usage: clean_root.sh make|remove ROOT" >&2; exit 2 ;;
esac
