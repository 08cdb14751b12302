#!/usr/bin/env bash
# Runs the Limber benchmarks and writes docs/benchmarks.md (through report.py).
#
#   benchmarks/run.sh --quick              # ~13 min on 2 cores: 1 fork, very short iterations, H2 and PostgreSQL
#   benchmarks/run.sh                      # full: ~98 min on 2 cores, 3 forks, four databases (see the budget below)
#   benchmarks/run.sh --dry-run [--quick]  # prints the JMH runs and their estimates, runs nothing
#   benchmarks/run.sh --quick --runs 0,1   # only these runs of the mode; the report reads every result file of it
#   benchmarks/run.sh --quick --report-only   # no runs: docs/benchmarks.md again from the mode's result files
#   benchmarks/run.sh --quick -p contender=jdbc,limber   # further JMH options, added to every run
#     (W8/W9 name their contenders with -p loader=..., e.g. loader=jdbc-join,jdbc-in,limber, and
#     W10/W11 with -p reporter=..., e.g. reporter=jdbc,limber; -p contender=... leaves them alone)
#
# Results: target/jmh-<mode>-<n>.json (JMH's JSON, with -prof gc) and .log, and docs/benchmarks.md.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and, for the full run, MariaDB on
# 127.0.0.1:3306 (root, no password); database limber_bench is created if missing.
# Do not pass -jvmArgsAppend: it replaces the benchmarks' own -Xms1g -Xmx1g -Xmn256m.
#
# Time budget, measured on the 2-core machine on 2026-11-24 (shared, load ~1.5):
# - Every fork pays about O = 2.7-2.8 s besides its iterations (JVM start, dropping and seeding
#   20,000 rows, opening the contender, the Verifier, tear-down; Hibernate's forks ~2.5 s more,
#   SQLite's and MariaDB's ~0.5 s less). Measured: 21 H2 forks at -wi 3 -w 1s -i 3 -r 300ms took
#   140 s = 6.7 s a fork = 3.9 s of iterations + 2.8 s; 28 PostgreSQL write forks at
#   -wi 2 -w 1s -i 3 -r 500ms took 174 s = 6.2 s a fork = 3.5 s + 2.7 s.
# - Warm-up: H2 runs the database inside the benchmark JVM, so H2's own code is compiled too;
#   jdbc and limber settle after ~2-3 s there, PostgreSQL's client after ~1-2 s. (The peers,
#   with more code, were still getting faster on H2 after 3 s; report.py marks such figures.)
#   -Xmn256m keeps the first pass through a huge fresh young generation (page faults are slow
#   on this VM: pre-touching 1 GB took 1.8-4.3 s) from adding seconds of slow iterations to
#   every fork.
# - One database with every contender and rows 10, 100, 1,000 is 84 benchmarks (W0, W1: 2 x 7;
#   W2, W7: 2 x 3 x 7; W3-W6: 4 x 7), 252 forks at -f 3; at rows=1000 only, 56 benchmarks,
#   168 forks; SQLite with 3 contenders at rows=1000, 24 benchmarks, 72 forks.
# - W8/W9 (Relations) run on H2 and PostgreSQL: 2 workloads x 8 contenders = 16 benchmarks, 48
#   forks at -f 3. Their forks seed 11,000 rows instead of 20,000 but verify heavier queries,
#   some of them before the JIT has compiled much. O_rel ~3.5 s is an estimate, not yet measured
#   on a quiet machine: on 2026-12-03 at load ~7 (H2, -wi 0 -i 1 -r 100ms, host JVM included)
#   a fork took 3.3 s (jdbc-join), 7.5 s (jooq-multiset) and 8.7 s (hibernate-join); scaled to
#   the load at which O = 2.8 s was measured (~1.5) and averaged over the 8 contenders, ~3.5 s.
# - W10/W11 (Reports) run on H2 and PostgreSQL: 2 workloads x 5 contenders = 10 benchmarks, 30
#   forks at -f 3. Their forks seed both the book tables and the relation tables (31,000 rows)
#   and verify 8 GROUP BY and 12 page answers. O_rep ~4 s is an estimate, not yet measured on a
#   quiet machine: on 2026-12-03 at load ~7.6 the smoke run (20 forks, H2 and PostgreSQL,
#   -wi 1 -w 1s -i 2 -r 250ms) took 137 s = 6.85 s a fork = 1.5 s of iterations + 5.4 s; scaled
#   as for W8/W9, ~4 s.
# Full mode estimate (fork = iterations + O):
#   H2          252 forks x (3.0 + 0.9 + 2.8 s) = 1,688 s   28.1 min
#   PostgreSQL  252 forks x (2.0 + 1.2 + 2.8 s) = 1,512 s   25.2 min
#   MariaDB     168 forks x (2.0 + 1.2 + 2.3 s) =   924 s   15.4 min   (rows=1000 only)
#   SQLite       72 forks x (2.0 + 1.2 + 2.2 s) =   389 s    6.5 min   (rows=1000, 3 contenders)
#   W8/W9, H2    48 forks x (3.0 + 0.9 + 3.5 s) =   355 s    5.9 min
#   W8/W9, PG    48 forks x (2.0 + 1.2 + 3.5 s) =   322 s    5.4 min
#   W10/W11, H2  30 forks x (3.0 + 0.9 + 4.0 s) =   237 s    4.0 min
#   W10/W11, PG  30 forks x (2.0 + 1.2 + 4.0 s) =   216 s    3.6 min
#   Mapping       6 forks x (2.0 + 1.5 + 1.5 s) =    30 s    0.5 min
#   ColdStart    30 forks x ~2.6 s              =    78 s    1.3 min   (5 fresh JVMs x 6 contenders, H2)
#   ProcessorCost 10, 100: 3 forks x ~17 s      =    52 s    0.9 min
#   ProcessorCost 1,000: 1 fork, 1 + 2 shots with and 3 without the processor (~21 s and ~3.6 s
#                 a shot warm, ~36 s cold)     =   ~95 s    1.6 min
#   total                                        ~5,898 s   ~98.3 min
# Quick mode estimate: 112 forks (H2 and PostgreSQL, 8 workloads x 7 contenders, rows=1000) x
#   (1.0 + 0.5 + 2.75 s) = 476 s, plus W8/W9 32 forks x (1.0 + 0.5 + 3.5 s) = 160 s, plus W10/W11
#   20 forks x (1.0 + 0.5 + 4.0 s) = 110 s, plus Mapping, ColdStart and ProcessorCost ~50 s:
#   ~13.3 min. Fork overhead alone is ~112 x 2.66 s + 32 x 3.5 s + 20 x 4 s = ~8.3 min, so every
#   contender on two databases cannot fit in less on 2 cores; for a shorter check pass e.g.
#   -p contender=jdbc,limber,jdbc-tx -p loader=jdbc-join,jdbc-in,limber -p reporter=jdbc,limber.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

mode=full
dry_run=false
report_only=false
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) mode=quick; shift ;;
    --full) mode=full; shift ;;
    --dry-run) dry_run=true; shift ;;
    --report-only) report_only=true; shift ;;
    --runs) only=",$2,"; shift 2 ;;
    *) break ;;
  esac
done

workloads='Reads|Queries|Writes'
labels=()
estimates=()
runs=()
add() { labels+=("$1"); estimates+=("$2"); runs+=("$3"); }

if [[ "$mode" == quick ]]; then
  # Warm-up far too short for steady state (see the budget above): the quick figures are rough.
  timing="-f 1 -wi 1 -w 1s -i 2 -r 250ms"
  add "H2, every contender, rows=1000"         240 "$workloads $timing -p database=h2 -p rows=1000"
  add "PostgreSQL, every contender, rows=1000" 240 "$workloads $timing -p database=postgresql -p rows=1000"
  add "Mapping"                                  8 "Mapping -f 1 -wi 1 -w 1s -i 2 -r 500ms"
  add "ColdStart, H2, 2 fresh JVMs each"        31 "ColdStart -f 2 -p database=h2"
  add "ProcessorCost, 10 models"                10 "ProcessorCost -f 1 -wi 2 -i 3 -p models=10"
  # W8/W9 last, so that the run numbers above stay what they were before relations came.
  add "W8/W9 relations, H2, every contender"         80 "Relations $timing -p database=h2"
  add "W8/W9 relations, PostgreSQL, every contender" 80 "Relations $timing -p database=postgresql"
  # W10/W11 after them, for the same reason: 10 forks x (1.5 s + ~4 s) each.
  add "W10/W11 reports, H2, every contender"         55 "Reports $timing -p database=h2"
  add "W10/W11 reports, PostgreSQL, every contender" 55 "Reports $timing -p database=postgresql"
else
  h2_timing="-f 3 -wi 3 -w 1s -i 3 -r 300ms"
  timing="-f 3 -wi 2 -w 1s -i 3 -r 400ms"
  add "H2, every contender, rows 10/100/1000"         1688 "$workloads $h2_timing -p database=h2"
  add "PostgreSQL, every contender, rows 10/100/1000" 1512 "$workloads $timing -p database=postgresql"
  # MariaDB: every contender passes the Verifier there (checked 2026-11-24); the whole rows range
  # does not fit the budget, so rows=1000 only.
  add "MariaDB, every contender, rows=1000"            924 "$workloads $timing -p database=mariadb -p rows=1000"
  # SQLite: jdbc, limber and the jdbc-tx control only. SQLite has no date or decimal types; jOOQ
  # and JDBI each write their own text or number encodings of them (not the data the others
  # read), and Hibernate has no SQLite dialect in hibernate-core.
  add "SQLite, jdbc/limber/jdbc-tx, rows=1000"         389 "$workloads $timing -p database=sqlite -p contender=jdbc,limber,jdbc-tx -p rows=1000"
  add "Mapping"                                         30 "Mapping -f 3 -wi 2 -w 1s -i 3 -r 500ms"
  add "ColdStart, H2, 5 fresh JVMs each"                78 "ColdStart -f 5 -p database=h2"
  add "ProcessorCost, 10 and 100 models"                52 "ProcessorCost -f 3 -wi 2 -i 3 -p models=10,100"
  add "ProcessorCost, 1,000 models"                     95 "ProcessorCost -f 1 -wi 1 -i 2 -p models=1000"
  # W8/W9 on H2 and PostgreSQL, every relation contender; last, so that the run numbers above
  # stay what they were before relations came.
  add "W8/W9 relations, H2, every contender"           355 "Relations $h2_timing -p database=h2"
  add "W8/W9 relations, PostgreSQL, every contender"   322 "Relations $timing -p database=postgresql"
  # W10/W11 on H2 and PostgreSQL, every report contender; last, for the same reason.
  add "W10/W11 reports, H2, every contender"           237 "Reports $h2_timing -p database=h2"
  add "W10/W11 reports, PostgreSQL, every contender"   216 "Reports $timing -p database=postgresql"
fi

$report_only && only=",none,"
total_estimate=0
for i in "${!runs[@]}"; do
  if [[ -z "$only" || "$only" == *",$i,"* ]]; then
    total_estimate=$((total_estimate + estimates[i]))
  fi
done

if $dry_run; then
  for i in "${!runs[@]}"; do
    if [[ -z "$only" || "$only" == *",$i,"* ]]; then
      # shellcheck disable=SC2206
      args=(${runs[$i]})
      printf 'run %d (~%d min %02d s) %s:\n  java -jar target/benchmarks.jar '\''%s'\'' %s -prof gc %s\n' \
        "$i" $((estimates[i] / 60)) $((estimates[i] % 60)) "${labels[$i]}" "${args[0]}" "${args[*]:1}" "$*"
    fi
  done
  echo "estimated total: ~$((total_estimate / 60)) min $((total_estimate % 60)) s"
  exit 0
fi

jar=target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  (cd .. && mvn -B -o -q -pl benchmarks package -DskipTests) || exit 1
fi

if [[ -z "$only" ]]; then
  rm -f target/jmh-"$mode"-*.json target/jmh-"$mode"-*.log
fi

stamp() { date -u '+%H:%M:%S UTC'; }
started=$(date +%s)
$report_only || echo "[$(stamp)] $mode mode: ${#runs[@]} runs, estimated ~$((total_estimate / 60)) min"
failures=0
for i in "${!runs[@]}"; do
  if [[ -n "$only" && "$only" != *",$i,"* ]]; then
    continue
  fi
  result="target/jmh-$mode-$i.json"
  log="target/jmh-$mode-$i.log"
  # shellcheck disable=SC2206 # each run line is meant to split into words
  args=(${runs[$i]})
  run_start=$(date +%s)
  echo "[$(stamp)] run $i start: ${labels[$i]} (estimated ~$((estimates[i] / 60)) min $((estimates[i] % 60)) s)"
  java -jar "$jar" "${args[@]}" -prof gc -rf json -rff "$result" "$@" > "$log" 2>&1
  status=$?
  failed=$(grep -c '<failure>' "$log")
  elapsed=$(($(date +%s) - run_start))
  echo "[$(stamp)] run $i end:   ${labels[$i]}: $((elapsed / 60)) min $((elapsed % 60)) s, exit $status, $failed failed benchmark(s) (log: benchmarks/$log)"
  if [[ $status -ne 0 || $failed -ne 0 ]]; then
    failures=$((failures + 1))
  fi
done
elapsed=$(($(date +%s) - started))
$report_only || echo "[$(stamp)] all runs done in $((elapsed / 60)) min $((elapsed % 60)) s"

shopt -s nullglob
results=(target/jmh-"$mode"-*.json)
if [[ ${#results[@]} -eq 0 ]]; then
  echo "no results to report" >&2
  exit 1
fi
command="benchmarks/run.sh"
[[ "$mode" == quick ]] && command+=" --quick"
[[ $# -gt 0 ]] && command+=" $*"
revision="$(git -C .. log -1 --format='%h (%cs)' 2>/dev/null || true)"
if [[ -n "$revision" && -n "$(git -C .. status --porcelain -- . ':(exclude)docs/benchmarks.md' 2>/dev/null)" ]]; then
  revision+=", with uncommitted changes"
fi
python3 report.py "${results[@]}" --mode "$mode" --command "$command" --revision "$revision" \
  --note "2 cores shared with other builds; compare ratios within one run only" > ../docs/benchmarks.md || exit 1
echo "wrote $(cd .. && pwd)/docs/benchmarks.md"
if [[ $failures -ne 0 ]]; then
  echo "$failures run(s) had failures: see the logs above" >&2
  exit 1
fi
