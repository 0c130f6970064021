#!/bin/bash
# JMH: a change in `kconfig4j web` and its consequences reaching the page (in-process and over
# HTTP), beside a plain olddefconfig evaluation (Linux 6.12 x86, Debian's amd64 config); the setup
# also prints how long a cold server takes for the first page. Targets: a change under 50 ms, the
# first page under 1 s.
# usage: bench/web.sh        env: KCONFIG4J_SHARED (default ../shared)
exec "$(dirname "$0")/evaluate.sh" WebChangeBenchmark
