#!/usr/bin/env python3
"""Samples the memory of a process tree until told to stop; for bench/relay-fanout.sh.

Every --interval seconds it sums, over the root pid and all its descendants:
  RSS  (VmRSS from /proc/PID/status) - what `ps`/`top` show; shared pages
        (libraries, Postfix's shared text) are counted once per process;
  PSS  (from /proc/PID/smaps_rollup) - shared pages split between the sharers,
        so a sum over many processes is not inflated.
For one JVM the two are nearly equal; for Postfix's many small processes the RSS
sum overstates, the PSS sum is the fairer "memory the gateway costs".

It also reads the CPU time the tree has used (utime+stime of every live process,
plus cutime+cstime of the root for children it already reaped) and reports the
increase from the first sample to the last: the gateway's CPU seconds for the
phase, startup excluded.

Stops when the --stop-file appears, the root pid is gone, or --max-seconds pass.
Prints one JSON line: peak RSS/PSS in MiB, the peak process count, the sample count.
"""
import argparse
import json
import os
import time


def children_map():
    kids = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # ppid is the 2nd field after the ")" that ends the command name
        rest = stat[stat.rfind(b")") + 2:].split()
        kids.setdefault(int(rest[1]), []).append(int(name))
    return kids


def tree(root):
    kids = children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def kib(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


TICK = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid, with_children):
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            rest = f.read().rsplit(b")", 1)[1].split()
    except OSError:
        return 0
    # fields after ")": state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    t = int(rest[11]) + int(rest[12])
    if with_children:
        t += int(rest[13]) + int(rest[14])
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--stop-file", required=True)
    ap.add_argument("--max-seconds", type=float, default=1800)
    args = ap.parse_args()

    peak_rss = peak_pss = peak_procs = samples = 0
    cpu_first = cpu_last = None
    deadline = time.monotonic() + args.max_seconds
    while time.monotonic() < deadline and not os.path.exists(args.stop_file):
        if not os.path.exists("/proc/%d" % args.pid):
            break
        pids = tree(args.pid)
        rss = sum(kib("/proc/%d/status" % p, "VmRSS:") for p in pids)
        pss = sum(kib("/proc/%d/smaps_rollup" % p, "Pss:") for p in pids)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        peak_procs = max(peak_procs, len(pids))
        cpu = sum(cpu_ticks(p, p == args.pid) for p in pids)
        cpu_first = cpu if cpu_first is None else cpu_first
        cpu_last = max(cpu, cpu_last or 0)
        samples += 1
        time.sleep(args.interval)
    print(json.dumps({
        "peak_rss_mib": round(peak_rss / 1024.0, 1),
        "peak_pss_mib": round(peak_pss / 1024.0, 1),
        "peak_processes": peak_procs,
        "samples": samples,
        "cpu_s": round(((cpu_last or 0) - (cpu_first or 0)) / float(TICK), 2),
    }))


if __name__ == "__main__":
    main()
