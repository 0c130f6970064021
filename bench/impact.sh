#!/bin/bash
# Side-by-side timing of `kconfig4j impact` against the kernel's own conf doing the same work:
# every 6.12 defconfig (all architectures) expanded in Linux 6.1 (`conf --defconfig`, what
# `make ARCH=... foo_defconfig` does) and carried to Linux 6.12 (`conf --olddefconfig`), in the
# golden environment (dummy tools). Prints both times and the ratio kernel / kconfig4j.
#
# usage: bench/impact.sh [SAMPLE]   (default 40: the kernel side runs SAMPLE configs spread evenly
#                                    over the corpus and is extrapolated to all of them; `all` runs
#                                    every config, which takes several minutes)
# env:   KCONFIG4J_SHARED (default ../shared), KCONFIG4J_ORACLE (dir with conf-6.1 and conf-6.12,
#        default /tmp/oracle; installed with shared/oracle/get-conf.sh when missing)
#
# kconfig4j always analyses the whole corpus (279 configs, 42 (tree, arch) parses), with
# --mitigations 0 (the kernel side has nothing like mitigations), twice: with its probe cache (the
# default; warm from the second run on) and with KCONFIG4J_PROBE_CACHE=off (every probe runs).
# The sampled kernel runs are also checked (untimed): every before and after .config must be
# byte-identical to the ones kconfig4j computes (another kconfig4j run, with --write-configs).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${KCONFIG4J_SHARED:-$here/../shared}" && pwd)
oracle=${KCONFIG4J_ORACLE:-/tmp/oracle}
sample=${1:-40}
[ -x "$oracle/conf-6.1" ] && [ -x "$oracle/conf-6.12" ] || "$shared/oracle/get-conf.sh" "$oracle" >/dev/null
[ -f "$here/target/kconfig4j.jar" ] || (cd "$here" && mvn -q -B package -DskipTests)
old=$shared/corpus/linux-6.1
new=$shared/corpus/linux-6.12
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }

# --- kconfig4j: the whole corpus ----------------------------------------------------------------
# ours_run: one analysis of the whole corpus; appends its wall time to $work/ours.times
ours_run() {
    local t0 t1
    t0=$(now)
    (cd "$work" && "$here/bin/kconfig4j" impact --before "$old" --after "$new" --arch all --mitigations 0 \
        --format json --output "$work/impact.json")
    t1=$(now)
    echo "$t1 - $t0" | bc >> "$work/ours.times"
}
total=$(cd "$new" && ls arch/*/configs/*defconfig | wc -l)
# The same with the probe cache off: every compiler probe of the 42 trees runs, as the kernel's conf
# runs its probes on every invocation.
t0=$(now)
(cd "$work" && KCONFIG4J_PROBE_CACHE=off "$here/bin/kconfig4j" impact --before "$old" --after "$new" --arch all \
    --mitigations 0 --format json --output "$work/impact-nocache.json")
t1=$(now)
ours_nocache=$(echo "$t1 - $t0" | bc)

# --- the kernel's conf: SAMPLE configs, each in a fresh object directory ----------------------
# run_conf CONF TREE ARCH KV DIR ARGS...: one conf run in the golden environment
run_conf() {
    local conf=$1 st=$2 arch=$3 kv=$4 d=$5; shift 5
    (cd "$d" && env -i PATH=/usr/bin:/bin HOME="$d" LC_ALL=C srctree="$st" ARCH="$arch" SRCARCH="$arch" SUBARCH=x86 \
        HEADER_ARCH=x86 KERNELVERSION="$kv" CC="$st/scripts/dummy-tools/gcc" LD="$st/scripts/dummy-tools/ld" \
        NM="$st/scripts/dummy-tools/nm" OBJCOPY="$st/scripts/dummy-tools/objcopy" \
        PAHOLE="$st/scripts/dummy-tools/pahole" AR=ar HOSTCC=gcc HOSTCXX=g++ CLANG_FLAGS= \
        "CC_VERSION_TEXT=gcc (scripts/dummy-tools/gcc)" PYTHON3=python3 RUSTC=rustc BINDGEN=bindgen \
        KCONFIG_CONFIG="$d/.config" KCONFIG_AUTOCONFIG="$d/include/config/auto.conf" \
        KCONFIG_AUTOHEADER="$d/include/generated/autoconf.h" KCONFIG_RUSTCCFG="$d/include/generated/rustc_cfg" \
        "$conf" -s "$@" Kconfig </dev/null >/dev/null 2>&1) || true
}

mapfile -t all < <(cd "$new" && ls arch/*/configs/*defconfig)
if [ "$sample" = all ] || [ "$sample" -ge "$total" ]; then
    picked=("${all[@]}")
else
    picked=()
    for ((i = 0; i < sample; i++)); do picked+=("${all[$((i * total / sample))]}"); done
fi
same=0
differ=()
# kconfig4j runs three times, before, halfway through and after the kernel's runs, so that both sides
# see the same machine (other load comes and goes); its median counts.
ours_run
kernel_sample=0
i=0
t0=$(now)
for rel in "${picked[@]}"; do
    i=$((i + 1))
    if [ "$i" -eq $(( (${#picked[@]} + 1) / 2 )) ]; then
        t1=$(now); kernel_sample=$(echo "$kernel_sample + $t1 - $t0" | bc)
        ours_run
        t0=$(now)
    fi
    arch=${rel#arch/}; arch=${arch%%/*}
    d=$(mktemp -d "$work/k.XXXXXX")
    src=$old/$rel; [ -f "$src" ] || src=$new/$rel
    run_conf "$oracle/conf-6.1" "$old" "$arch" 6.1.192 "$d" --defconfig="$src"
    cp "$d/.config" "$work/kernel-before.$(echo "$rel" | tr / _)"
    rm -rf "$d/include"
    run_conf "$oracle/conf-6.12" "$new" "$arch" 6.12.117 "$d" --olddefconfig
    cp "$d/.config" "$work/kernel.$(echo "$rel" | tr / _)"
    rm -rf "$d"
done
t1=$(now)
kernel_sample=$(echo "$kernel_sample + $t1 - $t0" | bc)
ours_run
ours=$(sort -n "$work/ours.times" | sed -n 2p)
timing=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['timing']; print('last run: %d trees parsed in %.1f s, %d configs evaluated in %.1f s, summed over %d threads' % (t['trees'], t['parseMillis']/1000, $total, t['evaluateMillis']/1000, t['threads']))" "$work/impact.json")
# The check: kconfig4j again (not timed) on the sampled configs' arches, writing every .config.
mkdir -p "$work/configs"
arches=$(printf '%s\n' "${picked[@]}" | cut -d/ -f2 | sort -u | paste -sd,)
(cd "$work" && "$here/bin/kconfig4j" impact --before "$old" --after "$new" --arch "$arches" --mitigations 0 \
    --format json --output "$work/check.json" --write-configs "$work/configs")
for rel in "${picked[@]}"; do
    stem=$(echo "$rel" | tr / _)
    if cmp -s "$work/kernel.$stem" "$work/configs/$stem.after" \
        && cmp -s "$work/kernel-before.$stem" "$work/configs/$stem.before"; then
        same=$((same + 1))
    else
        differ+=("$rel")
    fi
done
n=${#picked[@]}
kernel=$(echo "scale=3; $kernel_sample * $total / $n" | bc)
ratio=$(echo "scale=1; $kernel / $ours" | bc)
ratio_nocache=$(echo "scale=1; $kernel / $ours_nocache" | bc)

echo "impact analysis, Linux 6.1 -> 6.12, all $total defconfigs of 6.12 (every architecture), $(nproc) cores"
printf '  kernel conf (defconfig in 6.1 + olddefconfig in 6.12) %8.1f s' "$kernel"
if [ "$n" -lt "$total" ]; then
    printf '   (%d configs sampled in %.1f s, extrapolated to %d)\n' "$n" "$kernel_sample" "$total"
else
    echo
fi
printf '  kconfig4j impact (JVM start included), median of 3    %8.1f s   (runs: %s s; %s)\n' "$ours" \
    "$(sort -n "$work/ours.times" | awk '{printf "%s%.1f", (NR > 1 ? "/" : ""), $1}')" "$timing"
printf '  kconfig4j impact, probe cache off                     %8.1f s\n' "$ours_nocache"
echo "  ratio kernel / kconfig4j: ${ratio}x (probe cache off: ${ratio_nocache}x)"
echo "  before and after .configs identical to the kernel's: $same of $n${differ[*]:+ (different: ${differ[*]})}"
