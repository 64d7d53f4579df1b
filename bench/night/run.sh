#!/usr/bin/env bash
# The night run: ratings of two days in the real table on the stand-ins, then two nightly exports, timed.
# Option: NIGHT_RATINGS (ratings a day, 5000; each is 4 models x 7 dimensions = 28 scores).
set -euo pipefail
cd "$(dirname "$0")/../.."
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
    export JAVA_HOME="$candidate"; break
  fi
done
./mvnw -B -q verify -pl local -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NightRun \
    -Dcheckstyle.skip -Dnight.ratings="${NIGHT_RATINGS:-5000}"
cat local/target/night-run.md
