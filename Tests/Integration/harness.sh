#!/bin/bash
# harness.sh - boots a private, throw-away systemd (PID 1 of its own namespaces) with a real
# systemd-journald and only the units a test puts in $WORK/units, and tears it down again.
# credit-pid's integration tests (run.sh) source it; run alone it checks itself.
#
# Usage:  harness.sh                 self-check (boot, journald, a notify unit, teardown)
#         HARNESS_LIB=1 . harness.sh  load the functions: boot_private_systemd, in_ns, sctl,
#                                    jctl, teardown, check, wait_for, prop, absent,
#                                    journal_lacks, stage_project, install_credit_pid,
#                                    start_stand_in
#         HARNESS_KEEP=1             keep the work dir (logs) after teardown
#
# Needs root, overlayfs, cgroup2, bash 5, util-linux (unshare, nsenter, setpriv), jq.
# Host PID 1 need not be systemd. Nothing leaks to the host: / is read-only inside, /etc
# and /var are overlays on tmpfs, /run, /tmp and /dev are private, and the network
# namespace has only lo.
#
# For units under test: DynamicUser=yes implies PrivateTmp=yes, so such a service does not
# see the harness's /tmp (nor $WORK when HARNESS_BASE is under /tmp): put what it runs
# under the instance's own /run (in_ns install ...). LoadCredential= sources may stay in
# $WORK: PID 1 reads them. Credentials need the instance's mounts shared, which ns_init
# arranges.
set -euo pipefail

HARNESS_BASE=${HARNESS_BASE:-/tmp/systemd-harness}
HARNESS_PRIVATE_NET=${HARNESS_PRIVATE_NET:-1}   # 1: own netns with only lo
HARNESS_BOOT_TIMEOUT=${HARNESS_BOOT_TIMEOUT:-30}
SELF=$(readlink -f "${BASH_SOURCE[0]}")

# Capabilities removed from the bounding set of the private PID 1 (and thus of
# everything it starts), so that nothing in there can touch global kernel state
# (modules, clock, audit, kernel log, raw I/O, ...).
DROP_CAPS=-sys_module,-sys_time,-sys_rawio,-wake_alarm,-mac_admin,-mac_override,-audit_control,-audit_read,-audit_write,-syslog,-sys_pacct,-sys_tty_config,-block_suspend

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }
log()  { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die()  { log "FATAL: $*"; exit 1; }

###########################################################################
# Stage 2: runs as PID 1 of the new pid/mount/uts/ipc/net/cgroup namespaces,
# prepares the file system view, then execs systemd.
###########################################################################
ns_init() {
    local W=$1
    set -euo pipefail
    exec </dev/null
    echo "ns-init: pid=$$ starting"
    # never let a mount event leak back to the host
    mount --make-rprivate /
    # --- private /run (hides the host's /run), keep a handle on $W ---
    mount -t tmpfs -o mode=0755,nosuid,nodev,size=256m tmpfs /run
    mkdir -p /run/.harness-work
    mount --bind "$W" /run/.harness-work
    # --- whole root read-only (per-mount flag of OUR copy of the root mount;
    #     'bind' is essential: without it the ext4 superblock would go ro) ---
    mount -o remount,bind,ro /
    # --- ephemeral writable /etc and /var (overlay, upper on tmpfs) ---
    mkdir -p /run/.harness-ovl
    mount -t tmpfs -o mode=0700 tmpfs /run/.harness-ovl
    local d n
    for d in /etc /var; do
        n=${d#/}
        mkdir -p /run/.harness-ovl/$n/upper /run/.harness-ovl/$n/work
        mount -t overlay overlay \
            -o lowerdir=$d,upperdir=/run/.harness-ovl/$n/upper,workdir=/run/.harness-ovl/$n/work $d
    done
    # --- private /tmp, with $W re-attached at its usual path ---
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /tmp
    mkdir -p "$W"
    mount --move /run/.harness-work "$W"
    rmdir /run/.harness-work
    # --- /proc for the new pid namespace; sysctls and sysrq read-only ---
    mount -t proc -o nosuid,nodev,noexec proc /proc
    mount --bind /proc/sys /proc/sys
    mount -o remount,bind,ro,nosuid,nodev,noexec /proc/sys
    if [[ -e /proc/sysrq-trigger ]]; then   # absent on kernels without CONFIG_MAGIC_SYSRQ
        mount --bind /proc/sysrq-trigger /proc/sysrq-trigger
        mount -o remount,bind,ro /proc/sysrq-trigger
    fi
    # --- /sys read-only, cgroup2 (rooted at our cgroup namespace) writable ---
    if [[ $HARNESS_PRIVATE_NET == 1 ]]; then
        mount -t sysfs -o nosuid,nodev,noexec sysfs /sys   # fresh sysfs for the new netns
    else
        mount --rbind /sys /sys
    fi
    mount -o remount,bind,ro,nosuid,nodev,noexec /sys
    # NB: no cgroup2 mount options here - from the init cgroup ns they would
    # change the host hierarchy; from our cgroup ns they are ignored anyway.
    mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 /sys/fs/cgroup
    # --- private /dev: no /dev/kmsg, no real console, /dev/log stays ours ---
    local D=/run/.harness-dev
    mkdir -p $D
    mount -t tmpfs -o mode=0755,nosuid,size=4m tmpfs $D
    mknod -m 666 $D/null    c 1 3
    mknod -m 666 $D/zero    c 1 5
    mknod -m 666 $D/full    c 1 7
    mknod -m 666 $D/random  c 1 8
    mknod -m 666 $D/urandom c 1 9
    mknod -m 666 $D/tty     c 5 0
    : > "$W/console.log"
    touch $D/console && mount --bind "$W/console.log" $D/console
    mkdir -p $D/pts $D/shm $D/mqueue
    mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5,nosuid,noexec devpts $D/pts
    ln -s pts/ptmx $D/ptmx
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs $D/shm
    mount -t mqueue -o nosuid,nodev,noexec mqueue $D/mqueue || true
    ln -s /proc/self/fd $D/fd
    ln -s /proc/self/fd/0 $D/stdin
    ln -s /proc/self/fd/1 $D/stdout
    ln -s /proc/self/fd/2 $D/stderr
    mount --move $D /dev
    rmdir $D 2>/dev/null || true
    # --- mount propagation: make every mount of OUR namespace shared, as a
    #     real boot does (systemd's mount_setup() runs 'mount --make-rshared /'
    #     only when detect_container() says "no container"; with container=
    #     set it leaves the propagation alone).  systemd 252 builds
    #     /run/credentials/UNIT in a short-lived child with its own mount
    #     namespace ("(sd-mkdcreds)": ramfs on /dev/shm, then MS_MOVE to
    #     /run/credentials/UNIT); only a shared /run carries that mount back
    #     to PID 1's namespace.  With the private mounts that unshare and
    #     --make-rprivate above leave, the mount died with the child and the
    #     service got the empty root-owned 0700 directory underneath (no
    #     error logged).  Safe for the host: all our mounts are private at
    #     this point, so this only creates NEW peer groups whose members are
    #     our mounts and those of namespaces later cloned from ours - no host
    #     mount is a peer of any of them (the self-check compares host mounts
    #     and their propagation before/after). ---
    mount --make-rshared /
    # --- configuration drop-ins for PID 1 and journald (live in our /run) ---
    mkdir -p /run/systemd/system.conf.d /run/systemd/journald.conf.d
    cat > /run/systemd/system.conf.d/50-harness.conf <<'EOF'
[Manager]
ShowStatus=no
DefaultLimitCORE=0
DefaultTimeoutStartSec=20s
DefaultTimeoutStopSec=10s
EOF
    cat > /run/systemd/journald.conf.d/50-harness.conf <<'EOF'
[Journal]
Storage=volatile
ReadKMsg=no
ForwardToSyslog=no
ForwardToKMsg=no
ForwardToConsole=no
ForwardToWall=no
RateLimitIntervalSec=0
EOF
    echo "ns-init: exec systemd"
    exec env -i \
        container=harness \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 \
        SYSTEMD_UNIT_PATH="$W/units" \
        SYSTEMD_GENERATOR_PATH="$W/empty" \
        SYSTEMD_ENVIRONMENT_GENERATOR_PATH="$W/empty" \
        SYSTEMD_PROC_CMDLINE="" \
        setpriv --bounding-set "$DROP_CAPS" \
        /lib/systemd/systemd --system --unit=harness.target \
            --log-target=journal --log-level="${HARNESS_LOG_LEVEL:-info}" --show-status=no
}

###########################################################################
# Host side
###########################################################################

# unit files: ONLY these are visible to the private systemd
write_units() {
    local W=$1 U=$1/units t
    mkdir -p "$U" "$W/empty"
    # the real journald units, unchanged, from the package
    for t in systemd-journald.service systemd-journald.socket systemd-journald-dev-log.socket \
             exit.target systemd-exit.service shutdown.target umount.target final.target; do
        cp /lib/systemd/system/$t "$U/"
    done
    # empty stand-ins for the standard synchronisation points, so that unit
    # files written for a real system (After=/Wants=/Requires= on them) load
    # unchanged - and pull in nothing.
    for t in sysinit basic sockets timers paths slices local-fs remote-fs swap \
             network-pre network network-online nss-lookup time-set time-sync \
             multi-user graphical emergency rescue; do
        printf '[Unit]\nDescription=Harness stand-in for %s.target\n' "$t" > "$U/$t.target"
    done
    cat > "$U/harness.target" <<'EOF'
[Unit]
Description=Private test harness target
Requires=systemd-journald.socket systemd-journald-dev-log.socket
Wants=systemd-journald.service
After=systemd-journald.socket systemd-journald-dev-log.socket systemd-journald.service
AllowIsolate=yes
EOF
}

# host PID of the private PID 1, set by boot_private_systemd
NS_PID=""
NS_PIDNS=""
UNSHARE_PID=""
CG=""
WORK=""

# run a command inside all of the private instance's namespaces
# (systemctl needs at least --mount AND --pid: PID 1 drops bus clients whose
# PID it cannot see; from the host it also refuses because /run/systemd/system
# is missing there: "System has not been booted with systemd as init system")
in_ns() { nsenter --target "$NS_PID" --mount --uts --ipc --net --pid --cgroup -- "$@"; }
sctl()  { in_ns env SYSTEMD_COLORS=0 SYSTEMD_PAGER= systemctl --no-pager "$@"; }
jctl()  { in_ns env SYSTEMD_COLORS=0 SYSTEMD_PAGER= journalctl --no-pager "$@"; }

cgroup2_root() {
    if [[ $(stat -f -c %T /sys/fs/cgroup) == cgroup2fs ]]; then
        echo /sys/fs/cgroup
    elif [[ -e /sys/fs/cgroup/unified/cgroup.procs ]]; then
        echo /sys/fs/cgroup/unified
    else
        die "no cgroup2 hierarchy found (need /sys/fs/cgroup or /sys/fs/cgroup/unified as cgroup2)"
    fi
}

boot_private_systemd() {
    [[ $(id -u) == 0 ]] || die "must run as root"
    mkdir -p "$HARNESS_BASE"
    WORK=$(mktemp -d "$HARNESS_BASE/run.XXXXXX")
    chmod 755 "$WORK"
    write_units "$WORK"
    # a cgroup2 sub-tree of our own; it becomes "/" of the private instance
    local cgparent mycg
    mycg=$(sed -n 's/^0:://p' /proc/self/cgroup)
    cgparent=$(cgroup2_root)${mycg%/}
    CG=$(mktemp -d "$cgparent/harness.XXXXXX")
    echo "$CG" > "$WORK/cgroup"
    echo "$$" > "$WORK/harness.pid"
    local t0=$EPOCHREALTIME
    (
        echo "$BASHPID" > "$CG/cgroup.procs"
        export HARNESS_PRIVATE_NET DROP_CAPS
        nsflags=(--mount --pid --fork --uts --ipc --cgroup --propagation private --kill-child=SIGKILL)
        [[ $HARNESS_PRIVATE_NET == 1 ]] && nsflags+=(--net)
        # --pdeathsig: if the harness shell dies (even by SIGKILL), unshare gets
        # SIGKILL, and --kill-child passes that on to the private PID 1.
        exec setpriv --pdeathsig KILL unshare "${nsflags[@]}" -- "$SELF" __ns_init "$WORK"
    ) </dev/null >"$WORK/pid1.log" 2>&1 &
    UNSHARE_PID=$!
    echo "$UNSHARE_PID" > "$WORK/unshare.pid"
    local i
    for ((i = 0; i < 100; i++)); do
        # the only child of unshare is the namespace's PID 1
        NS_PID=$( (cat "/proc/$UNSHARE_PID/task/$UNSHARE_PID/children" 2>/dev/null ||
                   ps -o pid= --ppid "$UNSHARE_PID") | awk 'NR == 1 {print $1}') || true
        [[ -n $NS_PID ]] && break
        kill -0 "$UNSHARE_PID" 2>/dev/null || { cat "$WORK/pid1.log" >&2; die "unshare exited early"; }
        sleep 0.05
    done
    [[ -n $NS_PID ]] || die "could not find the namespace's PID 1"
    echo "$NS_PID" > "$WORK/ns.pid"
    NS_PIDNS=$(readlink "/proc/$NS_PID/ns/pid")
    # wait for the private bus, then for the boot to finish
    for ((i = 0; i < HARNESS_BOOT_TIMEOUT * 20; i++)); do
        [[ -S /proc/$NS_PID/root/run/systemd/private ]] && break
        kill -0 "$NS_PID" 2>/dev/null || { cat "$WORK/pid1.log" >&2; die "private PID 1 died during boot"; }
        sleep 0.05
    done
    [[ -S /proc/$NS_PID/root/run/systemd/private ]] || { cat "$WORK/pid1.log" >&2; die "no /run/systemd/private after ${HARNESS_BOOT_TIMEOUT}s"; }
    local state
    state=$(timeout "$HARNESS_BOOT_TIMEOUT" nsenter --target "$NS_PID" --mount --uts --ipc --net --pid --cgroup -- \
            systemctl is-system-running --wait 2>&1) || true
    BOOT_SECONDS=$(elapsed "$t0")
    log "private systemd booted in ${BOOT_SECONDS}s: host pid $NS_PID, state '$state', work dir $WORK"
    [[ $state == running ]] || { sctl --failed >&2 || true; cat "$WORK/pid1.log" >&2; die "system state is '$state'"; }
}

# The fixtures the integration tests feed the daemon and the stand-ins, relative to the
# checkout: the unit tests' own files, so that both judge the daemon on the same data.
STEADY_SCENARIO=Tests/CreditPIDCoreTests/Fixtures/scenarios/steady.json
SETTINGS_SAMPLE=Tests/CreditPIDServiceTests/Settings/Fixtures/basic.md

# The private instance has its own /tmp and /run: a checkout under /tmp (CI clones there)
# is invisible inside. This copies what the instance runs from the checkout (the install
# script with the unit and configuration it installs, the stand-ins, the fixtures) into the
# work dir, which the instance does see, keeping their paths, and prints the copy's path.
stage_project() {
    local top=$1 copy=$WORK/project fixture
    mkdir -p "$copy/scripts" "$copy/Tests"
    cp "$top/scripts/install" "$copy/scripts/"
    cp -r "$top/systemd" "$top/config" "$copy/"
    cp -r "$top/Tests/StandIns" "$copy/Tests/"
    for fixture in "$STEADY_SCENARIO" "$SETTINGS_SAMPLE"; do
        mkdir -p "$copy/$(dirname "$fixture")"
        cp "$top/$fixture" "$copy/$fixture"
    done
    echo "$copy"
}

# install_credit_pid TOP BINARY: installs credit-pid into the instance as an administrator
# would, with scripts/install from the staged checkout (left in $PROJECT), and makes the
# unit it installs visible to the instance's systemd, whose unit path is only $WORK/units.
install_credit_pid() {
    local top=$1 binary=$2
    PROJECT=$(stage_project "$top")
    cp "$binary" "$WORK/credit-pid"
    in_ns "$PROJECT/scripts/install" --prefix /run/credit-pid --binary "$WORK/credit-pid" >/dev/null
    in_ns cat /etc/systemd/system/credit-pid.service > "$WORK/units/credit-pid.service"
    sctl daemon-reload
}

# start_stand_in NAME PORT SCRIPT ARGUMENTS...: runs Tests/StandIns/SCRIPT of $PROJECT as
# NAME.service on 127.0.0.1:PORT and waits until it answers. Its output goes to
# $WORK/NAME.log, not to the journal that checks search for secrets, so the journal never
# sees a key given in ARGUMENTS (which must not contain spaces).
start_stand_in() {
    local name=$1 port=$2 script=$3
    shift 3
    cat > "$WORK/units/$name.service" <<EOF
[Service]
ExecStart=/usr/bin/python3 $PROJECT/Tests/StandIns/$script $* --port $port
StandardOutput=append:$WORK/$name.log
StandardError=append:$WORK/$name.log
EOF
    sctl daemon-reload
    sctl start "$name.service"
    wait_for 10 in_ns curl -sf -o /dev/null "http://127.0.0.1:$port/_control"
}

teardown() {
    local rc=$?
    set +e
    [[ -n $NS_PID ]] || return $rc
    if kill -0 "$NS_PID" 2>/dev/null; then
        # graceful: stop all units, PID 1 exits (container semantics of exit.target)
        sctl --no-block exit >/dev/null 2>&1
        local i
        for ((i = 0; i < 200; i++)); do kill -0 "$NS_PID" 2>/dev/null || break; sleep 0.05; done
        if kill -0 "$NS_PID" 2>/dev/null; then
            log "private PID 1 did not exit in 10s, killing it (SIGKILL to host pid $NS_PID)"
            # make sure the PID was not recycled: it must still be the init of our pid ns
            [[ $(readlink "/proc/$NS_PID/ns/pid" 2>/dev/null) == "$NS_PIDNS" ]] && kill -KILL "$NS_PID"
            # unshare is our own un-reaped child (its PID cannot be recycled); --kill-child
            # makes its death SIGKILL the namespace's PID 1, and the kernel then kills
            # everything else in that pid namespace
            kill -KILL "$UNSHARE_PID" 2>/dev/null
        fi
    fi
    if [[ -n $UNSHARE_PID ]]; then
        wait "$UNSHARE_PID" 2>/dev/null
        log "private systemd exited with status $? (unshare pid $UNSHARE_PID)"
    fi
    # anything left in our cgroup sub-tree (there should be nothing: the pid
    # namespace is gone) is ours by construction; kill it via cgroup.kill
    if [[ -n $CG && -d $CG ]]; then
        if [[ -n $(find "$CG" -name cgroup.procs -exec cat {} + 2>/dev/null) ]]; then
            log "leftover processes in $CG, using cgroup.kill"
            echo 1 > "$CG/cgroup.kill"; sleep 0.2
        fi
        find "$CG" -depth -type d -exec rmdir {} + 2>/dev/null
        [[ -d $CG ]] && log "WARNING: could not remove $CG"
    fi
    if [[ ${HARNESS_KEEP:-0} != 1 && -n $WORK ]]; then rm -rf "$WORK"; else log "kept $WORK"; fi
    NS_PID=""
    return $rc
}

# Clean up after harness runs that were SIGKILLed (no EXIT trap ran): every
# process in such a run's cgroup sub-tree was started by that run, so
# cgroup.kill on that sub-tree kills exactly those, and nothing else.
cleanup_stale() {
    local w cg hp
    for w in "$HARNESS_BASE"/run.*; do
        [[ -d $w ]] || continue
        hp=$(cat "$w/harness.pid" 2>/dev/null || true)
        if [[ -n $hp ]] && kill -0 "$hp" 2>/dev/null && grep -qa harness.sh "/proc/$hp/cmdline" 2>/dev/null; then
            log "skipping $w: its harness (pid $hp) is still running"; continue
        fi
        cg=$(cat "$w/cgroup" 2>/dev/null || true)
        if [[ $cg == */harness.* && -d $cg ]]; then
            log "killing leftover processes of $w via $cg/cgroup.kill"
            echo 1 > "$cg/cgroup.kill"
            local i; for ((i = 0; i < 50; i++)); do
                [[ -z $(find "$cg" -name cgroup.procs -exec cat {} + 2>/dev/null) ]] && break; sleep 0.1
            done
            find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null || true
        fi
        rm -rf "$w"
    done
}

###########################################################################
# Checks
###########################################################################
FAILS=0
PASSES=0
check() { # check "description" command...
    local what=$1; shift
    if "$@"; then echo "PASS: $what"; PASSES=$((PASSES + 1)); else echo "FAIL: $what"; FAILS=$((FAILS + 1)); fi
}
# the closing line, "N passed, N failed"; fails when anything failed
summary() {
    echo "integration: $PASSES passed, $FAILS failed"
    ((FAILS == 0))
}
wait_for() { # wait_for seconds command...
    local s=$1; shift
    local end=$((SECONDS + s))
    until "$@"; do ((SECONDS < end)) || return 1; sleep 0.2; done
}
prop() { sctl show -p "$2" --value "$1"; }
# absent command...: the command, a search, found nothing: it exited 1. A match (0) and an
# error such as a missing file (2) both fail, so that a check for absence cannot pass on a
# search that did not run.
absent() { local status=0; "$@" || status=$?; ((status == 1)); }
# journal_lacks grep-options...: the instance's journal (JSON; it must have entries) has no
# line that grep matches.
journal_lacks() {
    local journal
    journal=$(jctl -o json) && [[ -n $journal ]] || return 1
    absent grep -q "$@" <<<"$journal"
}

host_state() { # things the harness must leave exactly as they were
    findmnt -rn -o TARGET,SOURCE,FSTYPE,OPTIONS,PROPAGATION
    cat /proc/sys/kernel/core_pattern /proc/sys/fs/file-max /proc/sys/fs/nr_open /proc/sys/kernel/hostname
    ls -d /dev/log /run/systemd/private /run/systemd/system 2>/dev/null || true
}

self_check() {
    local before; before=$(host_state)
    boot_private_systemd
    check "journald is active" test "$(sctl is-active systemd-journald.service)" = active
    check "no generators ran" in_ns test ! -e /run/systemd/generator
    printf '%s\n' '[Service]' 'Type=notify' \
        "ExecStart=/bin/bash -c 'systemd-notify --pid=\$\$\$\$ --ready STATUS=probing; exec sleep infinity'" \
        > "$WORK/units/probe.service"
    sctl daemon-reload
    check "a Type=notify unit reaches active through READY=1" sctl start probe.service
    check "its STATUS= reaches systemd" test "$(prop probe.service StatusText)" = probing
    check "stop it" sctl stop probe.service
    local ns_pid=$NS_PID cg=$CG
    teardown
    check "private PID 1 gone" bash -c "! kill -0 $ns_pid 2>/dev/null"
    check "cgroup $cg removed" test ! -d "$cg"
    check "host mounts, sysctls, hostname, /dev/log unchanged" test "$before" = "$(host_state)"
    summary
}

###########################################################################
case "${1:-}" in
    __ns_init) ns_init "$2" ;;
    --cleanup-stale) cleanup_stale ;;
    *)
        if [[ ${HARNESS_LIB:-0} != 1 ]]; then
            trap teardown EXIT
            trap 'exit 130' INT TERM
            self_check
        fi
        ;;
esac
