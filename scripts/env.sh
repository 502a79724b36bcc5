# Sourced by ./mailtee, ./run-tests and .ci/run: finds (or installs) what the build needs.
# Everything here must work on a fresh machine with nothing installed by hand.

mailtee_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Prints the major version of the java binary given, or nothing.
java_major() {
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
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  local rc=$?
  [ -n "$created_policy" ] && $sudo rm -f "$policy"
  return $rc
}

find_maven() {
  command -v mvn >/dev/null 2>&1 || ensure_debian_packages maven || return 1
}

# The jar is rebuilt when any source or the pom is newer than it.
mailtee_jar="$mailtee_root/target/mailtee.jar"
jar_is_stale() {
  [ ! -f "$mailtee_jar" ] && return 0
  [ -n "$(find "$mailtee_root/pom.xml" "$mailtee_root/src/main" -newer "$mailtee_jar" -print -quit 2>/dev/null)" ]
}

build_jar() {
  find_maven || return 1
  echo "mailtee: building target/mailtee.jar (first use or sources changed)..." >&2
  # (the JVM option quiets JDK 25 warnings about Maven 3.8's own use of sun.misc.Unsafe)
  (cd "$mailtee_root" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" mvn -B -q -DskipTests package) >&2
}
