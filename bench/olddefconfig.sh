#!/bin/bash
# Side by side: `conf --olddefconfig` by the kernel's own conf and by bin/kconfig4j, whole process
# (JVM start included), for Linux 6.12 and Linux 7.3 on x86 with Debian's amd64 config of each, in
# the golden environment (dummy tools; 7.3 with KERNELVERSION=7.3.4 PAHOLE_VERSION=9999
# RUSTC_VERSION_TEXT= as the golden README says). All runs of one row alternate with the other
# rows, so that load from elsewhere on the machine spreads evenly; each figure is the median of
# RUNS runs.
#
# What is measured, per tree:
#   object directory  "existing": include/config/ is already there (a rebuild: only changed files
#                     are touched); "fresh": an empty object directory (a first build: ~7,000
#                     include/config/ files are created).
#   kconfig4j cache   "on": the default, warm (the probe cache answers the tree's ~110 compiler
#                     probes and the parsed-tree snapshot replaces parsing); "off":
#                     KCONFIG4J_PROBE_CACHE=off, every probe runs and the tree is parsed, as the
#                     kernel's conf does every time; "empty": the default settings with a cache
#                     directory emptied before every run (a user's very first run: every probe
#                     runs and is stored, the tree is parsed and its snapshot written).
#   wall              elapsed time; cpu: user + system time of the process and its children (the
#                     probes); peak: maximum resident set size (/usr/bin/time's %M); wall/kernel
#                     and cpu/kernel: the ratios to the kernel's conf in the same rows. CPU time
#                     and peak memory hardly depend on the machine's load; wall time does, so the
#                     load average (1 minute) is printed before and after the runs.
# Both tools' .config, auto.conf and autoconf.h are compared after the runs; any difference stops
# the script.
#
# usage: bench/olddefconfig.sh [RUNS] [TREES]   (default 5 runs; TREES "6.12 7.3")
# env:   KCONFIG4J_SHARED (default ../shared), KCONFIG4J_ORACLE (dir with conf-6.12 and conf-7.3,
#        default /tmp/oracle; installed with shared/oracle/get-conf.sh when missing).
# needs: /usr/bin/time (Debian: apt-get install time), bc.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/lib.sh"
runs=${1:-5}
trees=${2:-"6.12 7.3"}
need_time
bench_start $trees

# one_run TREE DIR FRESH LABEL COMMAND...: one olddefconfig of TREE's Debian config in DIR (emptied
# first when FRESH is 1); appends "wall cpu peakKiB" to $work/LABEL.t
one_run() {
    local tree=$1 d=$2 fresh=$3 label=$4; shift 4
    [ "$fresh" = 1 ] && rm -rf "$d"
    mkdir -p "$d"
    rm -rf "$work/empty-cache"
    mkdir -m 700 "$work/empty-cache"
    cp "$shared/corpus/configs/debian-$tree-amd64.config" "$d/.config"
    timed "$tree" "$d" "$label" "$@" -s --olddefconfig Kconfig
}


load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
for tree in $trees; do
    for objdir in existing fresh; do
        fresh=0; [ $objdir = fresh ] && fresh=1
        rows+=("$tree $objdir kernel 0 $oracle/conf-$tree")
        rows+=("$tree $objdir cache-on 0 $here/bin/kconfig4j conf")
        rows+=("$tree $objdir cache-off 0 env KCONFIG4J_PROBE_CACHE=off $here/bin/kconfig4j conf")
        rows+=("$tree $objdir cache-empty 0 env KCONFIG4J_CACHE_DIR=$work/empty-cache $here/bin/kconfig4j conf")
    done
done
# Warm-up (untimed): file caches, the class-data archive, the probe cache and the snapshot, and an
# existing object directory for the "existing" rows.
for row in "${rows[@]}"; do
    read -r tree objdir tool _ cmd <<< "$row"
    one_run "$tree" "$work/$tree-$objdir-$tool" 1 warmup $cmd
done
for _ in $(seq "$runs"); do
    for row in "${rows[@]}"; do
        read -r tree objdir tool _ cmd <<< "$row"
        fresh=0; [ "$objdir" = fresh ] && fresh=1
        one_run "$tree" "$work/$tree-$objdir-$tool" $fresh "$tree-$objdir-$tool" $cmd
    done
done
for tree in $trees; do
    for objdir in existing fresh; do
        for tool in cache-on cache-off cache-empty; do
            for f in .config include/config/auto.conf include/generated/autoconf.h; do
                cmp -s "$work/$tree-$objdir-kernel/$f" "$work/$tree-$objdir-$tool/$f" \
                    || { echo "$tree $objdir $tool: $f differs from the kernel's!" >&2; exit 1; }
            done
        done
    done
done
printf 'olddefconfig, x86, Debian amd64 config of each tree, %d runs each (medians); %s, %d cores\n' \
    "$runs" "$(java -version 2>&1 | head -1)" "$(nproc)"
printf 'load average (1, 5, 15 min): %s before, %s after\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-5s %-9s %-22s %8s %8s %9s %11s %10s\n' tree objdir tool wall cpu peak 'wall/kernel' 'cpu/kernel'
for tree in $trees; do
    for objdir in existing fresh; do
        k=$(col "$tree-$objdir-kernel" 1)
        kc=$(col "$tree-$objdir-kernel" 2)
        for tool in kernel cache-on cache-off cache-empty; do
            l="$tree-$objdir-$tool"
            w=$(col "$l" 1); c=$(col "$l" 2); m=$(col "$l" 3)
            name=$tool; [ $tool = kernel ] && name="conf-$tree"; [ $tool != kernel ] && name="kconfig4j $tool"
            printf '%-5s %-9s %-22s %7.2fs %7.2fs %6.0fMiB %11.2f %10.2f\n' "$tree" "$objdir" "$name" "$w" "$c" \
                "$(echo "$m / 1024" | bc -l)" "$(echo "$w / $k" | bc -l)" "$(echo "$c / $kc" | bc -l)"
        done
    done
done
echo "outputs (.config, auto.conf, autoconf.h) identical to the kernel's: yes"
