#!/usr/bin/env bash
# Per-invocation wall time of `mailtee duplicate` (through the ./mailtee launcher, as procmail
# runs it) next to bench/duplicate_equivalent.py: a 10 KiB message, 3 destinations, a sendmail
# that only reads its input. Median of RUNS (default 40) runs each, in one hyperfine run.
# The Python side runs Debian's /usr/bin/python3, as a procmail recipe would: a `python3` found
# first on PATH may be a version manager's shim (pyenv's costs ~100 ms per start here), which
# would measure the shim, not Python.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/scripts/env.sh"
find_jdk
ensure_debian_packages hyperfine python3 >/dev/null
runs="${RUNS:-40}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf '#!/bin/sh\ncat > /dev/null\n' > "$work/sendmail"; chmod +x "$work/sendmail"

# A 10 KiB message; --prepare gives each run a new Message-ID, so mailtee's ledger never
# short-cuts a run as "already sent".
cat > "$work/new-message" <<SH
#!/bin/sh
{ printf 'Return-Path: <ana@example.org>\nFrom: Ana Lima <ana@example.org>\nTo: support@example.com\n'
  printf 'Subject: =?UTF-8?Q?Drucker_im_3._Stock_h=C3=A4ngt?=\nDate: Tue, 1 Jul 2025 10:00:00 +0200\n'
  printf 'Message-ID: <%s.%s@example.org>\nReferences: <prev@example.org>\nMIME-Version: 1.0\n' "\$(date +%s%N)" "\$\$"
  printf 'Content-Type: text/plain; charset=utf-8\n\n'
  i=0; while [ \$i -lt 160 ]; do printf 'Line %03d of a ten kibibyte body, padded to sixty-four bytes...\n' \$i; i=\$((i+1)); done
} > "$work/message.eml"
SH
chmod +x "$work/new-message"; "$work/new-message"
echo "message: $(wc -c < "$work/message.eml") bytes" >&2

cd "$root"
[ -f "$mailtee_jar" ] && ! jar_is_stale || build_jar
# First use builds the AOT cache (a training run); not part of the measurement.
./mailtee duplicate --sendmail "$work/sendmail" --state-dir "$work/state" a@kayako.example < "$work/message.eml"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dests="support@kayako.example,billing@kayako.example,sales@kayako.example"
hyperfine --warmup 3 --runs "$runs" --prepare "$work/new-message" --export-json "$work/result.json" \
  -n mailtee "./mailtee duplicate --sendmail $work/sendmail --state-dir $work/state $dests < $work/message.eml" \
  -n python3 "/usr/bin/python3 bench/duplicate_equivalent.py $work/sendmail $dests < $work/message.eml"

python3 - "$work/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
m, p = r["mailtee"]["median"] * 1000, r["python3"]["median"] * 1000
print(f"median mailtee {m:.1f} ms, python3 {p:.1f} ms, ratio {m / p:.2f} (target <= 2)")
cpu = {k: (v["user"] + v["system"]) * 1000 for k, v in r.items()}
print(f"mean CPU (user+sys, children included) mailtee {cpu['mailtee']:.1f} ms, python3 {cpu['python3']:.1f} ms, "
      f"ratio {cpu['mailtee'] / cpu['python3']:.2f}")
PY
echo "load before: $load_before"
echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
