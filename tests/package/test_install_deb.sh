#!/usr/bin/env bash
# Package/installed in a clean Debian 12 root: apt installs datavoice-kiosk and datavoice-tools
# with every dependency their Depends name; the binaries start; the unit file and USB rule are
# in place; /var/lib/datavoice belongs to the datavoice user with mode 0750; answers stored
# there survive a removal, a purge and a reinstall, every one of them.
#   test_install_deb.sh BUILD ROOT
set -euo pipefail
build=$1
root=$2
. "$(dirname "$0")/root_lib.sh"
mount_root
stage_debs "$build"

in_root apt-get update -qq || fail "apt-get update inside $root"
in_root apt-get install -y -qq --no-install-recommends /tmp/debs/datavoice-kiosk.deb \
    /tmp/debs/datavoice-tools.deb > "$root.install.log" 2>&1 ||
  { tail -20 "$root.install.log"; fail "apt-get install of the packages into a clean root (log: $root.install.log)"; }

# The binaries start, and find their data beside them (not in the source tree).
in_root datavoice-kiosk --help | grep -q '^Usage: datavoice-kiosk' || fail "datavoice-kiosk --help"
in_root datavoice --help | grep -q '^Usage: datavoice COMMAND' || fail "datavoice --help"
version=$(sed -n '1s/^datavoice (\([^)]*\)).*/\1/p' "$(dirname "$0")/../../tools/deploy/debian/changelog")
[ "$(in_root datavoice-kiosk --version)" = "datavoice-kiosk $version" ] || fail "datavoice-kiosk --version is not $version"
in_root datavoice lint /usr/share/datavoice-tools/assets/content/default >/dev/null || fail "datavoice lint of the installed pack"
in_root datavoice lint --profile /etc/datavoice/profile.toml >/dev/null || fail "datavoice lint of the installed profile"

# What the service needs is where the unit says.
unit="$root/lib/systemd/system/datavoice-kiosk.service"
[ -f "$unit" ] || fail "no unit at /lib/systemd/system/datavoice-kiosk.service"
grep -q '^ExecStart=/usr/bin/cage -d -- /usr/bin/datavoice-kiosk --profile /etc/datavoice/profile.toml$' "$unit" ||
  fail "the unit does not start the installed kiosk with /etc/datavoice/profile.toml"
[ -x "$root/usr/bin/cage" ] || fail "cage, which the unit starts, was not installed with the package"
[ -f "$root/lib/udev/rules.d/99-datavoice-usb.rules" ] || fail "no USB mount rule"
in_root systemd-analyze verify /lib/systemd/system/datavoice-kiosk.service > "$root.verify.log" 2>&1 ||
  { cat "$root.verify.log"; fail "systemd-analyze verify of the installed unit"; }
grep -v -e 'Failed to connect' -e 'Operation not permitted' "$root.verify.log" | grep -q . &&
  { cat "$root.verify.log"; fail "systemd-analyze verify warned about the unit"; }

# The service user and its data folder.
in_root getent passwd datavoice | grep -q ':/var/lib/datavoice:/usr/sbin/nologin$' || fail "no datavoice system user"
[ "$(in_root stat -c '%U:%G %a' /var/lib/datavoice)" = "datavoice:datavoice 750" ] ||
  fail "/var/lib/datavoice is $(in_root stat -c '%U:%G %a' /var/lib/datavoice), not datavoice:datavoice 750"
in_root dpkg-query -W -f='${Conffiles}\n' datavoice-kiosk | grep -q '/etc/datavoice/profile.toml' ||
  fail "/etc/datavoice/profile.toml is not a conffile"

# Answers, stored by the service user the way the kiosk stores them (simulated visitors
# playing the real journey into the real store).
in_root runuser -u datavoice -- datavoice simulate --visitors 40 --seed 11 --db /var/lib/datavoice/datavoice.sqlite \
  > /dev/null || fail "storing answers as the datavoice user"
before=$(stored_answers)
count=$(printf '%s\n' "$before" | grep -c .)
[ "$count" -gt 100 ] || fail "only $count answers were stored"

in_root apt-get remove -y -qq datavoice-kiosk > /dev/null || fail "apt-get remove datavoice-kiosk"
[ ! -e "$root/usr/bin/datavoice-kiosk" ] || fail "the kiosk binary is still there after removal"
[ "$(stored_answers)" = "$before" ] || fail "removing the package changed the stored answers"

in_root apt-get install -y -qq --no-install-recommends /tmp/debs/datavoice-kiosk.deb > /dev/null ||
  fail "reinstalling datavoice-kiosk over existing data"
[ "$(stored_answers)" = "$before" ] || fail "reinstalling changed the stored answers"
[ "$(in_root stat -c '%U:%G %a' /var/lib/datavoice)" = "datavoice:datavoice 750" ] || fail "reinstall changed the data folder"

purge_out=$(in_root apt-get purge -y -qq datavoice-kiosk 2>&1) || fail "apt-get purge datavoice-kiosk"
printf '%s\n' "$purge_out" | grep -q 'kept /var/lib/datavoice (the stored answers) and the datavoice user' ||
  { printf '%s\n' "$purge_out"; fail "purge does not say what it leaves"; }
[ ! -e "$root/etc/datavoice/profile.toml" ] || fail "purge left the conffile"
[ "$(stored_answers)" = "$before" ] || fail "purging changed the stored answers"

in_root apt-get install -y -qq --no-install-recommends /tmp/debs/datavoice-kiosk.deb > /dev/null ||
  fail "installing again after a purge"
[ "$(stored_answers)" = "$before" ] || fail "installing after a purge changed the stored answers"
in_root runuser -u datavoice -- datavoice-kiosk --check-data /var/lib/datavoice || fail "the data folder is not ready"
echo "ok: installed from the packages; $count answers kept through remove, reinstall and purge"
