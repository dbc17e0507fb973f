#!/bin/bash
# e2e.sh - credit-pid end to end: the installed unit under a private systemd and journald
# (harness.sh), both stand-ins running inside the instance, Sink=github, DryRun=no, the
# Ternary key and the GitHub token through LoadCredential=. Ternary's month-to-date spend is
# far behind the straight line to the credits, so the share must rise: after a few cycles
# the settings comment's lf rollout_perc has risen, and every other byte of the comment is
# the sample's. Then a reload to DryRun=yes (nothing more is written; the journal entry
# carries the text that would have been), and a Ternary key that expires and is rotated.
#
#   Tests/Integration/e2e.sh BINARY     alone: its own instance, its own summary line
#   . "$here/e2e.sh"                    from run.sh: its checks join run.sh's, in a fresh instance
#
# Mode=seed (the original's arithmetic) answers the error from the line at once; the pacing
# controller keeps its cold-start share until hours under its own control are billed, half a
# day later, so within a minute it cannot show a direction.
set -euo pipefail

e2e_unit=credit-pid.service
e2e_ternary_port=18091
e2e_github_port=18092
e2e_interval=2

# The daemon's journal entries as one JSON array; extra arguments filter further.
e2e_entries() { { jctl -u $e2e_unit -o json "$@" 2>/dev/null || true; } | jq -s .; }
# The settings issue's state in the GitHub stand-in (inside the instance's network namespace).
e2e_github() { in_ns curl -sf "http://127.0.0.1:$e2e_github_port/_control?issue=5132"; }
e2e_github_post() { in_ns curl -sf -o /dev/null -X POST -d "$1" "http://127.0.0.1:$e2e_github_port/_control"; }
e2e_patches() { e2e_github | jq '.patches | length'; }
e2e_has_patches() { (( $(e2e_patches) >= $1 )); }
# jq -e FILTER [ARGS...] over $e2e_state, the issue's state taken once for several checks.
e2e_state_holds() { local filter=$1; shift; jq -e "$@" "$filter" <<<"$e2e_state" >/dev/null; }
# jq -e FILTER [ARGS...] over the array of the daemon's entries since $e2e_since.
e2e_journal() { local filter=$1; shift; e2e_entries --since "$e2e_since" | jq -e "$@" "$filter" >/dev/null; }
# Some entry since $e2e_since satisfies FILTER.
e2e_journal_has() { local filter=$1; shift; e2e_journal "any(.[]; $filter)" "$@"; }

# A credit-pid-scenario/1 for the current month, deployed this hour: 1,000 USD spent before
# (billed, visible at once), 12 h billing lag, 35% in force. Prints the visible spend.
e2e_scenario() {
    python3 - "$1" <<'EOF'
import calendar, json, sys, time
now = time.time()
t = time.gmtime(now)
period_start = calendar.timegm((t.tm_year, t.tm_mon, 1, 0, 0, 0))
period_end = calendar.timegm((t.tm_year + t.tm_mon // 12, t.tm_mon % 12 + 1, 1, 0, 0, 0))
start = int(now // 3600 * 3600)
fmt = lambda s: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(s))
before = 1000.0 if start > period_start else 0.0   # no whole hour before the start to hold it
json.dump({"format": "credit-pid-scenario/1", "name": "e2e-behind", "description": "far behind the line",
           "period_start": fmt(period_start), "period_end": fmt(period_end), "start": fmt(start),
           "step_seconds": 3600, "total_credits": 500000.0, "spent_before_start": before,
           "initial_percentage": 35.0, "billing_lag_hours": 12,
           "demand_per_hour": [900.0] * ((period_end - start) // 3600)}, open(sys.argv[1], "w"))
print(f"{before:.2f}")
EOF
}

e2e_stand_ins() {
    local dir=$1
    start_stand_in ternary-e2e $e2e_ternary_port ternary_standin.py --scenario "$dir/scenario.json" \
        --key-file "$dir/ternary-key" --tenant tenant-e2e --project 123456789012 --align none
    start_stand_in github-e2e $e2e_github_port github_standin.py --token "$e2e_token" \
        --comment-file "$PROJECT/$SETTINGS_SAMPLE"
}

e2e_configure() {
    in_ns bash -c "umask 077; printf '%s\n' '$e2e_key' > /etc/credit-pid/credentials/ternary-api-key; \
        printf '%s\n' '$e2e_token' > /etc/credit-pid/credentials/github-token"
    in_ns bash -c 'cat > /etc/credit-pid/credit-pid.conf.d/50-e2e.conf' <<EOF
[Controller]
Mode=seed
UpdateIntervalSec=${e2e_interval}s
MaxStepPercent=5
[Ternary]
URL=http://127.0.0.1:$e2e_ternary_port
TenantID=tenant-e2e
ProjectID=123456789012
TimeoutSec=5
[Routing]
Sink=github
DryRun=no
GitHubURL=http://127.0.0.1:$e2e_github_port
Repository=pytorch/test-infra
Issue=5132
TimeoutSec=5
EOF
}

# jq: true when the comment text $b is the sample $o with lf's rollout_perc (its first) set to
# some other number, every other byte as it was; binds the new value to $share.
e2e_same_but_share='
    ($o | index("rollout_perc: 35")) as $i
    | ($b[$i + 14:] | capture("^(?<v>[0-9]+(\\.[0-9]+)?)").v) as $share
    | $b == ($o[:$i + 14] + $share + $o[$i + 16:]) and $share != "35"'

# Install the unit and the binary as an administrator would, start both stand-ins.
e2e_setup() {
    e2e_dir=$WORK/e2e
    mkdir -p "$e2e_dir"
    printf '%s\n' "$e2e_key" > "$e2e_dir/ternary-key"
    e2e_visible=$(e2e_scenario "$e2e_dir/scenario.json")
    install_credit_pid "$top" "$binary"
    e2e_stand_ins "$e2e_dir"
    e2e_configure
}

# DryRun=no: the share rises in the comment, the rest of it stays byte for byte.
e2e_writes() {
    check "e2e: the unit starts (READY=1)" sctl start $e2e_unit
    check "e2e: three cycles write the comment (UpdateIntervalSec=${e2e_interval}s)" wait_for 30 e2e_has_patches 3
    e2e_state=$(e2e_github)
    check "e2e: lf rollout_perc rose from 35, step by step, in every write" e2e_state_holds '
        [.patches[].body | capture("lf:\n +rollout_perc: (?<v>[0-9.]+)").v | tonumber] as $v
        | ($v | length) >= 3 and $v[0] > 35 and ([range(1; $v | length)] | all($v[.] > $v[. - 1]))'
    check "e2e: every byte of every write but the value is the sample's" e2e_state_holds \
        "all(.patches[].body; . as \$b | $e2e_same_but_share)" --rawfile o "$e2e_original"
    check "e2e: the comment holds the last write; the issue's other comment is untouched" e2e_state_holds \
        '.comments[0].body == .patches[-1].body and .comments[1].body == "A later comment."'
    check "e2e: every GitHub request carried the token from LoadCredential=" \
        e2e_state_holds 'all(.requests[]; .authorized)'
    e2e_since="@0"
    check "e2e: each write followed a decision on Ternary's spend ($e2e_visible), behind the line" e2e_journal "
        map(select(.MESSAGE_ID == \"5df3fa65576d46b6af2bb2a8373e90c2\" and .CREDIT_PID_APPLIED == \"written\"))
        | length >= 3 and all(.[]; .CREDIT_PID_SPEND == \"$e2e_visible\" and .CREDIT_PID_MODE == \"seed\"
            and (.MESSAGE | contains(\"answer to the error from the line\"))
            and (.CREDIT_PID_SHARE | tonumber) > (.CREDIT_PID_PREVIOUS_SHARE | tonumber))"
}

# DryRun=yes by reload; then the comment is set back to the sample by hand, so that the next
# cycle has a change to make (whatever share was reached) and must not make it.
e2e_dry_run() {
    e2e_since=$(in_ns date '+%Y-%m-%d %H:%M:%S')
    printf '[Routing]\nDryRun=yes\n' | in_ns bash -c 'cat > /etc/credit-pid/credit-pid.conf.d/60-dry-run.conf'
    sctl reload $e2e_unit
    check "e2e: reload to DryRun=yes is taken" \
        wait_for 15 e2e_journal_has '.MESSAGE_ID == "ab750e2377af40bca22ffccbe9402511"'
    e2e_writes_before=$(e2e_patches)
    e2e_github_post "$(jq -n --rawfile o "$e2e_original" '{issue: 5132, body: $o}')"
    check "e2e: dry run: the entry carries the text it would write" wait_for 15 e2e_journal_has "
        .CREDIT_PID_DRY_RUN == \"1\" and .CREDIT_PID_WOULD_WRITE != null
        and ((.CREDIT_PID_WOULD_WRITE | if type == \"array\" then implode else . end) as \$b | $e2e_same_but_share)" \
        --rawfile o "$e2e_original"
}

# The key expires at Ternary: the warning says so and what to do. A restart hands the service
# the new credential file; a reload does not (systemd 252 copies credentials into
# $CREDENTIALS_DIRECTORY only when the service starts).
e2e_rotation() {
    local refused='.PRIORITY == "4"
        and (.MESSAGE | startswith("Failed to read the spend: Ternary refused the API key (HTTP 401"))
        and (.MESSAGE | contains("replace the credential file \u0027ternary-api-key\u0027"))'
    printf '%s\n' "$e2e_rotated" > "$e2e_dir/ternary-key"
    e2e_since=$(in_ns date '+%Y-%m-%d %H:%M:%S')
    check "e2e: an expired key: a warning says it was refused and names the credential file" \
        wait_for 15 e2e_journal_has "$refused"
    in_ns bash -c "umask 077; printf '%s\n' '$e2e_rotated' > /etc/credit-pid/credentials/ternary-api-key"
    sctl restart $e2e_unit
    e2e_since=$(in_ns date '+%Y-%m-%d %H:%M:%S')
    check "e2e: the rotated key, in place and restarted, is accepted" wait_for 15 e2e_journal_has \
        ".MESSAGE_ID == \"5df3fa65576d46b6af2bb2a8373e90c2\" and .CREDIT_PID_SPEND == \"$e2e_visible\""
}

e2e_stop() {
    sctl stop $e2e_unit
    e2e_state=$(e2e_github)
    check "e2e: dry run: nothing written, the comment is as the person left it" e2e_state_holds \
        '(.patches | length) == $writes and .comments[0].body == $o' \
        --rawfile o "$e2e_original" --argjson writes "$e2e_writes_before"
    check "e2e: stop exits 0" test "$(prop $e2e_unit Result)/$(prop $e2e_unit ExecMainStatus)" = success/0
    check "e2e: no secret is in the journal or the state" e2e_no_secrets
}

e2e_run() {
    e2e_key=e2e-ternary-key-$RANDOM$RANDOM
    e2e_rotated=e2e-rotated-key-$RANDOM$RANDOM
    e2e_token=ghp_e2e_token_$RANDOM$RANDOM
    e2e_original=$top/$SETTINGS_SAMPLE
    [[ -n ${NS_PID:-} ]] && { teardown || true; set -e; }   # run.sh's instance: start clean
    boot_private_systemd
    local started=$EPOCHREALTIME
    e2e_setup
    e2e_writes
    e2e_dry_run
    e2e_rotation
    e2e_stop
    log "e2e took $(elapsed "$started")s after boot"
}

# The state directory must hold the saved state: an empty or missing one proves nothing.
e2e_no_secrets() {
    local secrets=(-e "$e2e_key" -e "$e2e_rotated" -e "$e2e_token") state=/var/lib/private/credit-pid
    journal_lacks -F "${secrets[@]}" && in_ns test -s $state/state.json &&
        absent in_ns grep -rqF "${secrets[@]}" $state
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then   # alone: a built binary, an instance of its own
    binary=$(readlink -f "${1:?usage: e2e.sh BINARY}")
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) && top=$(cd "$here/../.." && pwd)
    export HARNESS_BASE=${HARNESS_BASE:-/tmp/credit-pid-harness} HARNESS_LIB=1
    . "$here/harness.sh"
    trap teardown EXIT
    e2e_run
    summary
else
    e2e_run
fi
