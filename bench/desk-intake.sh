#!/usr/bin/env bash
# Desk intake benchmark (issue 4):
#  1. tickets/s filed by `mailtee serve` on embedded defaults (no routes: every message becomes
#     a ticket), fed over SMTP by Postfix's smtp-source;
#  2. wall time of one `./mailtee ticket process-email < file` (a whole JVM per message, as a
#     Postfix pipe or Sieve runs it), median of RUNS runs.
# Usage: bench/desk-intake.sh [MESSAGES] [SESSIONS] [RUNS]   (defaults 2000 8 31)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/env.sh"
ensure_debian_packages postfix
find_jdk
messages=${1:-2000}; sessions=${2:-8}; runs=${3:-31}
work=$(mktemp -d /tmp/mailtee-desk-bench.XXXXXX)
daemon=""
cleanup() { [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$root/mailtee" --version >/dev/null   # builds the jar if the sources changed

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
smtp_port=$(free_port); http_port=$(free_port)
cat > "$work/serve.yaml" <<YAML
smtp:
  listen: "127.0.0.1:$smtp_port"
  domain: bench.test
http:
  listen: "127.0.0.1:$http_port"
data_dir: "$work/serve-data"
YAML
"$root/mailtee" serve -c "$work/serve.yaml" 2>"$work/serve.log" &
daemon=$!
for _ in $(seq 100); do curl -sf "127.0.0.1:$http_port/healthz" >/dev/null && break; sleep 0.2; done

filed() {
  curl -sf "127.0.0.1:$http_port/metrics" | awk '/^mailtee_delivered_total\{destination="desk"/ {print int($2)}' | head -1
}
start=$(date +%s.%N)
smtp-source -s "$sessions" -m "$messages" -l 2000 -S "bench ticket" -f customer@bench.test \
  -t support@localhost "127.0.0.1:$smtp_port"
accepted=$(date +%s.%N)
until [ "$(filed || echo 0)" -ge "$messages" ] 2>/dev/null; do sleep 0.1; done
done_at=$(date +%s.%N)
kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
tickets=$("$root/mailtee" ticket list --json -c "$work/serve.yaml" | wc -l)
awk -v n="$messages" -v t="$tickets" -v s="$start" -v a="$accepted" -v d="$done_at" -v ss="$sessions" 'BEGIN {
  printf "SMTP intake: %d messages over %d sessions, %d tickets; accepted in %.2fs (%.0f msg/s), all filed in %.2fs: %.0f tickets/s\n",
    n, ss, t, a - s, n / (a - s), d - s, n / (d - s) }'

cat > "$work/pipe.yaml" <<YAML
data_dir: "$work/pipe-data"
YAML
times=()
for i in $(seq "$runs"); do
  printf 'From: Customer %d <c%d@bench.test>\r\nTo: support@localhost\r\nSubject: pipe %d\r\nMessage-ID: <pipe-%d-%s@bench.test>\r\n\r\nHello from run %d.\r\n' \
    "$i" "$i" "$i" "$i" "$$" "$i" > "$work/m.eml"
  t0=$(date +%s%N)
  "$root/mailtee" ticket process-email -c "$work/pipe.yaml" < "$work/m.eml" >/dev/null
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END {
  printf "pipe: ./mailtee ticket process-email < file, %d runs: median %d ms, min %d ms, max %d ms\n", NR, a[int((NR + 1) / 2)], a[1], a[NR] }'
