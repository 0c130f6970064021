#!/bin/bash
# Runs one golden case (an id from ../shared/golden/cases.tsv) with bin/kconfig4j in the case's
# exact environment and diffs the result with the expected files. For debugging; the
# conformance test suite does the same in-process for every case.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${KCONFIG4J_SHARED:-$here/../shared}
id=$1
tool=${2:-$here/bin/kconfig4j}
line=$(awk -F'\t' -v id="$id" '$1==id' "$shared/golden/cases.tsv")
[ -n "$line" ] || { echo "no case $id" >&2; exit 2; }
IFS=$'\t' read -r cid tree arch args input envs outputs <<<"$line"
srctree=$(cd "$shared/$tree" && pwd)
out=$(mktemp -d)
case $tree in *5.10) kv=5.10.262;; *6.1) kv=6.1.192;; *6.12) kv=6.12.117;; *7.3) kv=7.3.4;; esac
if [ "$input" != "-" ]; then
    case $input in *.gz) zcat "$shared/$input" > "$out/.config";; *) cp "$shared/$input" "$out/.config";; esac
fi
args=${args//\$\{srctree\}/$srctree}; args=${args//\$\{out\}/$out}
extra=()
if [ "$envs" != "-" ]; then
    envs=${envs//\$\{srctree\}/$srctree}; envs=${envs//\$\{out\}/$out}
    read -r -a extra <<<"$envs"
fi
cd "$out"
env -i PATH=/usr/bin:/bin HOME="$out" LC_ALL=C srctree="$srctree" ARCH="$arch" SRCARCH="$arch" SUBARCH=x86 HEADER_ARCH=x86 \
  KERNELVERSION=$kv CC="$srctree/scripts/dummy-tools/gcc" LD="$srctree/scripts/dummy-tools/ld" \
  NM="$srctree/scripts/dummy-tools/nm" OBJCOPY="$srctree/scripts/dummy-tools/objcopy" \
  PAHOLE="$srctree/scripts/dummy-tools/pahole" AR=ar HOSTCC=gcc HOSTCXX=g++ CLANG_FLAGS= \
  "CC_VERSION_TEXT=gcc (scripts/dummy-tools/gcc)" PYTHON3=python3 RUSTC=rustc BINDGEN=bindgen \
  KCONFIG_CONFIG="$out/.config" KCONFIG_AUTOCONFIG="$out/include/config/auto.conf" \
  KCONFIG_AUTOHEADER="$out/include/generated/autoconf.h" KCONFIG_RUSTCCFG="$out/include/generated/rustc_cfg" \
  ${KCONFIG4J_JAVA_OPTS:+KCONFIG4J_JAVA_OPTS="$KCONFIG4J_JAVA_OPTS"} \
  "${extra[@]}" "$tool" $( [[ $tool == *kconfig4j ]] && echo conf ) -s $args Kconfig </dev/null >"$out/stdout.txt" 2>"$out/stderr.txt"
rc=$?
exp=$shared/golden/$cid
echo "exit: $rc (expected $(cat "$exp/exit"))"
for o in ${outputs//,/ }; do
    case $o in
        config) f=$out/.config;; defconfig) f=$out/defconfig;; auto.conf) f=$out/include/config/auto.conf;;
        autoconf.h) f=$out/include/generated/autoconf.h;; rustc_cfg) f=$out/include/generated/rustc_cfg;;
        stdout) f=$out/stdout.txt;;
    esac
    if [ "$o" = stdout ]; then
        sed "s#$srctree#\${srctree}#g; s#$out#\${out}#g" "$f" > "$out/stdout.norm"
        diff "$exp/expected.stdout" "$out/stdout.norm" > "$out/diff.$o" && echo "$o: identical" || echo "$o: DIFFERENT ($(wc -l < "$out/diff.$o") diff lines, $out/diff.$o)"
    else
        zcat "$exp/expected.$o.gz" | diff - "$f" > "$out/diff.$o" && echo "$o: identical" || echo "$o: DIFFERENT ($(wc -l < "$out/diff.$o") diff lines, $out/diff.$o)"
    fi
done
echo "stderr: $out/stderr.txt ($(wc -l < "$out/stderr.txt") lines; expected $(wc -l < "$exp/stderr.log"))"
