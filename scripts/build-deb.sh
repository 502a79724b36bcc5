#!/usr/bin/env bash
# Builds target/mailtee_VERSION_all.deb from target/mailtee.jar (built first if stale) and
# packaging/deb/. Prints the package's path.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/env.sh"
find_jdk
if jar_is_stale; then build_jar; fi
cd "$mailtee_root"
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
src=packaging/deb
root=$(mktemp -d); trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"
install -D -m 0755 "$src/mailtee" "$root/usr/bin/mailtee"
install -D -m 0644 target/mailtee.jar "$root/usr/share/mailtee/mailtee.jar"
install -D -m 0644 "$src/mailtee.yaml" "$root/etc/mailtee/mailtee.yaml"
install -D -m 0644 "$src/mailtee.service" "$root/lib/systemd/system/mailtee.service"
install -d -m 0750 "$root/var/lib/mailtee"
install -d "$root/usr/share/doc/mailtee"
cp README.md docs/*.md "$root/usr/share/doc/mailtee/"
install -d "$root/DEBIAN"
install -m 0755 "$src/postinst" "$src/prerm" "$src/postrm" "$root/DEBIAN/"
echo /etc/mailtee/mailtee.yaml > "$root/DEBIAN/conffiles"
cat > "$root/DEBIAN/control" <<CONTROL
Package: mailtee
Version: $version
Architecture: all
Maintainer: mailtee developers <mailtee@localhost>
Section: mail
Priority: optional
Depends: adduser
Recommends: openjdk-21-jre-headless | java21-runtime-headless
Installed-Size: $(du -sk "$root" | cut -f1)
Description: mail gateway: duplicating relay, helpdesk duplicator, ticket desk
 Takes one inbound message and delivers it wherever it must go: a primary server
 and backups (durable queue), helpdesk queues as distinct tickets, or its own
 ticket desk. Beside Postfix (transport_maps, pipe) or Dovecot (Sieve pipe).
 Needs a Java runtime >= 21 (any vendor; /usr/bin/mailtee looks in $JAVA_HOME,
 /usr/lib/jvm and PATH).
CONTROL
out="target/mailtee_${version}_all.deb"
dpkg-deb --root-owner-group --build "$root" "$out" >/dev/null
echo "$mailtee_root/$out"
