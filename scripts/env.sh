# Sourced by ./mailtee, ./run-tests and .ci/run: finds (or installs) what the build needs.
# Everything here must work on a fresh machine with nothing installed by hand.

mailtee_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Prints the major version of the java binary given, or nothing. Reads the JDK's release file
# when there is one (no JVM start: the pipe command runs this once per message).
java_major() {
  local release line
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=\"[0-9]*) line=${line#JAVA_VERSION=\"}; echo "${line%%[!0-9]*}"; return 0 ;; esac
    done < "$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Sets JAVA_HOME to a JDK >= 21: $JAVA_HOME first, then /usr/lib/jvm/*, then java on PATH.
find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  echo "mailtee: no JDK >= 21 found (looked at \$JAVA_HOME, /usr/lib/jvm/*, PATH); install one, e.g. Temurin 21+" >&2
  return 1
}

# Installs Debian packages that are missing, without starting their system services.
ensure_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "mailtee: installing Debian packages: ${missing[*]}" >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  # policy-rc.d 101 keeps postinst scripts from starting the machine's own services.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && created_policy=1
  fi
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections 2>/dev/null || true
  # Lock::Timeout: wait (bounded) for another apt/dpkg run to finish instead of failing at once.
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
  $sudo "${apt[@]}" update -qq >/dev/null
  $sudo "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  local rc=$?
  [ -n "$created_policy" ] && $sudo rm -f "$policy"
  return $rc
}

find_maven() {
  command -v mvn >/dev/null 2>&1 || ensure_debian_packages maven || return 1
}

# The jars are rebuilt when any source or the pom is newer than them. mailtee-pipe.jar holds only
# what `mailtee duplicate` runs: a JVM per piped message opens it much faster than the full jar.
mailtee_jar="$mailtee_root/target/mailtee.jar"
pipe_jar="$mailtee_root/target/mailtee-pipe.jar"
jar_is_stale() {
  [ ! -f "$mailtee_jar" ] || [ ! -f "$pipe_jar" ] && return 0
  [ -n "$(find "$mailtee_root/pom.xml" "$mailtee_root/src/main" -newer "$mailtee_jar" -print -quit 2>/dev/null)" ]
}

build_jar() {
  find_maven || return 1
  echo "mailtee: building target/mailtee.jar (first use or sources changed)..." >&2
  # (the JVM option quiets JDK 25 warnings about Maven 3.8's own use of sun.misc.Unsafe)
  (cd "$mailtee_root" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B -q -DskipTests package) >&2
}

# JVM options for `mailtee duplicate`, a JVM per message: C1 only, serial GC, no perf-data file.
# (./mailtee's fast path repeats them.)
duplicate_java_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)

# Prints the JVM option for `mailtee duplicate`'s AOT cache (JDK >= 25), created by a training run
# on first use and named after the jar's SHA-256: an AOT cache made from another build of the jar
# could run that build's classes (JDK-8377932). Then records the JDK and the cache in
# duplicate.launch next to it, for ./mailtee's fast path. Prints nothing when there is none to use.
duplicate_startup_cache() {
  local major dir sha aot tmp train
  major=$(java_major "$JAVA_HOME/bin/java"); [ "${major:-0}" -ge 25 ] 2>/dev/null || return 1
  dir="$mailtee_root/target/aot"
  mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] || dir="${XDG_CACHE_HOME:-$HOME/.cache}/mailtee"
  mkdir -p "$dir" 2>/dev/null || return 1
  # The jar is hashed once per build: the stamp file is newer than the jar until the next build.
  if [ ! -f "$dir/jar.sha256" ] || [ "$pipe_jar" -nt "$dir/jar.sha256" ]; then
    sha=$(sha256sum "$pipe_jar" | cut -c1-16) || return 1
    echo "$sha" > "$dir/jar.sha256.$$" && mv "$dir/jar.sha256.$$" "$dir/jar.sha256"
  fi
  read -r sha < "$dir/jar.sha256" || return 1
  aot="$dir/duplicate-$sha.aot"
  if [ ! -f "$aot" ]; then
    echo "mailtee: creating the start-up cache $aot (once per build)..." >&2
    find "$dir" -maxdepth 1 \( -name 'duplicate-*.aot' -o -name 'sqlite-*' \) -exec rm -rf {} + 2>/dev/null
    train=$(mktemp -d) || return 1
    printf '#!/bin/sh\ncat > /dev/null\n' > "$train/sendmail"; chmod +x "$train/sendmail"
    tmp="$aot.$$.tmp"
    { printf 'Return-Path: <a@example.org>\nFrom: A <a@example.org>\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\n'
      printf 'Message-ID: <training@example.org>\nReferences: <x@example.org>\n\n'
      for i in $(seq 200); do printf 'line %s of the training message, long enough to be realistic\n' "$i"; done
    } | "$JAVA_HOME/bin/java" "${duplicate_java_opts[@]}" -XX:AOTCacheOutput="$tmp" -jar "$pipe_jar" duplicate \
        --sendmail "$train/sendmail" --state-dir "$train/state" a@example.com,b@example.com,c@example.com >/dev/null 2>&1 \
      && mv "$tmp" "$aot"
    rm -rf "$train" "$tmp" "$tmp.config"
  fi
  [ -f "$aot" ] || return 1
  printf '%s\n%s\n' "$JAVA_HOME" "$aot" > "$dir/duplicate.launch.$$" && mv "$dir/duplicate.launch.$$" "$dir/duplicate.launch"
  echo "-XX:AOTCache=$aot"
}
