#!/usr/bin/env python3
"""Turns JMH's JSON results (-rf json, ideally with -prof gc) into benchmarks/RESULTS.md.

Only ratios measured in the same run mean anything here: every figure is set beside hand-written
JDBC on the same database, in the same run. Standard library only.

    python3 report.py target/jmh-result-*.json --mode quick > RESULTS.md
"""

import argparse
import datetime
import json
import math
import os
import platform
import sys

CONTENDERS = ["jdbc", "limber", "hibernate", "jooq", "jdbi", "jdbi-bean", "jdbc-tx"]
DATABASES = ["h2", "postgresql", "sqlite", "mariadb"]
DATABASE_NAMES = {"h2": "H2 (in-memory)", "postgresql": "PostgreSQL 15 (127.0.0.1)",
                  "sqlite": "SQLite (file)", "mariadb": "MariaDB 10.11 (127.0.0.1)"}

# method name -> (order, label); W2 and W7 also carry the rows parameter.
WORKLOADS = {
    "w0SelectOne": (0, "W0 SELECT 1"),
    "w1FindById": (1, "W1 find by id"),
    "w2Query": (2, "W2 query, {rows} rows"),
    "w3Insert": (3, "W3 insert, key back"),
    "w4InsertBatch": (4, "W4 insert 1,000 (batch, 1 tx)"),
    "w5UpdateById": (5, "W5 update by id"),
    "w6SoftDeleteById": (6, "W6 soft delete by id"),
    "w7SoftDeleteFiltered": (7, "W7 live query, {rows} rows"),
}

LIMBER_TARGET = 1.05

# jdbc-tx is not a contender: the baseline reading inside a transaction, as a Limber session does.
LABELS = {"jdbc-tx": "jdbc-tx (control)"}


def load(paths):
    runs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            runs.extend(json.load(f))
    results = {}
    extras = {"cold": {}, "processor": {}, "mapping": {}}
    meta = None
    for run in runs:
        method = run["benchmark"].rsplit(".", 1)[1]
        params = run.get("params", {})
        metric = run["primaryMetric"]
        if method == "firstQuery":
            extras["cold"][(params["database"], params["contender"])] = (metric, run["forks"])
            continue
        if method == "map1000Rows":
            alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            extras["mapping"][params["mapper"]] = (metric, alloc["score"] if alloc else None)
            continue
        if method == "compile":
            extras["processor"][(int(params["models"]), params["processor"] == "true")] = (metric, run)
            continue
        if method not in WORKLOADS:
            continue
        order, label = WORKLOADS[method]
        rows = params.get("rows")
        key = (order, int(rows) if rows and "{rows}" in label else 0)
        label = label.format(rows=rows)
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        results[(params["database"], key, params["contender"])] = {
            "label": label,
            "score": metric["score"],
            "error": metric.get("scoreError"),
            "unit": metric["scoreUnit"],
            "bytes": alloc["score"] if alloc else None,
        }
        meta = meta or run
    if meta is None and runs:
        meta = runs[0]
    return results, extras, meta


def number(value):
    if isinstance(value, str):  # JMH writes "NaN" for an error it cannot compute
        value = float(value)
    if value is None or math.isnan(value):
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratio(value, flag=False):
    if value is None or math.isnan(value) or math.isinf(value):
        return "—"
    text = f"{value:.2f}×"
    return f"**{text}**" if flag else text


def render_extras(extras, out):
    mapping = extras["mapping"]
    if mapping:
        out.append("## The mapper alone")
        out.append("")
        out.append("No database, driver or network: 1,000 rows from an in-memory result set (the same for both) "
                   "mapped by hand-written column-index reads and by Limber's generated mapper.")
        out.append("")
        out.append("| mapper | time (us per 1,000 rows) | ± | × JDBC | B/op |")
        out.append("| --- | ---: | ---: | ---: | ---: |")
        base = mapping.get("jdbc")
        for name in ["jdbc", "limber"]:
            if name not in mapping:
                continue
            metric, alloc = mapping[name]
            rel = metric["score"] / base[0]["score"] if base else None
            out.append(f"| {name} | {number(metric['score'])} | {number(metric.get('scoreError'))} | "
                       f"{ratio(rel, name == 'limber' and rel is not None and rel > LIMBER_TARGET)} | {number(alloc)} |")
        out.append("")
    cold = extras["cold"]
    if cold:
        out.append("## Cold start to first query")
        out.append("")
        out.append("A fresh JVM per sample: start the library (pool, session factory, engine), find one row by id, "
                   "map it. Schema built beforehand; JVM start not counted. Median and range over forks.")
        out.append("")
        out.append("| database | contender | median (ms) | min | max | forks | × JDBC |")
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for database in DATABASES:
            base = cold.get((database, "jdbc"))
            base_median = median(base[0]) if base else None
            for c in CONTENDERS:
                if (database, c) not in cold:
                    continue
                metric, forks = cold[(database, c)]
                samples = raw(metric)
                m = median(metric)
                rel = m / base_median if base_median else None
                out.append(f"| {database} | {c} | {number(m)} | {number(min(samples))} | {number(max(samples))} | "
                           f"{len(samples)} | {ratio(rel)} |")
        out.append("")
    processor = extras["processor"]
    if processor:
        out.append("## Processor cost")
        out.append("")
        out.append("javac in process (warmed up, as in a build daemon) compiling N generated nine-column `@Model` "
                   "classes with the Limber processor on `-processorpath`, and with `-proc:none`. The processor is "
                   "loaded afresh for every compilation, as a build loads it.")
        out.append("")
        out.append("| models | without processor (ms) | with processor (ms) | added per model (ms) | × |")
        out.append("| ---: | ---: | ---: | ---: | ---: |")
        for models in sorted({m for (m, _) in processor}):
            off = processor.get((models, False))
            on = processor.get((models, True))
            t_off = off[0]["score"] if off else None
            t_on = on[0]["score"] if on else None
            added = (t_on - t_off) / models if off and on else None
            rel = t_on / t_off if off and on else None
            out.append(f"| {models} | {number(t_off)} | {number(t_on)} | {number(added)} | {ratio(rel)} |")
        out.append("")


def raw(metric):
    samples = []
    for fork in metric.get("rawData", []):
        samples.extend(fork)
    return samples or [metric["score"]]


def median(metric):
    samples = sorted(raw(metric))
    n = len(samples)
    return samples[n // 2] if n % 2 else (samples[n // 2 - 1] + samples[n // 2]) / 2


def render(results, extras, meta, mode, machine, date):
    out = []
    out.append("# Limber benchmarks: results")
    out.append("")
    if mode == "quick":
        out.append("> **QUICK RUN, NOISY.** One fork, short iterations, a subset of parameters, on 2 CPU cores "
                   "shared with other builds while this ran. Read the ratios as rough; only figures from one run "
                   "are compared, never across runs. The full mode of `run.sh` (3+ forks) is the one to quote.")
    else:
        out.append("> Full run. Machine noise still applies: only ratios measured in the same run are compared.")
    out.append("")
    out.append("What is measured and how: see `benchmarks/README.md`. Every contender's answers were checked "
               "equal to hand-written JDBC's before timing (a contender that differs fails its fork).")
    out.append("")
    out.append("| | |")
    out.append("| --- | --- |")
    out.append(f"| date | {date} |")
    out.append(f"| mode | {mode} |")
    if meta:
        out.append(f"| JVM | {meta.get('vmName', '?')} {meta.get('vmVersion', '?')} (JDK {meta.get('jdkVersion', '?')}) |")
        out.append(f"| JVM flags | `{' '.join(meta.get('jvmArgs', [])) or '(none)'}` |")
        out.append(f"| JMH | {meta.get('jmhVersion', '?')}, mode {meta.get('mode', '?')}, "
                   f"{meta.get('threads', '?')} thread |")
        out.append(f"| forks | {meta.get('forks', '?')} |")
        out.append(f"| warm-up | {meta.get('warmupIterations', '?')} × {meta.get('warmupTime', '?')} |")
        out.append(f"| measurement | {meta.get('measurementIterations', '?')} × {meta.get('measurementTime', '?')} |")
    out.append(f"| machine | {machine} |")
    out.append("")
    out.append("Columns: **time** per operation and its 99.9% error (— when there are too few samples); "
               "**× JDBC**, time over hand-written JDBC's on the same database; **overhead × JDBC**, "
               "(time − JDBC's W0) / (JDBC's time − JDBC's W0): the client-side cost with the database round "
               "trip of `SELECT 1` taken out (unstable when JDBC's time is close to its W0); **B/op**, bytes "
               "allocated per operation (`gc.alloc.rate.norm`). Limber ratios above "
               f"{LIMBER_TARGET:.2f}× are in bold: Limber's target is within 5% of JDBC. **jdbc-tx** is a control, "
               "not a contender: hand-written JDBC running each read inside a transaction (auto-commit off, "
               "rollback), as a Limber session runs reads; `limber` against `jdbc-tx` is Limber's own code, "
               "`jdbc-tx` against `jdbc` is the cost of that transaction. W0 runs the very same code for `jdbc`, "
               "`jdbc-tx` and `limber` (a plain pooled connection and `SELECT 1`), so the spread between those "
               "three is the noise of the run; writes (W3 to W6) are the same code for `jdbc` and `jdbc-tx`.")
    out.append("")

    for database in DATABASES:
        keys = sorted({k for (d, k, _) in results if d == database})
        if not keys:
            continue
        contenders = [c for c in CONTENDERS if any((database, k, c) in results for k in keys)]
        out.append(f"## {DATABASE_NAMES.get(database, database)}")
        out.append("")
        floor = results.get((database, (0, 0), "jdbc"), {}).get("score")

        # Summary: ratio to JDBC, one column per contender.
        out.append("Time relative to hand-written JDBC (lower is better):")
        out.append("")
        control = "limber" in contenders and "jdbc-tx" in contenders
        extra_head = " | limber ÷ jdbc-tx" if control else ""
        out.append("| workload | " + " | ".join(LABELS.get(c, c) for c in contenders) + extra_head + " |")
        out.append("| --- | " + " | ".join("---:" for _ in contenders) + (" | ---:" if control else "") + " |")
        for key in keys:
            base = results.get((database, key, "jdbc"))
            cells = []
            label = None
            for c in contenders:
                r = results.get((database, key, c))
                if r is None:
                    cells.append("—")
                    continue
                label = r["label"]
                if base is None:
                    cells.append("—")
                    continue
                value = r["score"] / base["score"]
                cells.append(ratio(value, c == "limber" and value > LIMBER_TARGET))
            if control:
                lim = results.get((database, key, "limber"))
                tx = results.get((database, key, "jdbc-tx"))
                cells.append(ratio(lim["score"] / tx["score"]) if lim and tx else "—")
            out.append(f"| {label} | " + " | ".join(cells) + " |")
        out.append("")

        unit = next(iter(r["unit"] for (d, _, _), r in results.items() if d == database))
        out.append("<details><summary>Details: time, error, overhead, allocation</summary>")
        out.append("")
        out.append(f"| workload | contender | time ({unit}) | ± | × JDBC | overhead × JDBC | B/op |")
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for key in keys:
            base = results.get((database, key, "jdbc"))
            for c in contenders:
                r = results.get((database, key, c))
                if r is None:
                    continue
                rel = r["score"] / base["score"] if base else None
                over = None
                if base and floor is not None and key != (0, 0) and base["score"] - floor > 0:
                    over = (r["score"] - floor) / (base["score"] - floor)
                out.append(f"| {r['label']} | {c} | {number(r['score'])} | {number(r['error'])} | "
                           f"{ratio(rel, c == 'limber' and rel is not None and rel > LIMBER_TARGET)} | "
                           f"{ratio(over)} | {number(r['bytes'])} |")
        out.append("")
        out.append("</details>")
        out.append("")
    render_extras(extras, out)
    return "\n".join(out) + "\n"


def machine_description():
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores visible, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("json", nargs="+", help="JMH result files (-rf json) of one run")
    parser.add_argument("--mode", default="full", choices=["quick", "full"])
    parser.add_argument("--machine", default=None, help="machine description (default: from /proc/cpuinfo)")
    parser.add_argument("--note", default=None, help="a line added under the machine, e.g. the load")
    args = parser.parse_args()
    results, extras, meta = load(args.json)
    if not results and not any(extras.values()):
        sys.exit(f"no Limber benchmark results in {' '.join(args.json)}")
    machine = args.machine or machine_description()
    if args.note:
        machine += f"; {args.note}"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    sys.stdout.write(render(results, extras, meta, args.mode, machine, date))


if __name__ == "__main__":
    main()
