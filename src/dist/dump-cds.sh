#!/bin/sh
# dump-cds.sh JAVA JAR CLASSLIST ARCHIVE
# Writes ARCHIVE, a static AppCDS archive of the classes CLASSLIST names (JAR's and the JDK's), for
# the JVM JAVA. The jar is named /proc/self/fd/9 (the jar opened on fd 9), as the launcher names it:
# the JVM uses the archive only when the jar's path matches the one recorded here, and this path is
# the same wherever the jar is later unpacked (see src/main/sh/tap-lever).
set -eu
java=$1
jar=$2
classlist=$3
archive=$4
rm -f "$archive"
exec 9<"$jar"
exec "$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive" \
  -XX:+UseSerialGC -cp /proc/self/fd/9
