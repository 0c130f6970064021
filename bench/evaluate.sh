#!/bin/bash
# JMH: evaluating and writing one config in a running JVM once the tree is parsed
# (Linux 6.12 x86, Debian's amd64 config). Target: under 20 ms.
# usage: bench/evaluate.sh [BENCHMARK]   (default EvaluateBenchmark)   env: KCONFIG4J_SHARED (default ../shared)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
java -Dkconfig4j.shared="${KCONFIG4J_SHARED:-$here/../shared}" \
    -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    org.openjdk.jmh.Main "${1:-EvaluateBenchmark}" -jvmArgsAppend "-Dkconfig4j.shared=${KCONFIG4J_SHARED:-$here/../shared}"
