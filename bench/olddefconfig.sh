#!/bin/bash
# Side-by-side timing of `conf --olddefconfig` (and of `kconfig4j upgrade`) on Linux 6.12 / x86 with Debian's amd64 config,
# in the golden environment: the kernel's own conf against bin/kconfig4j, alternating, several
# runs each; prints the medians and the ratio kconfig4j / kernel (below 1.0: kconfig4j faster).
#
# usage: bench/olddefconfig.sh [RUNS]        (default 7)
# env:   KCONFIG4J_SHARED (default ../shared), KCONFIG4J_ORACLE (dir with conf-6.12, default
#        /tmp/oracle; installed with shared/oracle/get-conf.sh when missing)
#
# Two kconfig4j figures: with the probe cache warm (the default: the ~107 compiler probes of the
# tree are not run again while the compiler and environment are unchanged) and with it off
# (KCONFIG4J_PROBE_CACHE=off: every probe runs, as the kernel's conf does every time).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${KCONFIG4J_SHARED:-$here/../shared}" && pwd)
oracle=${KCONFIG4J_ORACLE:-/tmp/oracle}
runs=${1:-7}
[ -x "$oracle/conf-6.12" ] || "$shared/oracle/get-conf.sh" "$oracle" >/dev/null
[ -f "$here/target/kconfig4j.jar" ] || (cd "$here" && mvn -q -B package -DskipTests)
st=$shared/corpus/linux-6.12
input=$shared/corpus/configs/debian-6.12-amd64.config
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one_run DIR COMMAND...: prints the wall time in seconds of one olddefconfig in DIR
one_run() {
    local d=$1; shift
    cp "$input" "$d/.config"
    local t0 t1
    t0=$(date +%s.%N)
    (cd "$d" && env -i PATH=/usr/bin:/bin HOME="$d" LC_ALL=C srctree="$st" ARCH=x86 SRCARCH=x86 SUBARCH=x86 \
        HEADER_ARCH=x86 KERNELVERSION=6.12.117 CC="$st/scripts/dummy-tools/gcc" LD="$st/scripts/dummy-tools/ld" \
        NM="$st/scripts/dummy-tools/nm" OBJCOPY="$st/scripts/dummy-tools/objcopy" \
        PAHOLE="$st/scripts/dummy-tools/pahole" AR=ar HOSTCC=gcc HOSTCXX=g++ CLANG_FLAGS= \
        "CC_VERSION_TEXT=gcc (scripts/dummy-tools/gcc)" PYTHON3=python3 RUSTC=rustc BINDGEN=bindgen \
        KCONFIG_CONFIG="$d/.config" KCONFIG_AUTOCONFIG="$d/include/config/auto.conf" \
        KCONFIG_AUTOHEADER="$d/include/generated/autoconf.h" KCONFIG_RUSTCCFG="$d/include/generated/rustc_cfg" \
        "$@" -s --olddefconfig Kconfig </dev/null >/dev/null)
    t1=$(date +%s.%N)
    rm -rf "$d/include"
    echo "$t1 - $t0" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# upgrade_run: the upgrade report for Debian's 6.1 config on the 6.12 tree (issue: <= 2x conf)
upgrade_run() {
    local t0 t1
    t0=$(date +%s.%N)
    env -i PATH=/usr/bin:/bin HOME="$work/u" "$here/bin/kconfig4j" upgrade --config "$shared/corpus/configs/debian-6.1-amd64.config" \
        --srctree "$st" --arch x86 --dummy-tools --fail-on never >/dev/null
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc
}

mkdir -p "$work/k" "$work/j" "$work/c" "$work/u"
# Warm-up: file caches, the class-data archive, the probe cache.
one_run "$work/k" "$oracle/conf-6.12" >/dev/null
one_run "$work/j" "$here/bin/kconfig4j" conf >/dev/null
one_run "$work/c" env KCONFIG4J_PROBE_CACHE=off "$here/bin/kconfig4j" conf >/dev/null
upgrade_run >/dev/null
: > "$work/k.t"; : > "$work/j.t"; : > "$work/c.t"; : > "$work/u.t"
for _ in $(seq "$runs"); do
    one_run "$work/k" "$oracle/conf-6.12" >> "$work/k.t"
    one_run "$work/j" "$here/bin/kconfig4j" conf >> "$work/j.t"
    one_run "$work/c" env KCONFIG4J_PROBE_CACHE=off "$here/bin/kconfig4j" conf >> "$work/c.t"
    upgrade_run >> "$work/u.t"
done
cmp -s "$work/k/.config" "$work/j/.config" || { echo "outputs differ!" >&2; exit 1; }
k=$(median < "$work/k.t"); j=$(median < "$work/j.t"); c=$(median < "$work/c.t"); u=$(median < "$work/u.t")
printf 'olddefconfig, Linux 6.12 x86, Debian amd64 config, %d runs each (median wall time)\n' "$runs"
printf '  kernel conf-6.12                 %6.3f s\n' "$k"
printf '  kconfig4j (probe cache warm)     %6.3f s   ratio %.2f\n' "$j" "$(echo "$j / $k" | bc -l)"
printf '  kconfig4j (probe cache off)      %6.3f s   ratio %.2f\n' "$c" "$(echo "$c / $k" | bc -l)"
printf 'upgrade report, Debian 6.1 amd64 config -> Linux 6.12 (same machine, probe cache warm)\n'
printf '  kconfig4j upgrade                %6.3f s   ratio %.2f to the kernel conf above\n' "$u" "$(echo "$u / $k" | bc -l)"
