#!/usr/bin/env bash
# build-archives.sh BASEDIR TARGET VERSION JAVA_HOME TIMESTAMP
# Run by 'mvn package' (pom.xml, execution "archives") after the shaded jar, the launcher and the
# AppCDS class list exist. Writes two release archives to TARGET:
#   tap-lever-VERSION.tar.gz            bin/tap-lever, lib/tap-lever.jar + .jsa, LICENSE, README.md;
#                                       needs Java 17+ on the host
#   tap-lever-VERSION-linux-x64.tar.gz  the same plus runtime/, a Java runtime made by jlink from
#                                       JAVA_HOME's jmods, which bin/tap-lever prefers
# Each unpacks into one folder named as the archive. Entries are sorted, dated TIMESTAMP (the
# project's outputTimestamp), owned by 0:0, with modes 644/755, and gzip stores no name or date,
# so two builds of one commit differ only where the JDK's tools do (see README, Install).
set -euo pipefail

basedir=$1
target=$2
version=$3
java_home=$4
timestamp=$5

# The runtime's modules. jdeps (below) checks that every module the jar refers to is here or is in
# OMITTED; a new dependency that needs another module fails the build until it is listed.
#   java.base        the language, I/O, TLS (SunJSSE), the RSA/AES/SHA providers, cacerts
#   java.logging     OkHttp and Okio log through java.util.logging
#   jdk.crypto.ec    the SunEC provider: ECDHE and X25519 key exchange and ECDSA certificates in
#                    TLS; no class refers to it, so jdeps cannot see it (Lever's hosts need it)
#   jdk.httpserver   login's OAuth callback server, and the fake Lever behind demo and fake-server
#   jdk.unsupported  sun.misc.Signal: SIGTERM and SIGINT end a sync with its last STATE
MODULES=java.base,java.logging,jdk.crypto.ec,jdk.httpserver,jdk.unsupported
# Referred to by the jar, yet never used by the tap (java.desktop and java.xml alone are ~13 MB):
#   java.desktop     java.awt.Desktop, with which login opens a browser (it prints the URL anyway,
#                    and catches the missing class), and the java.beans annotations Jackson looks
#                    for when present
#   java.sql         Jackson's (de)serializers for java.sql dates, loaded only for such types
#   java.xml         Jackson's DOM and XMLGregorianCalendar support, likewise
OMITTED=java.desktop,java.sql,java.xml

epoch=$(date -u -d "$timestamp" +%s)
jar=$target/tap-lever.jar
classlist=$target/tap-lever.classlist
work=$target/dist
plain=tap-lever-$version
bundled=tap-lever-$version-linux-x64

rm -rf "$work" "$target/$plain.tar.gz" "$target/$bundled.tar.gz"
mkdir -p "$work"

# Copies what both archives hold into $work/$1.
stage() {
  local d=$work/$1
  mkdir -p "$d/bin" "$d/lib"
  cp "$basedir/src/main/sh/tap-lever" "$d/bin/tap-lever"
  chmod 755 "$d/bin/tap-lever"
  cp "$jar" "$d/lib/tap-lever.jar"
  # The CDS archive records the jar's date; tar restores this one when the archive is unpacked.
  touch -d "@$epoch" "$d/lib/tap-lever.jar"
  cp "$basedir/LICENSE" "$d/LICENSE"
  sed "s/@VERSION@/$version/g" "$basedir/src/dist/archive/README.md" > "$d/README.md"
}

# An AppCDS archive for the JVM $1 beside $work/$2's jar, or none if the class list is missing.
cds() {
  local d=$work/$2
  if [ -s "$classlist" ]; then
    sh "$basedir/src/dist/dump-cds.sh" "$1" "$d/lib/tap-lever.jar" "$classlist" "$d/lib/tap-lever.jsa" \
      > "$work/$2-cds.log" 2>&1 || { echo "archives: CDS dump for $2 failed, see $work/$2-cds.log" >&2; exit 1; }
  else
    echo "archives: no $classlist, so $2 has no AppCDS archive (start-up is slower)" >&2
  fi
}

# Writes $target/$1.tar.gz from $work/$1.
pack() {
  find "$work/$1" -exec touch -h -d "@$epoch" {} +
  tar --sort=name --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --mode=u=rwX,go=rX \
    --use-compress-program='gzip -n' -C "$work" -cf "$target/$1.tar.gz" "$1"
  echo "archives: $target/$1.tar.gz: $(stat -c %s "$target/$1.tar.gz") bytes," \
    "$(du -sb "$work/$1" | cut -f1) bytes unpacked"
}

stage "$plain"
cds "$java_home/bin/java" "$plain"
pack "$plain"

jmods=$java_home/jmods
if [ ! -d "$jmods" ]; then
  echo "archives: WARNING: $jmods is missing, so $bundled.tar.gz (the archive with its own Java runtime)" \
    "is not built and its tests fail. Install the JDK's jmods (Debian: openjdk-17-jdk-headless;" \
    "some distributions: openjdk-17-jmods); .ci/run does." >&2
  exit 0
fi

missing=
for module in $("$java_home/bin/jdeps" --multi-release 17 --ignore-missing-deps --list-deps "$jar" \
    | sed 's/^ *//; s|/.*||' | sort -u); do
  case ",$MODULES,$OMITTED," in
    *",$module,"*) ;;
    *) missing="$missing $module" ;;
  esac
done
if [ -n "$missing" ]; then
  echo "archives: the jar needs module(s)$missing, which the runtime lacks: add them to MODULES (or," \
    "if the tap never uses them, to OMITTED) in src/dist/build-archives.sh" >&2
  exit 1
fi

stage "$bundled"
"$java_home/bin/jlink" --module-path "$jmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/$bundled/runtime"
cds "$work/$bundled/runtime/bin/java" "$bundled"
pack "$bundled"
