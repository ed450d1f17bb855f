#!/usr/bin/env bash
# Package/bad input: installing over a database a newer datavoice wrote, or onto a data folder
# the service user cannot write, stops the install with one line naming the folder and the
# fix, and changes nothing in the data folder. Following the fix then completes the install.
# Runs after test_install_deb.sh, in the same root, where the package and answers are.
#   test_install_refusals.sh BUILD ROOT
set -euo pipefail
build=$1
root=$2
. "$(dirname "$0")/root_lib.sh"
mount_root
stage_debs "$build"
db="$root/var/lib/datavoice/datavoice.sqlite"
[ -s "$db" ] || fail "no answers in $root/var/lib/datavoice: run the install test first"

reinstall() { in_root apt-get install -y -qq --reinstall --no-install-recommends /tmp/debs/datavoice-kiosk.deb 2>&1; }

# 1. A database from a newer datavoice.
schema=$(sqlite3 "$db" "PRAGMA user_version")
sqlite3 "$db" "PRAGMA user_version=$((schema + 5))"
before=$(data_fingerprint)
if out=$(reinstall); then fail "the install went ahead over a newer database"; fi
line=$(printf '%s\n' "$out" | grep '^datavoice-kiosk: ' || true)
[ "$(printf '%s\n' "$line" | grep -c .)" = 1 ] || { printf '%s\n' "$out"; fail "expected one datavoice-kiosk line"; }
case "$line" in
  *"/var/lib/datavoice/datavoice.sqlite: written by a newer datavoice (schema $((schema + 5));"*"install that newer datavoice-kiosk again"*) ;;
  *) fail "unclear refusal: $line" ;;
esac
[ "$(data_fingerprint)" = "$before" ] || fail "the refused install changed the data folder"
sqlite3 "$db" "PRAGMA user_version=$schema"
in_root dpkg --configure -a > /dev/null || fail "configure after putting the database back"

# 2. A data folder the service user cannot write.
in_root chown root:root /var/lib/datavoice
in_root chmod 0700 /var/lib/datavoice
before=$(data_fingerprint)
if out=$(reinstall); then fail "the install went ahead onto a folder the kiosk cannot write"; fi
line=$(printf '%s\n' "$out" | grep '^datavoice-kiosk: ' || true)
[ "$(printf '%s\n' "$line" | grep -c .)" = 1 ] || { printf '%s\n' "$out"; fail "expected one datavoice-kiosk line"; }
case "$line" in
  "datavoice-kiosk: /var/lib/datavoice: cannot write in the data folder"*"chown -R datavoice: /var/lib/datavoice && chmod 0750 /var/lib/datavoice"*) ;;
  *) fail "unclear refusal: $line" ;;
esac
[ "$(data_fingerprint)" = "$before" ] || fail "the refused install changed the data folder"
# The fix the line gives works.
fix=$(printf '%s\n' "$line" | sed 's/.*fix it with: \(.*\) (then dpkg --configure -a)$/\1/')
in_root sh -c "$fix" || fail "the fix '$fix' failed"
in_root dpkg --configure -a > /dev/null || fail "configure after the fix"
[ "$(in_root dpkg-query -W -f='${Status}' datavoice-kiosk)" = "install ok installed" ] || fail "not installed after the fix"
echo "ok: both refusals named the folder and the fix, and changed nothing"
