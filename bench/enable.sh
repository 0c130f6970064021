#!/bin/bash
# Wall time of `kconfig4j enable` (whole process: JVM start, tree load, solve, verification) on
# Linux 6.12 / x86 with Debian's amd64 config, for a few typical symbols; several runs each,
# median printed. Also checks every answer with the kernel's own conf: the config with the
# answer's lines appended, run through `conf-6.12 --olddefconfig`, must give the requested value.
#
# usage: bench/enable.sh [RUNS] [SYMBOL...]   (default 5 runs; a built-in list of symbols)
# env:   KCONFIG4J_SHARED (default ../shared), KCONFIG4J_ORACLE (dir with conf-6.12, default /tmp/oracle)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/lib.sh"
runs=${1:-5}
shift || true
symbols=("$@")
[ ${#symbols[@]} -gt 0 ] || symbols=(BTRFS_DEBUG USB_SERIAL_SIMPLE=y INTERCONNECT_IMX8MQ KASAN PREEMPT_NONE NET_9P=n)
bench_start 6.12
st=$shared/corpus/linux-6.12
input=$shared/corpus/configs/debian-6.12-amd64.config


enable_run() {
    local t0 t1
    t0=$(date +%s.%N)
    env -i PATH=/usr/bin:/bin HOME="$work/h" "$here/bin/kconfig4j" enable "$1" --config "$input" \
        --srctree "$st" --arch x86 --dummy-tools --format json --write "$work/result.config" > "$work/answer.json" || true
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc
}

# kernel_check SPEC: the answer's lines appended to the input, olddefconfig by the kernel's conf.
kernel_check() {
    local spec=$1 name=${1%%=*} d="$work/k"
    rm -rf "$d"; mkdir -p "$d"
    cp "$input" "$d/.config"
    python3 -c 'import json,sys; [print(a["line"]) for a in json.load(open(sys.argv[1])).get("assignments",[])]' \
        "$work/answer.json" >> "$d/.config"
    (cd "$d" && env -i PATH=/usr/bin:/bin HOME="$d" LC_ALL=C srctree="$st" ARCH=x86 SRCARCH=x86 SUBARCH=x86 \
        HEADER_ARCH=x86 KERNELVERSION=6.12.117 CC="$st/scripts/dummy-tools/gcc" LD="$st/scripts/dummy-tools/ld" \
        NM="$st/scripts/dummy-tools/nm" OBJCOPY="$st/scripts/dummy-tools/objcopy" \
        PAHOLE="$st/scripts/dummy-tools/pahole" AR=ar HOSTCC=gcc HOSTCXX=g++ CLANG_FLAGS= \
        "CC_VERSION_TEXT=gcc (scripts/dummy-tools/gcc)" PYTHON3=python3 RUSTC=rustc BINDGEN=bindgen \
        KCONFIG_CONFIG="$d/.config" "$oracle/conf-6.12" -s --olddefconfig Kconfig </dev/null >/dev/null 2>&1)
    if cmp -s "$d/.config" "$work/result.config"; then echo "kernel agrees (identical .config)"; else echo "KERNEL DIFFERS"; fi
}

mkdir -p "$work/h"
enable_run "${symbols[0]}" >/dev/null   # warm-up: class-data archive, probe cache
printf 'kconfig4j enable, Linux 6.12 x86, Debian amd64 config, %d runs each (median wall time)\n' "$runs"
for s in "${symbols[@]}"; do
    : > "$work/t"
    for _ in $(seq "$runs"); do enable_run "$s" >> "$work/t"; done
    lines=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print("solved, %d line(s), solver %d ms" % (len(a["assignments"]), a["millis"]) if a["solved"] else "no solution")' "$work/answer.json")
    check=$(grep -q '"solved" : true' "$work/answer.json" && kernel_check "$s" || echo "-")
    printf '  %-28s %6.2f s   %s; %s\n' "$s" "$(median < "$work/t")" "$lines" "$check"
done
