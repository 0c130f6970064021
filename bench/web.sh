#!/bin/bash
# JMH: a change in `kconfig4j web` and its consequences reaching the page (in-process and over
# HTTP), beside a plain olddefconfig evaluation (Linux 6.12 x86, Debian's amd64 config).
# Target: under 50 ms for a change over HTTP.
# usage: bench/web.sh        env: KCONFIG4J_SHARED (default ../shared)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
java -Dkconfig4j.shared="${KCONFIG4J_SHARED:-$here/../shared}" \
    -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    org.openjdk.jmh.Main WebChangeBenchmark -jvmArgsAppend "-Dkconfig4j.shared=${KCONFIG4J_SHARED:-$here/../shared}"
