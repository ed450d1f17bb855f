#!/usr/bin/env bash
# arm64: the cross-built kiosk (tools/deploy/build-packages.sh arm64, in BUILD/arm64) run
# under user-mode emulation, qemu-aarch64-static with the multiarch arm64 libraries.
#   test_arm64.sh unit SOURCE BUILD      its unit tests (core, store, exchange, speech, fonts)
#   test_arm64.sh journey SOURCE BUILD   a visitor's journey on the Pi profile under Xvfb (the X
#       protocol does not care about the client's architecture); then its database is read and
#       must hold exactly the answers the script gave, and every screen must look as the amd64
#       kiosk draws it from the same script
set -euo pipefail
what=$1
src=$2
build=$3
cross="$build/arm64"
fail() { echo "FAIL: $*"; exit 1; }
emulate() { qemu-aarch64-static -L / "$@"; }
for b in "$cross/kiosk/app/datavoice-kiosk" "$cross/tests/unit_tests"; do
  [ -x "$b" ] || fail "$b is missing: run tools/deploy/build-packages.sh arm64"
  readelf -h "$b" | grep -q 'Machine:.*AArch64' || fail "$b is not an arm64 binary"
done

case "$what" in
unit)
  cd "$cross/tests"
  out=$(emulate ./unit_tests 2>&1) || { printf '%s\n' "$out" | tail -40; fail "arm64 unit tests failed under qemu"; }
  summary=$(printf '%s\n' "$out" | grep '^All tests passed')
  echo "arm64 under qemu: $summary"
  cases=$(printf '%s\n' "$summary" | sed -n 's/.* in \([0-9]*\) test cases.*/\1/p')
  [ "${cases:-0}" -gt 300 ] || fail "only ${cases:-0} test cases ran"
  ;;
journey)
  art="$build/tests/package/test-artefacts/arm64_journey"
  rm -rf "$art" && mkdir -p "$art/arm64" "$art/amd64"
  data=$(mktemp -d)
  data_amd64=$(mktemp -d)
  trap 'rm -rf "$data" "$data_amd64"' EXIT
  profile="$src/firmware_profiles/pi-7in-800x480.toml"
  script="$src/tests/ui/scripts/complete_journey.dvs"
  xvfb-run -a -s "-screen 0 800x480x24" qemu-aarch64-static -L / "$cross/kiosk/app/datavoice-kiosk" \
      --profile "$profile" --data "$data" --script "$script" --screenshots "$art/arm64" > "$art/kiosk.log" 2>&1 ||
    { cat "$art/kiosk.log"; fail "the arm64 kiosk did not finish the journey"; }

  db="$data/datavoice.sqlite"
  [ "$(sqlite3 -readonly "$db" 'SELECT count(*) FROM sessions')" = 1 ] || fail "expected one visit in $db"
  [ "$(sqlite3 -readonly "$db" "SELECT pack_id || ' ' || language || ' ' || length(session_id) FROM sessions")" = "default en 32" ] ||
    fail "the visit is not of the default pack in English with a 32-character random id"
  [ "$(sqlite3 -readonly "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check of the arm64 database"
  # The answers complete_journey.dvs gives (as tests/ui/test_kiosk_e2e.cpp checks on amd64),
  # the last one per question being the one that counts, and one skip.
  stored=$(sqlite3 -readonly "$db" "SELECT question_id || '=' || CASE skipped WHEN 1 THEN '(skipped)' ELSE value END
                                   FROM answers WHERE answer_id IN (SELECT max(answer_id) FROM answers GROUP BY question_id, phase)
                                   ORDER BY question_id")
  expected="age_band=56_75
aware=yes
comfort_wider=somewhat_comfortable
conditions=long_term;carer
confidence_protected=(skipped)
reassure=names_removed;security"
  [ "$stored" = "$expected" ] || fail "the arm64 kiosk stored:
$stored
expected:
$expected"

  # The same script on the amd64 kiosk: every screen must match, pixel for pixel but for a
  # few anti-aliased edges. Screens that move with the clock are left out, since emulation is
  # slower and each kiosk reaches them at another moment: the attract screens rotate on a
  # timer, and the privacy-code explainer's diagram is animated (a code travels along it).
  kiosk_amd64="$build/kiosk/app/datavoice-kiosk"
  [ -x "$kiosk_amd64" ] || fail "$kiosk_amd64 is missing: build the amd64 kiosk too"
  xvfb-run -a -s "-screen 0 800x480x24" "$kiosk_amd64" --profile "$profile" --data "$data_amd64" --script "$script" \
      --screenshots "$art/amd64" > /dev/null 2>&1 || fail "the amd64 kiosk did not finish the same journey"
  shots=0
  for shot in "$art"/amd64/*.png; do
    name=$(basename "$shot")
    [ -f "$art/arm64/$name" ] || fail "the arm64 kiosk made no $name"
    case "$name" in *attract* | *privacy-code*) continue ;; esac
    share=$(python3 "$(dirname "$0")/png_diff.py" "$art/arm64/$name" "$shot") || fail "cannot compare $name"
    awk -v s="$share" 'BEGIN { exit !(s <= 0.02) }' || fail "$name: $share of the pixels differ from the amd64 kiosk's"
    shots=$((shots + 1))
  done
  [ "$shots" -ge 12 ] || fail "only $shots screens were compared"
  echo "ok: the arm64 kiosk stored the journey's 6 answers; $shots screens match amd64 (screenshots in $art)"
  ;;
*) echo "usage: test_arm64.sh unit|journey SOURCE BUILD" >&2; exit 2 ;;
esac
