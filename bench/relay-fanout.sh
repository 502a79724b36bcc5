#!/usr/bin/env bash
# Relay fan-out benchmark (issue 2): the same load through mailtee and through a
# private Postfix instance, each fanning every message out to three smtp-sinks.
#
#   smtp-source ──► gateway ──► smtp-sink primary   (mailtee: sync primary,
#   (+ probe.py)              ├► smtp-sink backup1    async durable backups;
#                             └► smtp-sink backup2    Postfix: virtual alias → 3 domains)
#
# Run by hand from anywhere:  bench/relay-fanout.sh        (see bench/README.md)
# Loopback only. Everything it starts is stopped on exit, even on failure or ^C.
# Exit: 0 all phases ran, nothing lost, targets met; 1 a phase failed or copies
# were lost; 2 everything delivered but a target (2x Postfix, RSS < 300 MB) missed.
set -uo pipefail

BENCH_DIR="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"

MESSAGES="${BENCH_MESSAGES:-10000}"          # messages per phase (smtp-source -m)
SIZE="${BENCH_SIZE:-10240}"                  # body bytes per message (smtp-source -l)
SESSIONS="${BENCH_SESSIONS:-20}"             # parallel SMTP sessions (smtp-source -s)
RUNS="${BENCH_RUNS:-1}"                      # repetitions; medians are printed when > 1
SIDES="${BENCH_SIDES:-postfix mailtee}"
MODES="${BENCH_MODES:-reuse noreuse}"
SOURCE_TIMEOUT="${BENCH_SOURCE_TIMEOUT:-900}"  # s, bound on one smtp-source run
DRAIN_TIMEOUT="${BENCH_DRAIN_TIMEOUT:-300}"    # s after the load, for the sinks to fill up
SETTLE="${BENCH_SETTLE:-2}"                    # s to wait after "all delivered", to see duplicates
PROBE_INTERVAL_MS="${BENCH_PROBE_INTERVAL_MS:-20}"
RSS_TARGET_MB=300
RATIO_TARGET=2
RCPT="user@primary.test"
SENDER="bench@client.test"
MAILTEE="${BENCH_MAILTEE:-$ROOT/mailtee}"     # the launcher to benchmark

log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FATAL: $*"; exit 1; }
now() { date +%s.%N; }
cpu_stat() { head -n 1 /proc/stat; }   # "cpu user nice system idle iowait irq softirq steal ..."
busy_pct() {  # before after -> % of all cores busy (not idle, not iowait) in between
  python3 -c 'import sys
a=[int(x) for x in sys.argv[1].split()[1:9]]; b=[int(x) for x in sys.argv[2].split()[1:9]]
d=[y-x for x,y in zip(a,b)]; tot=sum(d) or 1
print(round(100.0*(tot-d[3]-d[4])/tot))' "$1" "$2"
}

# ---------------------------------------------------------------- prerequisites
. "$ROOT/scripts/env.sh"
ensure_debian_packages postfix || die "could not install postfix (for smtp-source/smtp-sink and the comparison)"
export PATH="$PATH:/usr/sbin:/usr/lib/postfix/sbin"
for tool in smtp-source smtp-sink postfix postconf postqueue python3 curl ss timeout; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
[ "$(id -u)" -eq 0 ] || die "run as root (the private Postfix instance needs it)"
id postfix >/dev/null 2>&1 && getent group postdrop >/dev/null || die "the postfix user / postdrop group are missing"

# ---------------------------------------------------------------- cleanup
STARTED_PIDS=()        # every background process we started (sinks, gateway, probe, sampler...)
PF_DIRS=()             # private Postfix config dirs we started
WORK=""
cleanup() {
  local rc=$? d p
  trap - EXIT INT TERM
  for d in "${PF_DIRS[@]}"; do postfix_stop "$d"; done
  for p in "${STARTED_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${STARTED_PIDS[@]}"; do wait_gone "$p" 15 || kill -KILL "$p" 2>/dev/null; done
  [ -n "$WORK" ] || exit "$rc"
  local after="$WORK/etc-postfix.after"
  find /etc/postfix -printf '%p %s %T@ %m %u\n' 2>/dev/null | sort > "$after"
  if ! cmp -s "$ETC_STAMP" "$after"; then
    log "WARNING: /etc/postfix changed during the run:"; diff "$ETC_STAMP" "$after" >&2
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept work dir $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

WORK="$(mktemp -d /tmp/mailtee-bench.XXXXXX)" || die "mktemp failed"
chmod 755 "$WORK"   # Postfix daemons (user postfix) and smtp-sink (nobody) must traverse it
RESULTS_DIR="$BENCH_DIR/results"; mkdir -p "$RESULTS_DIR"
RESULTS="$RESULTS_DIR/relay-fanout-$(date +%Y%m%d-%H%M%S).tsv"
printf 'run\tside\tmode\tstatus\taccepted_per_s\te2e_per_s\tp50_ms\tp99_ms\tpeak_rss_mb\tpeak_pss_mb\tlost\tduplicates\tsource_s\te2e_s\tprobe_ok\tgw_cpu_s\tgw_cpu_ms_per_msg\tsys_busy_pct\tloadavg_before\tnote\n' > "$RESULTS"

# Snapshot of the system's Postfix config: the private instance must not touch it.
ETC_STAMP="$WORK/etc-postfix.before"
find /etc/postfix -printf '%p %s %T@ %m %u\n' 2>/dev/null | sort > "$ETC_STAMP"


wait_gone() {  # pid seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  return 1
}
forget_pid() {  # stop tracking a pid we already stopped
  local keep=() p
  for p in "${STARTED_PIDS[@]}"; do [ "$p" != "$1" ] && keep+=("$p"); done
  STARTED_PIDS=("${keep[@]}")
}
stop_pid() {  # pid [seconds]: TERM, wait, KILL
  kill -TERM "$1" 2>/dev/null
  wait_gone "$1" "${2:-15}" || { log "pid $1 ignored SIGTERM, killing"; kill -KILL "$1" 2>/dev/null; wait_gone "$1" 5; }
  wait "$1" 2>/dev/null
  forget_pid "$1"
}

# ---------------------------------------------------------------- ports, sinks
USED_PORTS=" "
FREE_PORT=""
free_port() {  # sets FREE_PORT: a loopback port nobody listens on, outside the ephemeral range
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 12000))
    case "$USED_PORTS" in *" $p "*) continue ;; esac
    if [ -z "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]; then USED_PORTS+="$p "; FREE_PORT=$p; return 0; fi
  done
  log "no free port found"; return 1
}
wait_listening() {  # port seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ] && return 0; sleep 0.1
  done
  return 1
}
smtp_banner() {  # port -> prints the greeting's code, within 2 s
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && head -c 3 <&3 && printf 'QUIT\r\n' >&3" 2>/dev/null
}

SINK_PORTS=(); SINK_OUT=(); SINK_PIDS=()
start_sinks() {  # phase_dir
  local i port
  SINK_PORTS=(); SINK_OUT=(); SINK_PIDS=()
  for i in 0 1 2; do
    free_port || return 1; port=$FREE_PORT
    # -c: running counters ("sess=N quit=N mesg=N", one per event, \r-separated);
    # mesg counts every "." received, i.e. every message handed over.
    smtp-sink -c -u nobody "127.0.0.1:$port" 1024 > "$1/sink$i.out" 2> "$1/sink$i.err" &
    STARTED_PIDS+=($!); SINK_PIDS+=($!); SINK_PORTS+=("$port"); SINK_OUT+=("$1/sink$i.out")
  done
  for i in 0 1 2; do
    wait_listening "${SINK_PORTS[$i]}" 10 || { log "smtp-sink on ${SINK_PORTS[$i]} did not start: $(cat "$1/sink$i.err")"; return 1; }
  done
}
sink_count() {  # output file -> messages received so far
  local n
  n=$(tail -c 256 "$1" 2>/dev/null | tr '\r' '\n' | grep -o 'mesg=[0-9]*' | tail -n 1)
  echo "${n#mesg=}" | sed 's/^$/0/'
}
sinks_alive() {  # all three sinks still running? (they can only die by someone else's hand)
  local p; for p in "${SINK_PIDS[@]}"; do kill -0 "$p" 2>/dev/null || return 1; done
}
stop_sinks() { local p; for p in "${SINK_PIDS[@]}"; do stop_pid "$p" 5; done; SINK_PIDS=(); }

# ---------------------------------------------------------------- Postfix side
PF_MASTER_PID=""
postfix_start() {  # phase_dir smtpd_port -> sets GW_PORT, GW_PID
  local pf="$1/postfix" port="$2"
  mkdir -p "$pf/etc" "$pf/queue" "$pf/data"; chown postfix "$pf/data"
  # Our own meta_directory, so that `postfix check` / post-install only ever look here.
  cp -aL /etc/postfix/postfix-files /etc/postfix/postfix-files.d /etc/postfix/dynamicmaps.cf \
        /etc/postfix/dynamicmaps.cf.d /etc/postfix/main.cf.proto /etc/postfix/master.cf.proto \
        /etc/postfix/makedefs.out "$pf/etc/" 2>/dev/null
  cat > "$pf/etc/main.cf" <<EOF
# Private instance for bench/relay-fanout.sh. Postfix defaults except what a
# private loopback instance and the fan-out need.
compatibility_level = 3.7
meta_directory = $pf/etc
queue_directory = $pf/queue
data_directory = $pf/data
mail_owner = postfix
setgid_group = postdrop
myhostname = postfix-bench.localhost
mydomain = localhost
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
maillog_file = $pf/maillog
maillog_file_prefixes = $pf
# the fan-out: one recipient becomes three, each domain goes to its own sink
virtual_alias_maps = regexp:$pf/etc/virtual
transport_maps = inline:{ primary.test=smtp:[127.0.0.1]:${SINK_PORTS[0]}, backup1.test=smtp:[127.0.0.1]:${SINK_PORTS[1]}, backup2.test=smtp:[127.0.0.1]:${SINK_PORTS[2]} }
EOF
  # An address that maps to itself (user@primary.test) is not expanded again.
  printf '/^user@primary\\.test$/ user@primary.test, user@backup1.test, user@backup2.test\n' > "$pf/etc/virtual"
  # Upstream's default master.cf, minus chroot (defaults "n" since 3.0 anyway), smtpd on our port.
  cat > "$pf/etc/master.cf" <<EOF
127.0.0.1:$port inet n - n - - smtpd
pickup     unix  n - n 60   1 pickup
cleanup    unix  n - n -    0 cleanup
qmgr       unix  n - n 300  1 qmgr
rewrite    unix  - - n -    - trivial-rewrite
bounce     unix  - - n -    0 bounce
defer      unix  - - n -    0 bounce
trace      unix  - - n -    0 bounce
verify     unix  - - n -    1 verify
flush      unix  n - n 1000? 0 flush
proxymap   unix  - - n -    - proxymap
proxywrite unix  - - n -    1 proxymap
smtp       unix  - - n -    - smtp
relay      unix  - - n -    - smtp
showq      unix  n - n -    - showq
error      unix  - - n -    - error
retry      unix  - - n -    - error
discard    unix  - - n -    - discard
local      unix  - n n -    - local
virtual    unix  - n n -    - virtual
lmtp       unix  - - n -    - lmtp
anvil      unix  - - n -    1 anvil
scache     unix  - - n -    1 scache
postlog    unix-dgram n - n - 1 postlogd
EOF
  postfix -c "$pf/etc" check > "$1/postfix-check.log" 2>&1 || { log "postfix check failed: $(cat "$1/postfix-check.log")"; return 1; }
  PF_DIRS+=("$pf/etc")
  postfix -c "$pf/etc" start > "$1/postfix-start.log" 2>&1 || { log "postfix start failed: $(cat "$1/postfix-start.log")"; return 1; }
  local i
  for ((i = 0; i < 100; i++)); do
    [ "$(smtp_banner "$port")" = 220 ] && break; sleep 0.1
  done
  [ "$(smtp_banner "$port")" = 220 ] || { log "Postfix smtpd on $port does not answer"; return 1; }
  PF_MASTER_PID=$(tr -d ' \n' < "$pf/queue/pid/master.pid")
  GW_PORT=$port; GW_PID=$PF_MASTER_PID
}
postfix_queue_left() {  # phase_dir -> number of messages still in the private queue
  postqueue -c "$1/postfix/etc" -j 2>/dev/null | grep -c '"queue_id"'
}
postfix_stop() {  # config_dir
  local etc="$1" pid="" kids
  [ -d "$etc" ] || return 0
  pid=$(tr -d ' \n' < "$(postconf -c "$etc" -h queue_directory)/pid/master.pid" 2>/dev/null)
  postfix -c "$etc" stop >/dev/null 2>&1
  if [ -n "$pid" ] && ! wait_gone "$pid" 15; then
    log "Postfix master $pid did not stop, aborting it"
    postfix -c "$etc" abort >/dev/null 2>&1; wait_gone "$pid" 5
  fi
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kids=$(pgrep -P "$pid"); kill -KILL "$pid" $kids 2>/dev/null
  fi
  local keep=() d
  for d in "${PF_DIRS[@]}"; do [ "$d" != "$etc" ] && keep+=("$d"); done
  PF_DIRS=("${keep[@]}")
}

# ---------------------------------------------------------------- mailtee side
MAILTEE_CFG=""; MAILTEE_HTTP=""
mailtee_start() {  # phase_dir smtp_port -> sets GW_PORT, GW_PID
  local http; free_port || return 1; http=$FREE_PORT
  MAILTEE_CFG="$1/mailtee.yaml"; MAILTEE_HTTP="127.0.0.1:$http"
  cat > "$MAILTEE_CFG" <<EOF
smtp:
  listen: "127.0.0.1:$2"
relay:
  destination_primary: "127.0.0.1:${SINK_PORTS[0]}"
  destination_backups: ["127.0.0.1:${SINK_PORTS[1]}", "127.0.0.1:${SINK_PORTS[2]}"]
  timeout_seconds: 10
data_dir: "$1/mailtee-data"
http:
  listen: "$MAILTEE_HTTP"
EOF
  # The launcher execs java, so $! is the JVM's pid once it is up.
  (cd "$1" && exec "$MAILTEE" serve --config "$MAILTEE_CFG") > "$1/mailtee.log" 2>&1 &
  GW_PID=$!; STARTED_PIDS+=("$GW_PID"); GW_PORT=$2
  local i
  for ((i = 0; i < 1200; i++)); do   # 120 s
    kill -0 "$GW_PID" 2>/dev/null || { log "mailtee serve exited: $(tail -n 5 "$1/mailtee.log")"; return 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$MAILTEE_HTTP/healthz")" = 200 ] && break
    sleep 0.1
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$MAILTEE_HTTP/healthz")" = 200 ] \
    || { log "mailtee not ready after 120 s: $(tail -n 5 "$1/mailtee.log")"; return 1; }
  [ "$(smtp_banner "$GW_PORT")" = 220 ] || { log "mailtee SMTP on $GW_PORT does not answer 220"; return 1; }
}
mailtee_queue_left() {  # phase_dir -> pending deliveries per `mailtee queue list --json`
  timeout 120 "$MAILTEE" queue list --json --config "$MAILTEE_CFG" > "$1/queue-list.json" 2> "$1/queue-list.err" \
    || { echo "?"; return; }
  python3 - "$1/queue-list.json" <<'EOF'
import json, sys
text = open(sys.argv[1]).read().strip()
try:
    data = json.loads(text) if text else []
except ValueError:          # JSON lines, like postqueue -j
    data = [json.loads(l) for l in text.splitlines() if l.strip()]
if isinstance(data, dict):
    for key in ("deliveries", "items", "queue", "entries"):
        if isinstance(data.get(key), list):
            data = data[key]; break
# one entry per message, each with its pending deliveries (message x destination)
print(sum(len(e.get("deliveries", [e])) if isinstance(e, dict) else 1 for e in data)
      if isinstance(data, list) else "?")
EOF
}

# ---------------------------------------------------------------- one phase
# run side mode: starts sinks + gateway, drives the load, waits for delivery,
# measures, stops everything it started, appends one row to $RESULTS.
run_phase() {
  local run=$1 side=$2 mode=$3
  local dir="$WORK/run$run-$side-$mode" n=2
  while [ -e "$dir" ] && [ "$n" -lt 10 ]; do dir="$WORK/run$run-$side-$mode.$n"; n=$((n + 1)); done  # a retry
  mkdir -p "$dir"; chmod 755 "$dir"
  local status=ok note="" load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  log "=== run $run: $side, $mode (load average $load)"
  GW_PID=""; GW_PORT=""

  start_sinks "$dir" || { record "$run" "$side" "$mode" FAILED "$load" "sinks did not start"; return 1; }
  local gw_port; free_port || { stop_sinks; record "$run" "$side" "$mode" FAILED "$load" "no free port"; return 1; }; gw_port=$FREE_PORT
  if ! "${side}_start" "$dir" "$gw_port"; then
    gateway_stop "$side" "$dir"; stop_sinks
    record "$run" "$side" "$mode" FAILED "$load" "$side did not start (see log above)"; return 1
  fi

  # Memory: sampled over the whole phase, load and drain.
  python3 "$BENCH_DIR/rss_sampler.py" --pid "$GW_PID" --stop-file "$dir/stop-sampler" \
    --max-seconds $((SOURCE_TIMEOUT + DRAIN_TIMEOUT + 120)) > "$dir/rss.json" &
  local sampler=$!; STARTED_PIDS+=("$sampler")

  local src_args=(-s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" -f "$SENDER" -t "$RCPT" -M client.test)
  local probe_args=(--port "$GW_PORT" --size "$SIZE" --rcpt "$RCPT" --interval-ms "$PROBE_INTERVAL_MS"
                    --max 5000 --max-seconds "$SOURCE_TIMEOUT" --stop-file "$dir/stop-probe" --tag "probe-$run-$mode")
  if [ "$mode" = reuse ]; then src_args+=(-d); probe_args+=(--reuse); fi

  python3 "$BENCH_DIR/sink_watch.py" "${SINK_OUT[@]}" --stop-file "$dir/stop-watch" \
    --max-seconds $((SOURCE_TIMEOUT + DRAIN_TIMEOUT + 120)) > "$dir/sinks.log" &
  local watch=$!; STARTED_PIDS+=("$watch")

  local t0 t1 t2 src_rc stat0
  stat0=$(cpu_stat); t0=$(now)
  python3 "$BENCH_DIR/probe.py" "${probe_args[@]}" > "$dir/probe.json" 2> "$dir/probe.err" &
  local probe=$!; STARTED_PIDS+=("$probe")
  # In the background + wait, so that a signal to this script is handled at once.
  timeout "$SOURCE_TIMEOUT" smtp-source "${src_args[@]}" "127.0.0.1:$GW_PORT" > "$dir/source.out" 2> "$dir/source.err" &
  local source=$!; STARTED_PIDS+=("$source")
  wait "$source"; src_rc=$?; forget_pid "$source"
  t1=$(now)
  touch "$dir/stop-probe"; wait_gone "$probe" 60 || kill -KILL "$probe" 2>/dev/null; wait "$probe" 2>/dev/null; forget_pid "$probe"
  if [ "$src_rc" -ne 0 ]; then
    status=FAILED; note="smtp-source exit $src_rc: $(tr '\n' ' ' < "$dir/source.err" | cut -c1-200)"
    log "$note"
  fi
  local probe_ok
  probe_ok=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ok"])' "$dir/probe.json" 2>/dev/null || echo 0)
  local expect=$((MESSAGES + probe_ok))

  # End to end: until every sink has counted every accepted message, or the drain timeout.
  # t2 is the watcher's timestamp of the first moment all three sinks had them all.
  local i c done_all=0 deadline
  deadline=$(echo "$t1 + $DRAIN_TIMEOUT" | bc)
  t2=""
  while :; do
    t2=$(awk -v n="$expect" '$2 >= n && $3 >= n && $4 >= n {print $1; exit}' "$dir/sinks.log")
    [ -n "$t2" ] && { done_all=1; break; }
    sinks_alive || break
    kill -0 "$GW_PID" 2>/dev/null || break   # the gateway is gone: nothing more will come
    [ "$(echo "$(now) > $deadline" | bc)" = 1 ] && break
    sleep 0.2
  done
  [ -n "$t2" ] || t2=$(now)
  local busy; busy=$(busy_pct "$stat0" "$(cpu_stat)")
  [ "$done_all" = 1 ] || { status=FAILED; note="${note:+$note; }not all delivered within the drain (limit ${DRAIN_TIMEOUT}s)"; }
  sleep "$SETTLE"   # late extra copies would show up as duplicates

  local counts=() lost=0 dup=0
  for i in 0 1 2; do
    c=$(sink_count "${SINK_OUT[$i]}"); counts+=("$c")
    [ "$c" -lt "$expect" ] && lost=$((lost + expect - c))
    [ "$c" -gt "$expect" ] && dup=$((dup + c - expect))
  done
  [ "$lost" -gt 0 ] && status=FAILED
  # A sink that died was killed from outside (smtp-sink does not exit by itself here):
  # the phase measured nothing about the gateway, so it is INVALID, not FAILED.
  if ! sinks_alive; then
    status=INVALID; note="${note:+$note; }an smtp-sink was killed from outside during the phase (someone's pkill?) - not the gateway's fault, excluded"
  fi
  if [ "$side" = mailtee ] && ! kill -0 "$GW_PID" 2>/dev/null; then
    status=FAILED; note="${note:+$note; }mailtee exited during the phase: $(tail -n 3 "$dir/mailtee.log" | tr '\n' ' ' | cut -c1-300)"
  fi
  touch "$dir/stop-watch"; wait_gone "$watch" 10; wait "$watch" 2>/dev/null; forget_pid "$watch"
  local left
  if [ "$side" = mailtee ]; then
    curl -s --max-time 5 "http://$MAILTEE_HTTP/metrics" > "$dir/metrics.txt"
    left=$(mailtee_queue_left "$dir")
  else
    left=$(postfix_queue_left "$dir")
  fi
  touch "$dir/stop-sampler"; wait_gone "$sampler" 10; wait "$sampler" 2>/dev/null; forget_pid "$sampler"
  local rss pss
  rss=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["peak_rss_mib"])' "$dir/rss.json" 2>/dev/null || echo "?")
  pss=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["peak_pss_mib"])' "$dir/rss.json" 2>/dev/null || echo "?")
  local cpu; cpu=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cpu_s"])' "$dir/rss.json" 2>/dev/null || echo "?")
  local p50 p99
  p50=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["p50_ms"])' "$dir/probe.json" 2>/dev/null || echo "?")
  p99=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["p99_ms"])' "$dir/probe.json" 2>/dev/null || echo "?")

  gateway_stop "$side" "$dir"; stop_sinks

  local src_s e2e_s acc_rate e2e_rate cpu_per_msg
  cpu_per_msg=$(echo "scale=2; $cpu * 1000 / $expect" | bc 2>/dev/null || echo "?")
  src_s=$(echo "scale=3; ($t1 - $t0)/1" | bc); e2e_s=$(echo "scale=3; ($t2 - $t0)/1" | bc)
  acc_rate=$(echo "scale=1; $MESSAGES / $src_s" | bc)
  if [ "$done_all" = 1 ]; then e2e_rate=$(echo "scale=1; $MESSAGES / $e2e_s" | bc); else e2e_rate="-"; fi
  note="${note:+$note; }sinks=${counts[*]} expected=$expect each; pending left=$left; probe failures=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["failed"])' "$dir/probe.json" 2>/dev/null || echo ?)"
  log "$side $mode: accepted ${acc_rate}/s (${src_s}s), end to end ${e2e_rate}/s (${e2e_s}s), p50 ${p50} ms, p99 ${p99} ms, peak RSS ${rss} MiB (PSS ${pss}), lost $lost, dup $dup, gateway CPU ${cpu}s (${cpu_per_msg} ms/message), machine ${busy}% busy; $note"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$side" "$mode" "$status" \
    "$acc_rate" "$e2e_rate" "$p50" "$p99" "$rss" "$pss" "$lost" "$dup" "$src_s" "$e2e_s" "$probe_ok" "$cpu" "$cpu_per_msg" "$busy" "$load" "$note" >> "$RESULTS"
  case "$status" in ok) return 0 ;; INVALID) return 2 ;; *) return 1 ;; esac
}
record() {  # run side mode status load note : a row for a phase that could not run
  printf '%s\t%s\t%s\t%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$RESULTS"
}
gateway_stop() {  # side phase_dir
  if [ "$1" = postfix ]; then
    [ -d "$2/postfix/etc" ] && postfix_stop "$2/postfix/etc"
  elif [ -n "${GW_PID:-}" ]; then
    stop_pid "$GW_PID" 60   # SIGTERM: mailtee finishes open transactions and exits
  fi
  GW_PID=""
}

# ---------------------------------------------------------------- main
command -v bc >/dev/null || ensure_debian_packages bc || die "bc missing"
if [[ " $SIDES " == *" mailtee "* ]] && [ "$MAILTEE" = "$ROOT/mailtee" ]; then
  find_jdk || die "no JDK >= 21 for mailtee"
  if jar_is_stale; then log "building mailtee first (not timed)"; build_jar || die "mailtee build failed"; fi
fi
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), kernel $(uname -r)"
log "load: $MESSAGES messages x $SIZE bytes, $SESSIONS sessions, runs=$RUNS, sides=[$SIDES], modes=[$MODES]; work dir $WORK"

failed=0
for ((run = 1; run <= RUNS; run++)); do
  for mode in $MODES; do
    for side in $SIDES; do
      run_phase "$run" "$side" "$mode"; rc=$?
      if [ "$rc" = 2 ]; then
        log "phase invalidated by an outside event; running it once more"
        run_phase "$run" "$side" "$mode"; rc=$?
      fi
      [ "$rc" = 0 ] || failed=1
    done
  done
done

python3 "$BENCH_DIR/summarize.py" "$RESULTS" --rss-target "$RSS_TARGET_MB" --ratio-target "$RATIO_TARGET"
summary_rc=$?
log "results: $RESULTS"
[ "$failed" = 1 ] && exit 1
[ "$summary_rc" -ne 0 ] && exit 2
exit 0
