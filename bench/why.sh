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
# then all three in one run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${KCONFIG4J_SHARED:-$here/../shared}" && pwd)
runs=${1:-7}
[ -f "$here/target/kconfig4j.jar" ] || (cd "$here" && mvn -q -B package -DskipTests)
st=$shared/corpus/linux-6.12
input=$shared/corpus/configs/debian-6.12-amd64.config
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one_run SYMBOL...: prints the wall time in seconds of one `why`
one_run() {
    local t0 t1
    t0=$(date +%s.%N)
    (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" "$here/bin/kconfig4j" why --srctree "$st" --arch x86 \
        --dummy-tools --config "$input" "$@" >/dev/null)
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Warm-up: file caches, the class-data archive, the probe cache.
one_run NR_CPUS >/dev/null
one_run NR_CPUS >/dev/null
printf 'kconfig4j why, Linux 6.12 x86, Debian amd64 config, %d runs each (median wall time, probe cache warm)\n' "$runs"
for q in NR_CPUS X86_X2APIC FW_LOADER "NR_CPUS X86_X2APIC FW_LOADER"; do
    : > "$work/t"
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        one_run $q >> "$work/t"
    done
    printf '  why %-30s %6.3f s\n' "$q" "$(median < "$work/t")"
done
