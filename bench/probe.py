#!/usr/bin/env python3
"""Accept-latency probe for bench/relay-fanout.sh.

smtp-source reports only its total wall time, so while it runs this probe sends
its own timed messages to the same gateway, one at a time, and records how long
the client waits for each one to be accepted:

  --reuse     one connection kept open; a sample = MAIL FROM sent .. 250 after "."
  (default)   a new connection per message; a sample = connect() .. 250 after "."
              (includes the TCP handshake, the banner and EHLO, like a client
              that does not reuse connections)

Messages are the same size as smtp-source's (a 10 KiB body by default), go to the
same recipient, and are delivered like the load, so the benchmark adds the
probe's accepted count to the copies it expects at each sink.

Bounded: at most --max messages, at most --max-seconds, stops early when the
--stop-file appears. Loopback only: refuses any other host.
Prints one JSON object: {"ok": N, "failed": N, "p50_ms": .., "p99_ms": .., ...}.
"""
import argparse
import ipaddress
import json
import math
import os
import socket
import sys
import time


class SmtpError(Exception):
    pass


def read_reply(f):
    """Reads one (possibly multi-line) SMTP reply; returns (code, text)."""
    lines = []
    while True:
        line = f.readline(4096)
        if not line:
            raise SmtpError("connection closed")
        lines.append(line.decode("ascii", "replace").rstrip("\r\n"))
        if len(line) < 4 or line[3:4] != b"-":
            break
    try:
        code = int(lines[-1][:3])
    except ValueError:
        raise SmtpError("bad reply: %r" % lines[-1])
    return code, lines[-1]


def expect(f, want, what):
    code, text = read_reply(f)
    if code // 100 != want:
        raise SmtpError("%s: %s" % (what, text))


def body_lines(size):
    # Like smtp-source: 78-character lines of X, CRLF-terminated, `size` bytes in all.
    line = b"X" * 78 + b"\r\n"
    out = line * (size // len(line))
    rest = size - len(out)
    if rest >= 2:
        out += b"X" * (rest - 2) + b"\r\n"
    return out


class Session:
    def __init__(self, host, port, helo, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.f = self.sock.makefile("rb")
        expect(self.f, 2, "banner")
        self.send(b"EHLO " + helo.encode() + b"\r\n")
        expect(self.f, 2, "EHLO")

    def send(self, data):
        self.sock.sendall(data)

    def transaction(self, sender, rcpt, message):
        self.send(b"MAIL FROM:<" + sender.encode() + b">\r\n")
        expect(self.f, 2, "MAIL")
        self.send(b"RCPT TO:<" + rcpt.encode() + b">\r\n")
        expect(self.f, 2, "RCPT")
        self.send(b"DATA\r\n")
        expect(self.f, 3, "DATA")
        self.send(message + b".\r\n")
        expect(self.f, 2, "end of DATA")

    def close(self):
        try:
            self.send(b"QUIT\r\n")
            read_reply(self.f)
        except (OSError, SmtpError):
            pass
        try:
            self.sock.close()
        except OSError:
            pass


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    # nearest-rank: the smallest value with at least p % of the samples at or below it
    k = max(0, math.ceil(p / 100.0 * len(sorted_values)) - 1)
    return round(sorted_values[k], 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--size", type=int, default=10240)
    ap.add_argument("--sender", default="probe@client.test")
    ap.add_argument("--rcpt", default="user@primary.test")
    ap.add_argument("--interval-ms", type=float, default=20.0)
    ap.add_argument("--max", type=int, default=2000)
    ap.add_argument("--max-seconds", type=float, default=600.0)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--stop-file", default=None)
    ap.add_argument("--tag", default="probe")
    args = ap.parse_args()

    if not ipaddress.ip_address(args.host).is_loopback:
        sys.exit("probe: refusing non-loopback host %s" % args.host)

    body = body_lines(args.size)
    lat_ms, failures, errors = [], 0, []
    deadline = time.monotonic() + args.max_seconds
    session = None
    n = 0
    while n < args.max and time.monotonic() < deadline:
        if args.stop_file and os.path.exists(args.stop_file):
            break
        n += 1
        headers = (
            "From: <%s>\r\nTo: <%s>\r\nSubject: latency probe %d\r\n"
            "Message-Id: <%s.%d.%d@client.test>\r\n\r\n"
            % (args.sender, args.rcpt, n, args.tag, os.getpid(), n)
        ).encode()
        try:
            t0 = time.monotonic()
            if session is None:
                session = Session(args.host, args.port, "probe.client.test", args.timeout)
                if args.reuse:
                    t0 = time.monotonic()  # reuse: the handshake is paid once, not per message
            session.transaction(args.sender, args.rcpt, headers + body)
            lat_ms.append((time.monotonic() - t0) * 1000.0)
            if not args.reuse:
                session.close()
                session = None
        except (OSError, SmtpError) as e:
            failures += 1
            if len(errors) < 5:
                errors.append(str(e))
            if session is not None:
                session.close()
                session = None
            time.sleep(0.2)  # do not spin on a refusing server
        time.sleep(args.interval_ms / 1000.0)
    if session is not None:
        session.close()

    s = sorted(lat_ms)
    print(json.dumps({
        "ok": len(s),
        "failed": failures,
        "errors": errors,
        "p50_ms": percentile(s, 50),
        "p90_ms": percentile(s, 90),
        "p99_ms": percentile(s, 99),
        "max_ms": s[-1] if s else None,
    }))


if __name__ == "__main__":
    main()
