#!/usr/bin/env bash
# Whole-process times of `compute --kappa 8` beside FLINT's Dixon solver (../shared/bench/flint, a yardstick) and a
# plain Python fractions implementation (src/bench/python/fractions_floor.py, the floor), on the same seeded
# instances of one bench family. Minimum of RUNS runs; peak resident memory of the fastest run.
#
#   src/bench/side-by-side.sh [generic|dyadic] [FROM] [TO]      (after mvn package)
#   FLINT_DIR=/path/with/flint_stat-and-conv.py   RUNS=3   PYTHON_TO=6   (environment, optional)
#
# FLINT's program computes the kernel and the two solves; Python the same; compute every reference@1 field.
set -euo pipefail
family=${1:-generic}; from=${2:-6}; to=${3:-9}
runs=${RUNS:-3}; python_to=${PYTHON_TO:-6}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/target/locality-check.jar"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
java -jar "$jar" bench --family "$family" --from "$from" --to "$to" --save "$work" > /dev/null
best() { # command... -> "seconds peakKiB" of the fastest of $runs runs
  local bt="" bm=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" > "$work/out" 2> /dev/null
    read -r t m < "$work/t"
    if [ -z "$bt" ] || awk "BEGIN{exit !($t < $bt)}"; then bt=$t; bm=$m; fi
  done
  echo "$bt $bm"
}
echo "| n | joint states | compute s | compute MiB | FLINT s | FLINT MiB | compute / FLINT | Python s | Python / compute |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in $(seq "$from" "$to"); do
  inst=$(ls "$work"/dense-*-n"$n"-seed1.json)
  read -r ct cm <<< "$(best java -jar "$jar" compute --instance "$inst" --kappa 8)"
  java -jar "$jar" compute --instance "$inst" --kappa 8 > "$work/jar.json"
  ft="-"; fm="-"; fr="-"
  if [ -n "${FLINT_DIR:-}" ]; then
    python3 "$FLINT_DIR/conv.py" "$inst" "$work/inst.txt"
    read -r ft fm <<< "$(best "$FLINT_DIR/flint_stat" "$work/inst.txt" "$work/flint.txt")"
    python3 "$FLINT_DIR/verify.py" "$work/jar.json" "$work/flint.txt" > /dev/null || { echo "n=$n: FLINT and compute differ" >&2; exit 1; }
    fm=$((fm / 1024)); fr=$(awk "BEGIN{if ($ft > 0) printf \"%.1f\", $ct / $ft; else print \"-\"}")
  fi
  pt="-"; pr="-"
  if [ "$n" -le "$python_to" ]; then
    python3 "$here/src/bench/python/fractions_floor.py" "$inst" "$work/jar.json" > "$work/py.txt" \
      || { echo "n=$n: Python and compute differ" >&2; exit 1; }
    read -r pt _ <<< "$(RUNS=1 best python3 "$here/src/bench/python/fractions_floor.py" "$inst")"
    pr=$(awk "BEGIN{printf \"%.0f\", $pt / $ct}")
  fi
  echo "| $n | $((2 ** n)) | $ct | $((cm / 1024)) | $ft | $fm | $fr | $pt | $pr |"
done
