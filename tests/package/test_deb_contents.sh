#!/usr/bin/env bash
# Package/what the .deb files hold, read with dpkg-deb: the version is the changelog's, the
# Depends were worked out from the binaries (dpkg-shlibdeps) plus what is loaded at run time,
# the files are where Debian and the unit expect them, and no package file lies under
# /var/lib/datavoice (so no package operation can delete an answer).
#   test_deb_contents.sh SOURCE BUILD amd64|arm64
set -euo pipefail
src=$1
build=$2
arch=$3
fail() { echo "FAIL: $*"; exit 1; }

version=$(sed -n '1s/^datavoice (\([^)]*\)).*/\1/p' "$src/tools/deploy/debian/changelog")
[ -n "$version" ] || fail "tools/deploy/debian/changelog: no version on its first line"
case "$arch" in
  amd64) dir="$build/packages"; packages="datavoice-kiosk datavoice-tools"; machine="X86-64" ;;
  arm64) dir="$build/arm64/packages"; packages="datavoice-kiosk"; machine="AArch64" ;;
esac

field() { dpkg-deb --field "$1" "$2"; }
for p in $packages; do
  deb="$dir/${p}_${version}_${arch}.deb"
  [ -f "$deb" ] || fail "$deb is missing: run tools/deploy/build-packages.sh $arch"
  [ "$(field "$deb" Package)" = "$p" ] || fail "$deb: Package is not $p"
  [ "$(field "$deb" Version)" = "$version" ] || fail "$deb: Version $(field "$deb" Version), the changelog says $version"
  [ "$(field "$deb" Architecture)" = "$arch" ] || fail "$deb: Architecture is not $arch"
  depends=$(field "$deb" Depends)
  for lib in 'libc6 (>= ' 'libsqlite3-0 (>= ' 'libsodium23 (>= ' 'libssl3 (>= ' 'libqrencode4 (>= ' fonts-noto-core; do
    case "$depends" in *"$lib"*) ;; *) fail "$deb: Depends lacks $lib: $depends" ;; esac
  done
  contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
  if printf '%s\n' "$contents" | grep -q '^\./var/'; then fail "$deb: ships files under /var"; fi
  for f in "./usr/share/doc/$p/changelog.gz" "./usr/share/doc/$p/copyright"; do
    printf '%s\n' "$contents" | grep -qx "$f" || fail "$deb: no $f"
  done
  zcat <(dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/share/doc/$p/changelog.gz") | head -1 |
    grep -q "^datavoice ($version) " || fail "$deb: its changelog does not start at $version"
done

kiosk="$dir/datavoice-kiosk_${version}_${arch}.deb"
depends=$(field "$kiosk" Depends)
for dep in 'libglfw3 (>= ' libgl1-mesa-dri cage xwayland passwd libespeak-ng1; do
  case "$depends" in *"$dep"*) ;; *) fail "$kiosk: Depends lacks $dep: $depends" ;; esac
done
for dep in libpq5 libzbar0 libxlsxwriter; do
  case "$depends" in *"$dep"*) fail "$kiosk: the kiosk must not need $dep: $depends" ;; esac
done
contents=$(dpkg-deb --contents "$kiosk" | awk '{print $6}')
for f in ./usr/bin/datavoice-kiosk ./lib/systemd/system/datavoice-kiosk.service ./lib/udev/rules.d/99-datavoice-usb.rules \
         ./etc/datavoice/profile.toml ./usr/share/datavoice/assets/content/default/pack.toml \
         ./usr/share/datavoice/firmware_profiles/pi-7in-800x480.toml ./usr/share/doc/datavoice-kiosk/deploy.md; do
  printf '%s\n' "$contents" | grep -qx "$f" || fail "$kiosk: no $f"
done
ctrl=$(mktemp -d)
trap 'rm -rf "$ctrl"' EXIT
dpkg-deb --control "$kiosk" "$ctrl"
grep -qx /etc/datavoice/profile.toml "$ctrl/conffiles" || fail "$kiosk: /etc/datavoice/profile.toml is not a conffile"
for s in postinst prerm postrm; do
  [ -x "$ctrl/$s" ] || fail "$kiosk: no executable $s"
  sh -n "$ctrl/$s" || fail "$kiosk: $s is not valid sh"
done
grep -q -- '--check-data' "$ctrl/postinst" || fail "$kiosk: postinst does not check the data folder"

# The binaries are for the package's architecture, and stripped.
dpkg-deb --fsys-tarfile "$kiosk" | tar -xO ./usr/bin/datavoice-kiosk > "$ctrl/kiosk.bin"
readelf -h "$ctrl/kiosk.bin" | grep -q "Machine:.*$machine" ||
  fail "$kiosk: datavoice-kiosk is not a $machine binary"
if readelf -S "$ctrl/kiosk.bin" | grep -q '\.debug_info'; then fail "$kiosk: datavoice-kiosk is not stripped"; fi
if [ "$arch" = amd64 ]; then
  tools="$dir/datavoice-tools_${version}_${arch}.deb"
  tdeps=$(field "$tools" Depends)
  for dep in libpq5 'libzbar0 (>= ' 'libxlsxwriter4 (>= '; do
    case "$tdeps" in *"$dep"*) ;; *) fail "$tools: Depends lacks $dep: $tdeps" ;; esac
  done
  dpkg-deb --contents "$tools" | awk '{print $6}' | grep -qx ./usr/bin/datavoice || fail "$tools: no /usr/bin/datavoice"
  dpkg-deb --contents "$tools" | awk '{print $6}' | grep -qx ./usr/share/datavoice-tools/assets/populations/norfolk-2025.toml ||
    fail "$tools: no population file"
fi
echo "ok: $packages $version $arch"
