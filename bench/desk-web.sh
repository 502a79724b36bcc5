#!/usr/bin/env bash
# Web desk benchmark (issue 5): an embedded store filled with TICKETS tickets (straight through
# SQL by the bench-only DeskWebBench, in one transaction), then the desk's pages timed over
# loopback HTTP as a signed-in agent of 2 of the 3 offices: ticket list (first page, office +
# status filter, a deep keyset page, text searches) and the ticket view, each kind REQUESTS
# times, interleaved, after 30 warm-up rounds. Prints p50/p99/max and the machine.
# Usage: bench/desk-web.sh [TICKETS] [REQUESTS]   (defaults 100000 300)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/env.sh"
find_jdk
find_maven
tickets=${1:-100000}; requests=${2:-300}
work=$(mktemp -d /tmp/mailtee-desk-web.XXXXXX)
trap 'rm -rf "$work"' EXIT
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
(cd "$root" && mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test) >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$root/target/classes:$root/target/test-classes:$(cat "$work/cp.txt")" \
  -Dlogback.configurationFile="$root/bench/quiet-logback.xml" \
  dev.mailtee.cli.DeskWebBench "$tickets" "$requests" "$work"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
