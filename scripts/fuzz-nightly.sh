#!/bin/sh
# The nightly fuzz run: CASES generated trees and configs (default 100000) of the four kernel
# generations, in every conf mode, some broken on purpose, each compared with the kernel's own
# conf wherever it is installed (KCONFIG4J_ORACLE, default /tmp/oracle; get it with
# shared/oracle/get-conf.sh /tmp/oracle). Compare every ORACLE_EVERY-th case only (default 1) to
# go faster. FIRST resumes at a case number; SEED (default 20261201) picks another series.
# THREADS (default 1) cases run at once. The summary and the failing cases (each re-runnable from
# its number) go to target/fuzz-nightly/.
#   scripts/fuzz-nightly.sh [CASES [ORACLE_EVERY [FIRST [SEED [THREADS]]]]]
set -eu
cd "$(dirname "$0")/.."
cases=${1:-100000}
every=${2:-1}
first=${3:-0}
seed=${4:-20261201}
threads=${5:-1}
echo "kconfig4j nightly fuzz: $cases cases from $first, seed $seed, kernel compared every $every case(s), $threads thread(s)" >&2
status=0
mvn -B -o -q test -Dtest=NightlyFuzz -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dkconfig4j.fuzz.cases="$cases" -Dkconfig4j.fuzz.oracleEvery="$every" -Dkconfig4j.fuzz.first="$first" \
    -Dkconfig4j.fuzz.seed="$seed" -Dkconfig4j.fuzz.threads="$threads" -Dkconfig4j.fuzz.out="$PWD/target/fuzz-nightly" >/dev/null 2>&1 || status=$?
cat target/fuzz-nightly/summary.txt 2>/dev/null || echo "no summary: the build failed (run mvn -o test-compile)" >&2
exit $status
