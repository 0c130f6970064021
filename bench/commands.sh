#!/bin/bash
# The other one-tree commands, measured like bench/olddefconfig.sh: whole process (JVM start
# included), median of RUNS runs, wall time, CPU time (user + system, probes included) and peak
# resident memory, with kconfig4j's caches on (warm: probe cache and parsed-tree snapshot) and off
# (KCONFIG4J_PROBE_CACHE=off: every probe runs, the tree is parsed). Linux 6.12, x86, dummy tools.
#
#   upgrade   Debian's 6.1 amd64 config on the 6.12 tree (report, root causes, SAT-solved and
#             verified fixes; two trees are loaded: --old-srctree is the 6.1 tree)
#   why       why NR_CPUS, with Debian's 6.12 amd64 config
#   enable    enable BTRFS_DEBUG, with Debian's 6.12 amd64 config (bench/enable.sh also checks the
#             answers with the kernel's conf)
#
# CPU time and peak memory hardly depend on the machine's load; wall time does, so the load
# average is printed before and after the runs.
#
# usage: bench/commands.sh [RUNS]   (default 5)
# env:   KCONFIG4J_SHARED (default ../shared)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/lib.sh"
runs=${1:-5}
need_time
bench_start
st=$shared/corpus/linux-6.12
configs=$shared/corpus/configs

declare -A cmd
cmd[upgrade]="upgrade --config $configs/debian-6.1-amd64.config --old-srctree $shared/corpus/linux-6.1 --fail-on never"
cmd[why]="why NR_CPUS --config $configs/debian-6.12-amd64.config"
cmd[enable]="enable BTRFS_DEBUG --config $configs/debian-6.12-amd64.config --format json"
names=(upgrade why enable)

# one_run NAME CACHE(on|off): appends "wall cpu peakKiB" to $work/NAME-CACHE.t
one_run() {
    local probe=on; [ "$2" = off ] && probe=off
    # shellcheck disable=SC2086
    (cd "$work" && /usr/bin/time -o "$work/time.out" -f '%e %U %S %M' env -i PATH=/usr/bin:/bin HOME="$work/home" \
        KCONFIG4J_PROBE_CACHE=$probe "$here/bin/kconfig4j" ${cmd[$1]} --srctree "$st" --arch x86 --dummy-tools \
        </dev/null >/dev/null 2>&1 || true)
    awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$work/time.out" >> "$work/$1-$2.t"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for n in "${names[@]}"; do one_run "$n" on; rm -f "$work/$n-on.t"; done   # warm-up: caches
for _ in $(seq "$runs"); do
    for n in "${names[@]}"; do one_run "$n" on; one_run "$n" off; done
done
printf 'kconfig4j commands, Linux 6.12 x86, %d runs each (medians); %s, %d cores\n' "$runs" \
    "$(java -version 2>&1 | head -1)" "$(nproc)"
printf 'load average (1, 5, 15 min): %s before, %s after\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-10s %8s %8s %9s\n' command caches wall cpu peak
for n in "${names[@]}"; do
    for c in on off; do
        printf '%-8s %-10s %7.2fs %7.2fs %6.0fMiB\n' "$n" "$c" "$(col "$n-$c" 1)" "$(col "$n-$c" 2)" \
            "$(echo "$(col "$n-$c" 3) / 1024" | bc -l)"
    done
done
