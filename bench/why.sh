#!/bin/bash
# Timing of `kconfig4j why` on Linux 6.12 / x86 with Debian's amd64 config: the whole command as a
# user runs it (JVM start, parsing the tree, reading the config, explaining), median wall time of
# several runs, with the probe cache warm (the first, warm-up run fills it).
#
# usage: bench/why.sh [RUNS]        (default 7)
# env:   KCONFIG4J_SHARED (default ../shared)
#
# Three questions: a symbol blocked by a hidden prompt (NR_CPUS), one held by a select
# (X86_X2APIC), and a library selected by many drivers with a long explanation (FW_LOADER);
# then all three in one run. For reference, kconfig4j's own olddefconfig in the same
# environment, alternating with the why runs: both start the JVM, parse the tree and read the
# config, so the difference is what explaining costs, whatever the machine's load.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/lib.sh"
runs=${1:-7}
bench_start
st=$shared/corpus/linux-6.12
input=$shared/corpus/configs/debian-6.12-amd64.config

# one_run SYMBOL...: prints the wall time in seconds of one `why`
one_run() {
    local t0 t1
    t0=$(date +%s.%N)
    (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" "$here/bin/kconfig4j" why --srctree "$st" --arch x86 \
        --dummy-tools --config "$input" "$@" >/dev/null)
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc
}

# conf_run: the wall time of kconfig4j's olddefconfig on the same tree and config
conf_run() {
    local t0 t1
    mkdir -p "$work/o"
    cp "$input" "$work/o/.config"
    t0=$(date +%s.%N)
    (cd "$work/o" && env -i PATH=/usr/bin:/bin HOME="$work" srctree="$st" ARCH=x86 SRCARCH=x86 \
        CC="$st/scripts/dummy-tools/gcc" LD="$st/scripts/dummy-tools/ld" NM="$st/scripts/dummy-tools/nm" \
        OBJCOPY="$st/scripts/dummy-tools/objcopy" PAHOLE="$st/scripts/dummy-tools/pahole" \
        "CC_VERSION_TEXT=gcc (scripts/dummy-tools/gcc)" "$here/bin/kconfig4j" conf -s --olddefconfig Kconfig \
        </dev/null >/dev/null)
    t1=$(date +%s.%N)
    # (include/ is left: a first run writes it, as the kernel does)
    echo "$t1 - $t0" | bc
}


# Warm-up: file caches, the class-data archive, the probe cache.
one_run NR_CPUS >/dev/null
one_run NR_CPUS >/dev/null
conf_run >/dev/null
printf 'kconfig4j why, Linux 6.12 x86, Debian amd64 config, %d runs each (median wall time, probe cache warm)\n' "$runs"
: > "$work/c"
for q in NR_CPUS X86_X2APIC FW_LOADER "NR_CPUS X86_X2APIC FW_LOADER"; do
    : > "$work/t"
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        one_run $q >> "$work/t"
        conf_run >> "$work/c"
    done
    printf '  why %-30s %6.3f s\n' "$q" "$(median < "$work/t")"
done
printf '  reference: kconfig4j conf --olddefconfig  %6.3f s (same tree and config, alternating)\n' "$(median < "$work/c")"
