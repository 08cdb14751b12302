#!/usr/bin/env bash
# Runs the Limber benchmarks and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh --quick     # a few minutes: 1 fork, short iterations, a subset of parameters
#   benchmarks/run.sh             # full: 3 forks, 5 x 2 s warm-up and measurement, every parameter
#   benchmarks/run.sh --quick 'Reads'     # extra arguments go to JMH (a benchmark regex, -p ...)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and, for the full run, MariaDB on
# 127.0.0.1:3306 (root, no password); database limber_bench is created if missing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

mode=full
if [[ "${1:-}" == "--quick" ]]; then
  mode=quick
  shift
fi

jar=target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  (cd .. && mvn -B -o -q -pl benchmarks package -DskipTests)
fi

if [[ "$mode" == quick ]]; then
  # Warm-up still long enough for PostgreSQL to switch to server-prepared statements (5th execution)
  # and for C2 to compile the hot paths of every library.
  jmh=(-f 1 -wi 3 -w 1s -i 3 -r 1s
       -p database=h2,postgresql
       -p rows=1000)
else
  jmh=(-f 3 -wi 5 -w 2s -i 5 -r 2s)
fi

result=target/jmh-result.json
java -jar "$jar" "${jmh[@]}" -prof gc -rf json -rff "$result" "$@"
python3 report.py "$result" --mode "$mode" \
  --note "2 noisy cores shared with other builds; compare ratios within one run only" > RESULTS.md
echo "wrote $here/RESULTS.md"
