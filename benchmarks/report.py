#!/usr/bin/env python3
"""Turns JMH's JSON results (-rf json, ideally with -prof gc) into docs/benchmarks.md.

Only ratios measured in the same run mean anything here: every figure is set beside hand-written
JDBC on the same database, in the same run. Standard library only. run.sh calls it; by hand:

    python3 report.py target/jmh-quick-*.json --mode quick > ../docs/benchmarks.md
"""

import argparse
import datetime
import json
import math
import os
import platform
import sys

CONTENDERS = ["jdbc", "limber", "hibernate", "jooq", "jdbi", "jdbi-bean", "jdbc-tx"]
DATABASES = ["h2", "postgresql", "mariadb", "sqlite"]
DATABASE_NAMES = {"h2": "H2 (in-memory)", "postgresql": "PostgreSQL 15 (127.0.0.1)",
                  "sqlite": "SQLite (file)", "mariadb": "MariaDB 10.11 (127.0.0.1)"}

# Where a Limber session keeps a transaction from its first statement, so that its reads pay what
# the jdbc-tx control pays. Since the engine's default isolation is READ COMMITTED on every database
# (and SQLite begins DEFERRED), none: a session reads in auto-commit until its first write. Results
# from before that change (commit 8d0cbab and earlier) were SQLite and MariaDB.
SESSION_TRANSACTION = set()

# Why a contender does not run on a database (run.sh leaves it out there).
NOT_RUN = {
    "sqlite": "Only `jdbc`, `limber` and `jdbc-tx` run on SQLite: it has no date or decimal types, jOOQ "
              "and JDBI each write their own text or number encodings of them (not the data the others "
              "read), and Hibernate has no SQLite dialect in `hibernate-core`.",
}

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

# W8 and W9 (Relations): their own contenders (JMH parameter "loader"), two hand-written JDBC shapes
# among them; every figure is set beside the faster of the two. Limber's target there: within
# 1.10x of it, and ahead of every peer.
RELATION_WORKLOADS = {
    "w8BooksWithAuthor": (8, "W8 1,000 books with their author"),
    "w9AuthorsWithBooks": (9, "W9 100 authors with their books"),
}
RELATION_CONTENDERS = ["jdbc-join", "jdbc-in", "limber", "hibernate-join", "hibernate-batch", "jooq-join",
                       "jooq-multiset", "jdbi"]
RELATION_BASELINES = ("jdbc-join", "jdbc-in")
RELATION_TARGET = 1.10

# W10 and W11 (Reports): their own contenders (JMH parameter "reporter"), set beside hand-written
# JDBC; Limber's target there is LIMBER_TARGET, as on W0-W7.
REPORT_WORKLOADS = {
    "w10GroupByAuthor": (10, "W10 group by author (COUNT, MAX) into records"),
    "w11PageWithTotal": (11, "W11 page 50 of 20 with its total"),
}
REPORT_CONTENDERS = ["jdbc", "limber", "hibernate", "jooq", "jdbi"]

# A figure whose first measurement iteration is this much slower than its last (mean over forks)
# was probably still warming up.
WARMING = 1.2
WARMING_MARK = "↘"

# jdbc-tx is not a contender: the baseline reading inside a transaction.
LABELS = {"jdbc-tx": "jdbc-tx (control)"}

MODES = {"avgt": "average time", "ss": "single shot", "thrpt": "throughput", "sample": "sampling"}


def settings(run):
    """Forks and iterations of one JMH result, as the report states them."""
    single = run["mode"] == "ss"
    warmup = run.get("warmupIterations", 0)
    measure = run.get("measurementIterations", 0)
    if single:
        w = f"{warmup} shot{'s' if warmup != 1 else ''}" if warmup else "none"
        m = f"{measure} shot{'s' if measure != 1 else ''}"
    else:
        w = f"{warmup} × {run.get('warmupTime', '?')}" if warmup else "none"
        m = f"{measure} × {run.get('measurementTime', '?')}"
    return (run.get("forks", "?"), w, m, MODES.get(run["mode"], run["mode"]))


def load(paths):
    runs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            runs.extend(json.load(f))
    results = {}
    extras = {"cold": {}, "processor": {}, "mapping": {}, "relations": {}, "reports": {}}
    parts = {}  # part of the report -> set of settings
    for run in runs:
        method = run["benchmark"].rsplit(".", 1)[1]
        params = run.get("params", {})
        metric = run["primaryMetric"]
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        if method == "firstQuery":
            extras["cold"][(params["database"], params["contender"])] = (metric, run["forks"])
            parts.setdefault(f"ColdStart ({params['database']})", set()).add(settings(run))
            continue
        if method == "map1000Rows":
            extras["mapping"][params["mapper"]] = (metric, alloc["score"] if alloc else None)
            parts.setdefault("Mapping", set()).add(settings(run))
            continue
        if method == "compile":
            models = int(params["models"])
            extras["processor"][(models, params["processor"] == "true")] = (metric, run)
            parts.setdefault(f"ProcessorCost, {models:,} models", set()).add(settings(run))
            continue
        if method in RELATION_WORKLOADS:
            order, label = RELATION_WORKLOADS[method]
            database = params["database"]
            extras["relations"][(database, order, params["loader"])] = {
                "label": label,
                "score": metric["score"],
                "error": metric.get("scoreError"),
                "unit": metric["scoreUnit"],
                "bytes": alloc["score"] if alloc else None,
                "warming": warming(metric),
            }
            parts.setdefault(f"{DATABASE_NAMES.get(database, database)}, W8/W9", set()).add(settings(run))
            continue
        if method in REPORT_WORKLOADS:
            order, label = REPORT_WORKLOADS[method]
            database = params["database"]
            extras["reports"][(database, order, params["reporter"])] = {
                "label": label,
                "score": metric["score"],
                "error": metric.get("scoreError"),
                "unit": metric["scoreUnit"],
                "bytes": alloc["score"] if alloc else None,
                "warming": warming(metric),
            }
            parts.setdefault(f"{DATABASE_NAMES.get(database, database)}, W10/W11", set()).add(settings(run))
            continue
        if method not in WORKLOADS:
            continue
        order, label = WORKLOADS[method]
        rows = params.get("rows")
        key = (order, int(rows) if rows and "{rows}" in label else 0)
        label = label.format(rows=f"{int(rows):,}" if rows else rows)
        database = params["database"]
        results[(database, key, params["contender"])] = {
            "label": label,
            "score": metric["score"],
            "error": metric.get("scoreError"),
            "unit": metric["scoreUnit"],
            "bytes": alloc["score"] if alloc else None,
            "warming": warming(metric),
        }
        parts.setdefault(DATABASE_NAMES.get(database, database), set()).add(settings(run))
    return runs, results, extras, parts


def warming(metric):
    """First over last measurement iteration, mean over forks; None with fewer than 2 iterations."""
    forks = [fork for fork in metric.get("rawData", []) if len(fork) >= 2]
    if not forks:
        return None
    first = sum(fork[0] for fork in forks) / len(forks)
    last = sum(fork[-1] for fork in forks) / len(forks)
    return first / last if last > 0 else None


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


def raw(metric):
    samples = []
    for fork in metric.get("rawData", []):
        samples.extend(fork)
    return samples or [metric["score"]]


def median(metric):
    samples = sorted(raw(metric))
    n = len(samples)
    return samples[n // 2] if n % 2 else (samples[n // 2 - 1] + samples[n // 2]) / 2


def part_order(part):
    names = [DATABASE_NAMES[d] for d in DATABASES]
    if part in names:
        return (0, names.index(part), 0)
    if part.endswith(", W8/W9") and part[:-len(", W8/W9")] in names:
        return (0, names.index(part[:-len(", W8/W9")]), 1)
    if part.endswith(", W10/W11") and part[:-len(", W10/W11")] in names:
        return (0, names.index(part[:-len(", W10/W11")]), 2)
    if part.startswith("ProcessorCost"):
        return (3, 0, int(part.split(", ")[1].split()[0].replace(",", "")))
    return (1 if part == "Mapping" else 2, 0, 0)


def render_header(out, runs, parts, mode, machine, date, command, revision):
    out.append("# Benchmarks")
    out.append("")
    out.append("Generated by `benchmarks/run.sh` (through `benchmarks/report.py`); do not edit by hand. "
               "What is measured and how: [benchmarks/README.md](../benchmarks/README.md); where Limber's time "
               "goes: [benchmarks/FINDINGS.md](../benchmarks/FINDINGS.md).")
    out.append("")
    if mode == "quick":
        out.append("> **QUICK RUN, NOISY.** One fork, warm-up far too short for steady state, one row count, on "
                   "2 CPU cores shared with other builds. Read the ratios as rough; only figures from one run "
                   "are compared, never across runs. The full mode of `run.sh` (3 forks) is the one to quote.")
    else:
        out.append("> Full run: 3 forks per figure, short iterations sized to a budget of about 100 minutes on 2 cores. "
                   "Machine noise still applies: only ratios measured in the same run are compared.")
    out.append("")
    out.append("Every contender's answers were checked equal to hand-written JDBC's before timing, in every "
               "fork (a contender that differs fails its fork and has no figure here).")
    out.append("")
    meta = runs[0] if runs else {}
    jvm_args = sorted({" ".join(r.get("jvmArgs", [])) for r in runs})
    out.append("| | |")
    out.append("| --- | --- |")
    out.append(f"| date | {date} |")
    out.append(f"| mode | {mode} (`{command}`) |")
    if revision:
        out.append(f"| commit | {revision} |")
    out.append(f"| JVM | {meta.get('vmName', '?')} {meta.get('vmVersion', '?')} (JDK {meta.get('jdkVersion', '?')}) |")
    out.append(f"| JVM flags | {', '.join('`' + a + '`' for a in jvm_args if a) or '(none)'} |")
    out.append(f"| JMH | {meta.get('jmhVersion', '?')}, {meta.get('threads', '?')} thread, `-prof gc` |")
    out.append(f"| machine | {machine} |")
    out.append("")
    out.append("| part | forks | warm-up | measurement | JMH mode |")
    out.append("| --- | ---: | --- | --- | --- |")
    for part, found in sorted(parts.items(), key=lambda item: part_order(item[0])):
        for forks, warmup, measure, jmh_mode in sorted(found, key=str):
            out.append(f"| {part} | {forks} | {warmup} | {measure} | {jmh_mode} |")
    out.append("")
    out.append("Columns: **time** per operation and its 99.9% error (— when there are too few samples); "
               "**× JDBC**, time over hand-written JDBC's on the same database; **overhead × JDBC**, "
               "(time − JDBC's W0) / (JDBC's time − JDBC's W0): the client-side cost with the database round "
               "trip of `SELECT 1` taken out (unstable when JDBC's time is close to its W0); **B/op**, bytes "
               "allocated per operation (`gc.alloc.rate.norm`; for W3, W4 and W6 it includes the untimed undo "
               "after each call, the same for every contender). Limber ratios above "
               f"{LIMBER_TARGET:.2f}× are in bold: Limber's target is within 5% of JDBC. {WARMING_MARK} marks a "
               f"time whose first measurement iteration was at least {WARMING:.1f}× its last (mean over forks): "
               "it was probably still warming up, and is pessimistic.")
    out.append("")
    out.append("**jdbc-tx** is a control, not a contender: hand-written JDBC running each read inside a "
               "transaction (auto-commit off, rollback, auto-commit back on). A Limber session reads in "
               "auto-commit until its first write on every database (the engine's default isolation is "
               "READ COMMITTED; SQLite begins DEFERRED), like `jdbc`, so `jdbc-tx` shows what a read "
               "transaction would cost (before wave 2's isolation change, as in the 2026-11-24 full run, a "
               "session kept one from its first statement on SQLite and MariaDB). W0 runs the very same code "
               "for `jdbc`, `jdbc-tx` and `limber` (a plain pooled connection and `SELECT 1`), so the spread "
               "between those three is the noise of the run; writes (W3 to W6) are the same code for `jdbc` "
               "and `jdbc-tx`.")
    out.append("")


def render_database(out, results, database):
    """W0-W7 on one database; False when there are none."""
    keys = sorted({k for (d, k, _) in results if d == database})
    if not keys:
        return False
    contenders = [c for c in CONTENDERS if any((database, k, c) in results for k in keys)]
    out.append(f"## {DATABASE_NAMES.get(database, database)}")
    out.append("")
    missing = [c for c in CONTENDERS if c not in contenders]
    if missing:
        out.append(NOT_RUN.get(database, "Not run here: " + ", ".join(f"`{c}`" for c in missing) + "."))
        out.append("")
    if database in SESSION_TRANSACTION:
        out.append("A Limber session keeps a transaction from its first statement here: compare its reads with "
                   "`jdbc-tx` for Limber's own cost.")
    else:
        out.append("A Limber session reads in auto-commit here until its first write: compare it with `jdbc`.")
    w0 = [results[(database, (0, 0), c)]["score"] for c in ("jdbc", "jdbc-tx", "limber")
          if (database, (0, 0), c) in results]
    if len(w0) >= 2:
        out.append(f"W0 spread between the identical code of `jdbc`, `jdbc-tx` and `limber`: "
                   f"{max(w0) / min(w0):.2f}× (differences smaller than that are noise).")
    out.append("")
    floor = results.get((database, (0, 0), "jdbc"), {}).get("score")

    # Summary: ratio to JDBC, one column per contender.
    out.append("Time relative to hand-written JDBC (lower is better):")
    out.append("")
    control = database in SESSION_TRANSACTION and "limber" in contenders and "jdbc-tx" in contenders
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
            mark = f" {WARMING_MARK}" if r["warming"] is not None and r["warming"] >= WARMING else ""
            out.append(f"| {r['label']} | {c} | {number(r['score'])}{mark} | {number(r['error'])} | "
                       f"{ratio(rel, c == 'limber' and rel is not None and rel > LIMBER_TARGET)} | "
                       f"{ratio(over)} | {number(r['bytes'])} |")
    out.append("")
    out.append("</details>")
    out.append("")
    return True


def render_group(out, results, database, heading, title, intro, known, baselines, beside, flagged):
    """One group of workloads on one database, each figure set beside the faster of the baselines;
    False when the group has no result there. flagged(contender, order, ratio) marks a figure bold."""
    orders = sorted({o for (d, o, _) in results if d == database})
    if not orders:
        return False
    if heading:
        out.append(f"## {DATABASE_NAMES.get(database, database)}")
        out.append("")
    names = [c for c in known if any((database, o, c) in results for o in orders)]
    names += sorted({c for (d, _, c) in results if d == database and c not in names})
    out.append(f"### {title}")
    out.append("")
    out.append(intro)
    out.append("")

    def base(order):
        found = [results[(database, order, c)]["score"] for c in baselines if (database, order, c) in results]
        return min(found) if found else None

    out.append("| workload | " + " | ".join(names) + " |")
    out.append("| --- | " + " | ".join("---:" for _ in names) + " |")
    for order in orders:
        best = base(order)
        cells = []
        label = None
        for c in names:
            r = results.get((database, order, c))
            if r is None:
                cells.append("—")
                continue
            label = r["label"]
            value = r["score"] / best if best else None
            cells.append(ratio(value, flagged(c, order, value)))
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")
    unit = next(iter(r["unit"] for (d, _, _), r in results.items() if d == database))
    out.append("<details><summary>Details: time, error, allocation</summary>")
    out.append("")
    out.append(f"| workload | contender | time ({unit}) | ± | {beside} | B/op |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: |")
    for order in orders:
        best = base(order)
        for c in names:
            r = results.get((database, order, c))
            if r is None:
                continue
            rel = r["score"] / best if best else None
            mark = f" {WARMING_MARK}" if r["warming"] is not None and r["warming"] >= WARMING else ""
            out.append(f"| {r['label']} | {c} | {number(r['score'])}{mark} | {number(r['error'])} | "
                       f"{ratio(rel, flagged(c, order, rel))} | {number(r['bytes'])} |")
    out.append("")
    out.append("</details>")
    out.append("")
    return True


def render_relations(out, relations, database, heading):
    """W8 and W9 on one database: every contender against the faster hand-written JDBC shape; False when none."""

    def peers_beaten(order):
        lim = relations.get((database, order, "limber"))
        if lim is None:
            return True
        return all(r["score"] >= lim["score"] for (d, o, c), r in relations.items()
                   if d == database and o == order and c not in RELATION_BASELINES and c != "limber")

    def flagged(c, order, value):
        return c == "limber" and value is not None and (value > RELATION_TARGET or not peers_beaten(order))

    intro = ("Related rows loaded without N+1, live rows only (both tables soft-delete; a book whose author is "
             "soft-deleted is kept, with no author). Hand-written JDBC comes in two shapes, `jdbc-join` (one "
             "statement) and `jdbc-in` (the parents, then the related rows by key in a second statement); each "
             "figure is set beside the faster of the two on that workload. Limber's target: within "
             f"{RELATION_TARGET:.2f}× of it and ahead of every peer (a Limber ratio missing either is in bold).")
    return render_group(out, relations, database, heading, "Relations: W8 and W9", intro, RELATION_CONTENDERS,
                        RELATION_BASELINES, "× faster JDBC", flagged)


def render_reports(out, reports, database, heading):
    """W10 and W11 on one database: every contender against hand-written JDBC."""
    intro = ("Live rows only. W10: the books of `authored_book` with more than 100 .. 109 pages grouped by "
             "`author_id` (`COUNT(*)`, `MAX(pages)`, about 1,000 groups), each group mapped into a record. W11: "
             "page 50 of 20 books of `soft_book` by id and the total they number, one `COUNT(*)` and one page "
             "query. Time relative to hand-written JDBC (lower is better); Limber ratios above "
             f"{LIMBER_TARGET:.2f}× are in bold.")
    return render_group(out, reports, database, heading, "Reports: W10 and W11", intro, REPORT_CONTENDERS,
                        ("jdbc",), "× JDBC",
                        lambda c, order, value: c == "limber" and value is not None and value > LIMBER_TARGET)


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
                   "loaded afresh for every compilation, as a build loads it. With the processor javac also "
                   "compiles what it writes (a metamodel and a mapper per model, and a registry).")
        out.append("")
        out.append("| models | without processor (ms) | ± | with processor (ms) | ± | added per model (ms) | × | "
                   "forks × shots |")
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for models in sorted({m for (m, _) in processor}):
            off = processor.get((models, False))
            on = processor.get((models, True))
            t_off = off[0]["score"] if off else None
            t_on = on[0]["score"] if on else None
            added = (t_on - t_off) / models if off and on else None
            rel = t_on / t_off if off and on else None
            shape = (on or off)[1]
            out.append(f"| {models:,} | {number(t_off)} | {number(off[0].get('scoreError') if off else None)} | "
                       f"{number(t_on)} | {number(on[0].get('scoreError') if on else None)} | {number(added)} | "
                       f"{ratio(rel)} | {shape.get('forks', '?')} × {shape.get('measurementIterations', '?')} |")
        out.append("")


def render(runs, results, extras, parts, mode, machine, date, command, revision):
    out = []
    render_header(out, runs, parts, mode, machine, date, command, revision)
    for database in DATABASES:
        shown = render_database(out, results, database)
        shown = render_relations(out, extras["relations"], database, heading=not shown) or shown
        render_reports(out, extras["reports"], database, heading=not shown)
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
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB memory"
                    break
    except (OSError, ValueError):
        pass
    return f"{model}, {os.cpu_count()} cores visible{memory}, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("json", nargs="+", help="JMH result files (-rf json) of one run")
    parser.add_argument("--mode", default="full", choices=["quick", "full"])
    parser.add_argument("--machine", default=None, help="machine description (default: from /proc)")
    parser.add_argument("--note", default=None, help="a line added to the machine, e.g. the load")
    parser.add_argument("--command", default="benchmarks/run.sh", help="the command that made the results")
    parser.add_argument("--revision", default=None, help="the commit the benchmarks were built from")
    args = parser.parse_args()
    runs, results, extras, parts = load(args.json)
    if not results and not any(extras.values()):
        sys.exit(f"no Limber benchmark results in {' '.join(args.json)}")
    machine = args.machine or machine_description()
    if args.note:
        machine += f"; {args.note}"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    sys.stdout.write(render(runs, results, extras, parts, args.mode, machine, date, args.command, args.revision))


if __name__ == "__main__":
    main()
