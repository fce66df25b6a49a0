#!/usr/bin/env bash
# Whole-process times of `compute --kappa 8` for several builds of the jar on one instance, run alternately (so the
# machine's load drifts over all of them alike); prints the minimum and the median per jar, and each run.
#
#   src/bench/alternate.sh RUNS INSTANCE.json JAR...
#   e.g. git stash; mvn -q -DskipTests package; cp target/locality-check.jar /tmp/old.jar; git stash pop; ...
#        java -jar target/locality-check.jar bench --family generic --from 8 --to 8 --save /tmp/inst
#        src/bench/alternate.sh 5 /tmp/inst/dense-generic-n8-seed1.json /tmp/old.jar target/locality-check.jar
set -euo pipefail
runs=$1; inst=$2; shift 2
t=$(mktemp); trap 'rm -f "$t"' EXIT
declare -A all
for _ in $(seq "$runs"); do
  for jar in "$@"; do
    /usr/bin/time -f "%e" -o "$t" java -jar "$jar" compute --instance "$inst" --kappa 8 > /dev/null 2>&1
    all[$jar]="${all[$jar]:-} $(cat "$t")"
  done
done
for jar in "$@"; do
  echo "$jar: $(echo ${all[$jar]} | tr ' ' '\n' | sort -n \
    | awk '{a[NR] = $1} END {printf "min %s s, median %s s of %d runs", a[1], a[int((NR + 1) / 2)], NR}') (${all[$jar]# })"
done
