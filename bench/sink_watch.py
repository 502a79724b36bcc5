#!/usr/bin/env python3
"""Follows the counters of the three smtp-sinks for bench/relay-fanout.sh.

`smtp-sink -c` writes "sess=N quit=N mesg=N" after every event, separated by \\r;
mesg counts every "." received. Every --interval seconds this reads the tail of
each sink's output and, when a count changed, prints "EPOCH_SECONDS c0 c1 c2".
The benchmark takes the end-to-end time from the first line where every sink has
all the copies, so the timing does not depend on when the script gets round to
looking. Stops on --stop-file or after --max-seconds.
"""
import argparse
import os
import re
import sys
import time

MESG = re.compile(rb"mesg=(\d+)")


def count(path):
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 256))
            found = MESG.findall(f.read())
        return int(found[-1]) if found else 0
    except OSError:
        return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--interval", type=float, default=0.05)
    ap.add_argument("--stop-file", required=True)
    ap.add_argument("--max-seconds", type=float, default=3600)
    args = ap.parse_args()
    last = None
    deadline = time.monotonic() + args.max_seconds
    while time.monotonic() < deadline:
        stopping = os.path.exists(args.stop_file)
        counts = [count(p) for p in args.files]
        if counts != last:
            sys.stdout.write("%.3f %s\n" % (time.time(), " ".join(map(str, counts))))
            sys.stdout.flush()
            last = counts
        if stopping:
            break
        time.sleep(args.interval)


if __name__ == "__main__":
    main()
