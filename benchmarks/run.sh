#!/usr/bin/env bash
# Runs the Limber benchmarks and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh --quick    # ~15 min on 2 cores: 1 fork, short iterations, H2 and PostgreSQL, 1,000 rows
#   benchmarks/run.sh            # full: 3 forks, 5 x 2 s warm-up and measurement, every parameter (hours)
#   benchmarks/run.sh --quick -p contender=jdbc,limber   # further JMH options, added to every run
#
# Results: target/jmh-result-*.json (JMH's JSON, with -prof gc) and RESULTS.md, made by report.py.
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

# One JMH run per line. SQLite runs apart, with JDBC and Limber only: jOOQ and JDBI write their
# own SQLite encodings of dates and decimals (not the data the others read) and Hibernate has no
# SQLite dialect in core.
workloads='Reads|Queries|Writes'
if [[ "$mode" == quick ]]; then
  # Warm-up long enough for PostgreSQL to server-prepare (5th execution) and C2 to compile the
  # hot paths; about 15 minutes on 2 cores.
  timing="-f 1 -wi 2 -w 1s -i 2 -r 1s"
  runs=("$workloads $timing -p database=h2,postgresql -p rows=1000"
        "Mapping -f 1 -wi 3 -w 1s -i 3 -r 1s"
        "ColdStart -f 3"
        "ProcessorCost -wi 2 -i 3 -p models=10,100")
else
  timing="-f 3 -wi 5 -w 2s -i 5 -r 2s"
  runs=("$workloads $timing -p database=h2,postgresql,mariadb"
        "$workloads $timing -p database=sqlite -p contender=jdbc,limber,jdbc-tx"
        "Mapping"
        "ColdStart -f 10 -p database=h2,postgresql"
        "ProcessorCost")
fi

results=()
for i in "${!runs[@]}"; do
  result="target/jmh-result-$i.json"
  # shellcheck disable=SC2206 # each run line is meant to split into words
  args=(${runs[$i]})
  java -jar "$jar" "${args[@]}" -prof gc -rf json -rff "$result" "$@"
  results+=("$result")
done

python3 report.py "${results[@]}" --mode "$mode" \
  --note "2 noisy cores shared with other builds; compare ratios within one run only" > RESULTS.md
echo "wrote $here/RESULTS.md"
