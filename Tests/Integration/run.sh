#!/bin/bash
# run.sh - credit-pid's integration tests: the packaged unit, installed by scripts/install,
# run by a real systemd 252 and journald in a private instance (harness.sh). One line per
# check, a closing "N passed, N failed" line, non-zero exit on any failure.
#
#   Tests/Integration/run.sh [BINARY]     (default: builds and uses the debug credit-pid)
#
# What the daemon must do for these to pass, beyond the service loop: `credit-pid serve`
# runs cycles from a [Simulation] Scenario= without Ternary, logs each decision with
# MESSAGE_ID=cycleDecision and a CREDIT_PID_SHARE= field, saves its state through the
# StateStore, logs MESSAGE_ID=stateRestored when a restart reads it back, and without a
# scenario queries [Ternary] URL= (the stand-in here, set to never answer).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
if [[ -n ${1:-} ]]; then
    binary=$(readlink -f "$1")
else
    (cd "$top" && swift build --product credit-pid >&2)
    binary=$(cd "$top" && swift build --show-bin-path)/credit-pid
fi
[[ -x $binary ]] || { echo "run.sh: no binary at '$binary'" >&2; exit 66; }

export HARNESS_BASE=${HARNESS_BASE:-/tmp/credit-pid-harness}
HARNESS_LIB=1 . "$here/harness.sh"
trap 'exit 130' INT TERM

unit=credit-pid.service
key=integration-key-$RANDOM$RANDOM
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"; teardown' EXIT

# The daemon's own journal entries, as JSON lines; extra arguments filter further.
entries() { jctl -u $unit -o json "$@" 2>/dev/null || true; }
# Some journal entry of the unit satisfies the jq condition; extra arguments filter further.
journal_holds() { local condition=$1; shift; entries "$@" | jq -e -s "any(.[]; $condition)" >/dev/null; }
journal_has() { wait_for 15 journal_holds "$@"; }
# `journalctl -u credit-pid CREDIT_PID_SHARE=$1` finds entries, and only entries with that share.
share_findable() {
    jctl -u credit-pid CREDIT_PID_SHARE="$1" -o json |
        jq -e -s --arg share "$1" 'length > 0 and all(.[]; .CREDIT_PID_SHARE == $share)' >/dev/null
}
unit_is() { [[ $(prop $unit "$1") == "$2" ]]; }   # unit_is PROPERTY VALUE
active_as() { unit_is ActiveState active && unit_is MainPID "$1"; }
status_begins() { [[ $(prop $unit StatusText) == "$1"* ]]; }
status_starts() { wait_for 15 status_begins "$1"; }
status_from_a_cycle() { local s; s=$(prop $unit StatusText); [[ -n $s && $s != 'Started, running the first cycle' ]]; }
restarted_after() { (($(prop $unit NRestarts) > $1)); }
drop_in() { in_ns bash -c "cat > /etc/credit-pid/credit-pid.conf.d/$1"; }

#---------------------------------------------------------------------------------------
# Without systemd: the unit's sandbox rating, `check`, the install script.
score=$(systemd-analyze security --offline=true "$top/systemd/credit-pid.service" 2>/dev/null |
        sed -n 's/.*Overall exposure level for credit-pid.service: \([0-9.]*\).*/\1/p')
check "systemd-analyze security rates the unit ${score:-?} (at most 1.5)" awk -v s="${score:-99}" 'BEGIN { exit !(s <= 1.5) }'

cp "$top/$STEADY_SCENARIO" "$scratch/steady.json"
printf '[Simulation]\nScenario=%s\n[Routing]\nSink=none\n' "$scratch/steady.json" > "$scratch/good.conf"
printf '[Controller]\nKp=fast\n[Budget]\nTotalCredit=1\n' > "$scratch/bad.conf"
check "check: a valid configuration exits 0 and prints every key" \
    bash -c "'$binary' check --config '$scratch/good.conf' | grep -qx 'TotalCredits=500000'"
set +e
"$binary" check --config "$scratch/bad.conf" >/dev/null 2>"$scratch/bad.err"; bad_status=$?
set -e
check "check: an invalid configuration exits 78" test "$bad_status" = 78
check "check: the error names file, line, key, value and what is allowed" \
    grep -qF "error: $scratch/bad.conf:2: Failed to parse [Controller] Kp='fast': expected a number of at least 0" "$scratch/bad.err"
check "check: an unknown key is a warning with file and line" \
    grep -qF "warning: $scratch/bad.conf:4: Unknown key 'TotalCredit' in section [Budget], ignoring" "$scratch/bad.err"
TERNARY_API_KEY=$key "$binary" check --config "$scratch/good.conf" > "$scratch/check.out" 2>&1 || true
check "check: the API key is masked" bash -c "grep -q 'ternary-api-key: <set, ${#key} bytes>' '$scratch/check.out' && ! grep -q '$key' '$scratch/check.out'"

"$top/scripts/install" --destdir "$scratch/root" --binary "$binary" >/dev/null
echo "# edited" >> "$scratch/root/etc/credit-pid/credit-pid.conf"
"$top/scripts/install" --destdir "$scratch/root" --binary "$binary" >/dev/null
check "install is idempotent and keeps an edited configuration" grep -qx '# edited' "$scratch/root/etc/credit-pid/credit-pid.conf"
check "install leaves credentials readable by root only" \
    test "$(stat -c %a "$scratch/root/etc/credit-pid/credentials")" = 700

#---------------------------------------------------------------------------------------
# Under systemd: install into the private instance, as an administrator would.
boot_private_systemd
install_credit_pid "$top" "$binary"
check "systemd-analyze verify is clean" in_ns env SYSTEMD_UNIT_PATH="$WORK/units" systemd-analyze verify "$WORK/units/$unit"

in_ns install -m 0644 "$PROJECT/$STEADY_SCENARIO" /etc/credit-pid/steady.json
in_ns bash -c "printf '%s\n' '$key' > /etc/credit-pid/credentials/ternary-api-key"
printf '[Simulation]\nScenario=/etc/credit-pid/steady.json\nSpeed=3600\n[Routing]\nSink=none\n' | drop_in 10-test.conf

check "start: the service reaches active through READY=1" sctl start $unit
check "start: it runs as a dynamic user" test "$(prop $unit DynamicUser)" = yes
pid=$(prop $unit MainPID)
check "journal: a startup entry with MESSAGE_ID, priority and the caller's location" journal_has \
    '.MESSAGE_ID == "22510d0ccf5c469fbb2611e703b9b392" and .PRIORITY == "6" and .SYSLOG_IDENTIFIER == "credit-pid" and (.CODE_FILE | test("^CreditPID.*[.]swift$")) and (.CODE_LINE | test("^[0-9]+$")) and (.CODE_FUNC | length > 0)'
check "status: StatusText comes from a cycle" wait_for 15 status_from_a_cycle
check "journal: a cycle decision with a CREDIT_PID_SHARE field" journal_has \
    '.MESSAGE_ID == "5df3fa65576d46b6af2bb2a8373e90c2" and (.CREDIT_PID_SHARE | type == "string") and ._SYSTEMD_UNIT == "credit-pid.service"'
share=$(entries MESSAGE_ID=5df3fa65576d46b6af2bb2a8373e90c2 | jq -r -s 'map(select(.CREDIT_PID_SHARE))[0].CREDIT_PID_SHARE')
check "journal: 'journalctl -u credit-pid CREDIT_PID_SHARE=$share' finds it" share_findable "$share"
check "journal: the API key appears nowhere" journal_lacks -F "$key"

printf '[Controller]\nDeadbandPercent=3\n' | drop_in 20-reload.conf
sctl reload $unit
check "reload (valid): StatusText says so" status_starts "Configuration reloaded"
check "reload (valid): journal entry at notice" journal_has '.MESSAGE_ID == "ab750e2377af40bca22ffccbe9402511" and .PRIORITY == "5"'
check "reload (valid): MainPID unchanged" test "$(prop $unit MainPID)" = "$pid"

printf '[Controller]\nKp=abc\n' | drop_in 30-broken.conf
sctl reload $unit
check "reload (invalid): StatusText keeps the previous configuration" status_starts "Reload failed, keeping previous configuration: /etc/credit-pid/credit-pid.conf.d/30-broken.conf:2"
check "reload (invalid): journal error names the value" journal_has \
    '.MESSAGE_ID == "6b1a3511bf294eb48ca4c43819a0227c" and .PRIORITY == "3" and (.MESSAGE | contains("[Controller] Kp=") and contains("abc")) and (.MESSAGE | endswith(", keeping previous configuration"))'
check "reload (invalid): still active, MainPID unchanged" active_as "$pid"
in_ns rm /etc/credit-pid/credit-pid.conf.d/30-broken.conf

state=/var/lib/private/credit-pid/state.json
check "state: saved as a versioned file readable only by the service" \
    wait_for 10 in_ns bash -c "[[ \$(jq -r .format $state 2>/dev/null) == credit-pid-state/1 && \$(stat -c %a $state) == 600 ]]"
since=$(in_ns date '+%Y-%m-%d %H:%M:%S')
sctl restart $unit
check "restart: a new process continues from the saved state" journal_has \
    '.MESSAGE_ID == "7d90a1c16eef4bc2897a23c23390de5f"' --since "$since"
check "restart: nothing was moved aside" journal_lacks -F e9b106163a2f419c8707013dee8a1275

started=$EPOCHREALTIME
sctl stop $unit
took=$(elapsed "$started")
check "stop: exits 0 (Result=success, status 0)" \
    test "$(prop $unit Result)/$(prop $unit ExecMainStatus)" = success/0
check "stop: within ${took}s, well inside TimeoutStopSec" awk -v t="$took" 'BEGIN { exit !(t < 5) }'
check "stop: the shutdown entry is in the journal" journal_has '.MESSAGE_ID == "998b2661aca04059bd4c3f45a6604e18"'

#---------------------------------------------------------------------------------------
# A cycle that hangs: Ternary (the stand-in) never answers, the watchdog is shorter than
# the HTTP timeout, systemd kills and restarts the service.
start_stand_in ternary-standin 18080 ternary_standin.py --scenario /etc/credit-pid/steady.json --key "$key"
mkdir -p "$WORK/units/$unit.d"
printf '[Service]\nWatchdogSec=2s\nRestartSec=500ms\n' > "$WORK/units/$unit.d/50-watchdog.conf"
sctl daemon-reload
in_ns curl -sf -o /dev/null -X POST -d '{"mode": "hang"}' http://127.0.0.1:18080/_control
printf '[Simulation]\nScenario=\nSpeed=\n[Ternary]\nURL=http://127.0.0.1:18080\nTenantID=t\nProjectID=p\nTimeoutSec=60\n' |
    drop_in 40-ternary.conf
restarts=$(prop $unit NRestarts)
sctl start $unit
check "hung cycle: the watchdog gets the service killed and restarted" wait_for 20 restarted_after "$restarts"
check "hung cycle: systemd logged the watchdog timeout" journal_has '(.MESSAGE | tostring | test("[Ww]atchdog timeout"))'
wait_for 10 unit_is ActiveState active || true
started=$EPOCHREALTIME
sctl stop $unit
check "hung cycle: stop still exits 0 ($(elapsed "$started")s), abandoning the cycle" \
    test "$(prop $unit Result)/$(prop $unit ExecMainStatus)" = success/0

. "$here/e2e.sh"   # end to end with both stand-ins, in a fresh instance
summary
