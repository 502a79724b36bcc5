#!/usr/bin/env bash
# Retakes docs/screenshots/*.png (1280x800, headless chromium): runs the DeskScreenshots test,
# which fills a throw-away desk over SMTP and photographs the sign-in, ticket list, a ticket
# with a thread and attachments, held mail, the queue and the offices/agents page.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/env.sh"
find_jdk
find_maven
ensure_debian_packages chromium chromium-driver
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cd "$root" && mvn -B -q test -Dtest=DeskScreenshots -Dscreenshots="$root/docs/screenshots"
ls -l "$root/docs/screenshots"
