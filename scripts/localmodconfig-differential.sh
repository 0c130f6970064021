#!/bin/sh
# localmodconfig/localyesconfig against the kernel's streamline_config.pl (perl) and conf, over
# many generated lsmod listings on the 6.12 and 7.3 trees. Needs perl, ../shared and the kernel's
# conf (KCONFIG4J_ORACLE, default /tmp/oracle).
#   scripts/localmodconfig-differential.sh [LISTS_PER_CASE] [conf|script] [SEED]
# "script" compares only the script stage (much faster); "conf" (default) also the final config.
here=$(cd "$(dirname "$0")/.." && pwd)
lists=${1:-100}
stage=${2:-conf}
[ "$stage" = script ] && conf=false || conf=true
cd "$here" && exec mvn -B -o -q test -Dtest=LocalModConfigDifferentialTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkconfig4j.localmodconfig.lists="$lists" -Dkconfig4j.localmodconfig.conf="$conf" \
    -Dkconfig4j.localmodconfig.seed="${3:-20261201}"
