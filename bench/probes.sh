#!/bin/bash
# What the compiler probes alone cost on this machine, and so how fast a first run (caches off)
# can be: the $(shell,...) commands of Linux 6.12 (and 7.3) x86 with Debian's amd64 config,
# recorded by kconfig4j (KCONFIG4J_SHELL=record=FILE, caches off) and run without any Kconfig
# tool, each as `/bin/sh -c COMMAND` in the object directory and the golden environment, as the
# kernel's conf runs them (popen): one at a time, as the kernel's conf does, and two at a time, as
# kconfig4j's lookahead does on two cores (KCONFIG4J_PROBE_JOBS). Beside them, in the same
# alternation, the kernel's conf and kconfig4j with caches off (two jobs, and one).
#
# The probes' rows are what the kernel's conf pays for them, and what any tool that runs every
# probe through /bin/sh pays. kconfig4j answers the ~15 made only of the shell's builtins on
# literal words (`set -- GCC 200000 && echo $1`, `test "GCC" = GCC`) without a process, and runs
# the command of the ~80 if-success probes (`{ CMD; } >/dev/null 2>&1 && echo "y" || echo "n"`:
# cc-option, ld-option, as-instr...) without the shell, mkdir and rm around it (SuccessProbes), so
# it can be faster than the probes alone. The rest of a tool's time is its own work: reading the
# tree, evaluating, writing.
#
# usage: bench/probes.sh [RUNS] [TREES]   (default 5 runs; TREES "6.12 7.3")
# env:   KCONFIG4J_SHARED (default ../shared), KCONFIG4J_ORACLE (default /tmp/oracle).
# needs: /usr/bin/time, bc, python3 (to read the recording), xargs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/lib.sh"
runs=${1:-5}
trees=${2:-"6.12 7.3"}
need_time
bench_start $trees

# in_objdir TREE LABEL COMMAND...: COMMAND timed in TREE's object directory, with Debian's config
in_objdir() {
    local tree=$1 label=$2
    shift 2
    cp "$shared/corpus/configs/debian-$tree-amd64.config" "$work/$tree/.config"
    timed "$tree" "$work/$tree" "$label" "$@"
}

for tree in $trees; do
    mkdir -p "$work/$tree"
    in_objdir "$tree" record env KCONFIG4J_PROBE_CACHE=off KCONFIG4J_SHELL="record=$work/$tree.json" \
        "$here/bin/kconfig4j" conf -s --olddefconfig Kconfig
    python3 -c 'import json, sys
for c in json.load(open(sys.argv[1]))["commands"]:
    sys.stdout.write(c["command"] + "\0")' "$work/$tree.json" > "$work/$tree.commands"
done
declare -A count
for tree in $trees; do count[$tree]=$(tr -cd '\0' < "$work/$tree.commands" | wc -c); done
rows=(kernel k4j-jobs2 k4j-jobs1 probes-1 probes-2)
for _ in $(seq "$runs"); do
    for tree in $trees; do
        for row in "${rows[@]}"; do
            case $row in
                kernel) in_objdir "$tree" "$tree-$row" "$oracle/conf-$tree" -s --olddefconfig Kconfig ;;
                k4j-jobs2) in_objdir "$tree" "$tree-$row" env KCONFIG4J_PROBE_CACHE=off KCONFIG4J_PROBE_JOBS=2 \
                    "$here/bin/kconfig4j" conf -s --olddefconfig Kconfig ;;
                k4j-jobs1) in_objdir "$tree" "$tree-$row" env KCONFIG4J_PROBE_CACHE=off KCONFIG4J_PROBE_JOBS=1 \
                    "$here/bin/kconfig4j" conf -s --olddefconfig Kconfig ;;
                probes-*) in_objdir "$tree" "$tree-$row" sh -c 'xargs -0 -n1 -P"$1" -a "$2" /bin/sh -c 2>/dev/null; true' \
                    - "${row#probes-}" "$work/$tree.commands" ;;
            esac
        done
    done
done
printf 'first runs (caches off) against the probes alone, x86, Debian amd64 config, %d runs each (medians); %s, %d cores\n' \
    "$runs" "$(java -version 2>&1 | head -1)" "$(nproc)"
printf '%-5s %-42s %8s %8s %12s\n' tree run wall cpu 'wall/kernel'
for tree in $trees; do
    k=$(col "$tree-kernel" 1)
    for row in "${rows[@]}"; do
        case $row in
            kernel) name="conf-$tree (probes one at a time)" ;;
            k4j-jobs2) name="kconfig4j cache-off, 2 probe jobs" ;;
            k4j-jobs1) name="kconfig4j cache-off, 1 probe job" ;;
            probes-1) name="the ${count[$tree]} probes alone, one at a time" ;;
            probes-2) name="the ${count[$tree]} probes alone, two at a time" ;;
        esac
        printf '%-5s %-42s %7.2fs %7.2fs %12.2f\n' "$tree" "$name" "$(col "$tree-$row" 1)" "$(col "$tree-$row" 2)" \
            "$(echo "$(col "$tree-$row" 1) / $k" | bc -l)"
    done
done
