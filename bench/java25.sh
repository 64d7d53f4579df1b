# Sourced by the bench scripts: exports JAVA_HOME as a JDK 25 (the given one when it is 25 or newer, else Temurin 25
# under /usr/lib/jvm).
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
    export JAVA_HOME="$candidate"; break
  fi
done
