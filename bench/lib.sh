# Shared by the bench/ scripts (sourced; expects $shared, and $work for col).

# conf_env TREE: the golden environment of TREE (6.12 or 7.3) on x86, one NAME=VALUE per line
# (dummy tools; 7.3 with KERNELVERSION=7.3.4 PAHOLE_VERSION=9999 RUSTC_VERSION_TEXT= as the golden
# README says).
conf_env() {
    local st=$shared/corpus/linux-$1
    printf '%s\n' PATH=/usr/bin:/bin LC_ALL=C srctree="$st" ARCH=x86 SRCARCH=x86 SUBARCH=x86 HEADER_ARCH=x86 \
        CC="$st/scripts/dummy-tools/gcc" LD="$st/scripts/dummy-tools/ld" NM="$st/scripts/dummy-tools/nm" \
        OBJCOPY="$st/scripts/dummy-tools/objcopy" PAHOLE="$st/scripts/dummy-tools/pahole" AR=ar HOSTCC=gcc \
        HOSTCXX=g++ CLANG_FLAGS= "CC_VERSION_TEXT=gcc (scripts/dummy-tools/gcc)" PYTHON3=python3 RUSTC=rustc \
        BINDGEN=bindgen
    case $1 in
        7.3) printf '%s\n' KERNELVERSION=7.3.4 PAHOLE_VERSION=9999 RUSTC_VERSION_TEXT= ;;
        6.12) printf '%s\n' KERNELVERSION=6.12.117 ;;
    esac
}

# median: the median of the numbers on standard input, one per line
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# col LABEL N: the median of column N of $work/LABEL.t
col() { awk -v c="$2" '{print $c}' "$work/$1.t" | median; }

# bench_start [TREE...]: what every script does first (after setting $here): $shared and $oracle
# from KCONFIG4J_SHARED and KCONFIG4J_ORACLE, the kernel's conf of each TREE installed when missing,
# the jar built when missing, and $work (with $work/home), removed at exit.
bench_start() {
    shared=$(cd "${KCONFIG4J_SHARED:-$here/../shared}" && pwd)
    oracle=${KCONFIG4J_ORACLE:-/tmp/oracle}
    local t
    for t in "$@"; do [ -x "$oracle/conf-$t" ] || "$shared/oracle/get-conf.sh" "$oracle" >/dev/null; done
    [ -f "$here/target/kconfig4j.jar" ] || (cd "$here" && mvn -q -B package -DskipTests)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/home"
}

# need_time: stops unless /usr/bin/time is installed
need_time() { [ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }; }

# timed TREE DIR LABEL COMMAND...: COMMAND in the object directory DIR with TREE's golden
# environment (conf_env; KCONFIG_CONFIG and the other outputs in DIR; HOME=$work/home), standard
# input empty and output discarded, under /usr/bin/time; appends "wall cpu peakKiB" to
# $work/LABEL.t (cpu: user + system, children included).
timed() {
    local tree=$1 d=$2 label=$3
    shift 3
    local -a env
    mapfile -t env < <(conf_env "$tree")
    (cd "$d" && /usr/bin/time -o "$work/time.out" -f '%e %U %S %M' env -i "${env[@]}" HOME="$work/home" \
        KCONFIG_CONFIG="$d/.config" KCONFIG_AUTOCONFIG="$d/include/config/auto.conf" \
        KCONFIG_AUTOHEADER="$d/include/generated/autoconf.h" KCONFIG_RUSTCCFG="$d/include/generated/rustc_cfg" \
        "$@" </dev/null >/dev/null)
    awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$work/time.out" >> "$work/$label.t"
}
