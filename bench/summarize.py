#!/usr/bin/env python3
"""Prints the table of bench/relay-fanout.sh results files (TSV, one row per phase):
every phase, then per side and mode the median over the runs that completed, the
mailtee/Postfix end-to-end ratio (per run, same run only, and of the medians), and
the targets of issue 2. Exit 0 when every target that could be checked is met,
1 when one is missed (or nothing could be checked)."""
import argparse
import csv
import statistics
import sys


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def med(rows, key):
    vals = [num(r.get(key)) for r in rows if num(r.get(key)) is not None]
    return statistics.median(vals) if vals else None


def fmt(v, digits=1):
    return "-" if v is None else ("%.*f" % (digits, v))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results", nargs="+", help="one or more results files; runs of several files are pooled")
    ap.add_argument("--rss-target", type=float, default=300)
    ap.add_argument("--ratio-target", type=float, default=2)
    args = ap.parse_args()
    rows = []
    for i, path in enumerate(args.results):
        with open(path) as f:
            for r in csv.DictReader(f, delimiter="\t"):
                if len(args.results) > 1:
                    r["run"] = "%d.%s" % (i + 1, r["run"])  # file.run, so runs stay distinct
                rows.append(r)

    cols = ("run", "side", "mode", "status", "accepted/s", "e2e/s", "p50 ms", "p99 ms",
            "RSS MiB", "PSS MiB", "lost", "dup", "CPU ms/msg", "busy %")
    keys = ("run", "side", "mode", "status", "accepted_per_s", "e2e_per_s", "p50_ms", "p99_ms",
            "peak_rss_mb", "peak_pss_mb", "lost", "duplicates", "gw_cpu_ms_per_msg", "sys_busy_pct")
    line = "%-5s %-8s %-8s %-7s %11s %9s %8s %8s %8s %8s %6s %5s %10s %6s"
    print()
    print("Every phase (%d)" % len(rows))
    print(line % cols)
    for r in rows:
        print(line % tuple(r.get(k) or "-" for k in keys))
        if r["status"] != "ok":
            print("     ^ %s" % r["note"])

    print()
    print("Median over completed runs (status ok)")
    mline = "%-8s %-8s %5s %11s %9s %8s %8s %8s %8s %6s %5s %10s"
    print(mline % ("side", "mode", "runs", "accepted/s", "e2e/s", "p50 ms", "p99 ms",
                   "RSS MiB", "PSS MiB", "lost", "dup", "CPU ms/msg"))
    medians = {}
    for side in ("postfix", "mailtee"):
        for mode in ("reuse", "noreuse"):
            sel = [r for r in rows if r["side"] == side and r["mode"] == mode]
            ok = [r for r in sel if r["status"] == "ok"]
            if not sel:
                continue
            m = {k: med(ok, k) for k in keys[4:]}
            # INVALID = an outside event (a sink killed by someone else) spoilt the phase
            m["all_lost"] = sum(int(r["lost"]) for r in sel if r["lost"].isdigit() and r["status"] != "INVALID")
            medians[(side, mode)] = m
            print(mline % (side, mode, "%d/%d" % (len(ok), len(sel)), fmt(m["accepted_per_s"]),
                           fmt(m["e2e_per_s"]), fmt(m["p50_ms"]), fmt(m["p99_ms"]), fmt(m["peak_rss_mb"]),
                           fmt(m["peak_pss_mb"]), m["all_lost"], fmt(m["duplicates"], 0),
                           fmt(m["gw_cpu_ms_per_msg"], 2)))

    print()
    verdicts = []
    for mode in ("reuse", "noreuse"):
        per_run = []
        for run in sorted({r["run"] for r in rows}, key=lambda x: [int(p) for p in x.split(".")]):
            pf = [r for r in rows if r["run"] == run and r["mode"] == mode and r["side"] == "postfix" and r["status"] == "ok"]
            mt = [r for r in rows if r["run"] == run and r["mode"] == mode and r["side"] == "mailtee" and r["status"] == "ok"]
            if pf and mt and num(pf[0]["e2e_per_s"]) and num(mt[0]["e2e_per_s"]):
                per_run.append(num(mt[0]["e2e_per_s"]) / num(pf[0]["e2e_per_s"]))
        if per_run:
            ratio = statistics.median(per_run)
            print("mailtee/Postfix end-to-end, %-7s: %.2fx (median of %d same-run ratios: %s)"
                  % (mode, ratio, len(per_run), ", ".join("%.2f" % x for x in per_run)))
            verdicts.append(("end-to-end >= %gx Postfix (%s)" % (args.ratio_target, mode), ratio >= args.ratio_target))
    for (side, mode), m in medians.items():
        if side == "mailtee":
            rss = [num(r["peak_rss_mb"]) for r in rows if r["side"] == side and r["mode"] == mode and num(r["peak_rss_mb"])]
            if rss:
                verdicts.append(("mailtee peak RSS < %g MB (%s, max %.0f)" % (args.rss_target, mode, max(rss)),
                                 max(rss) < args.rss_target))
    for (side, mode), m in medians.items():
        sel = [r for r in rows if r["side"] == side and r["mode"] == mode and r["status"] != "INVALID"]
        verdicts.append(("%s %s: 0 lost, every phase completed" % (side, mode),
                         m["all_lost"] == 0 and all(r["status"] == "ok" for r in sel)))
    invalid = [r for r in rows if r["status"] == "INVALID"]
    if invalid:
        print("(%d phase(s) INVALID - spoilt by an outside event, excluded from medians and verdicts)" % len(invalid))
    print()
    for what, good in verdicts:
        print("  [%s] %s" % ("ok" if good else "MISSED", what))
    sys.exit(0 if verdicts and all(g for _, g in verdicts) else 1)


if __name__ == "__main__":
    main()
