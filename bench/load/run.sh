#!/usr/bin/env bash
# The load run: simulated evaluators against the local API (all on 127.0.0.1), then the checks and the latency table.
# Options as system properties: LOAD_EVALUATORS (50), LOAD_TASKS (40, rated by 20 evaluators each), LOAD_SECONDS (120).
set -euo pipefail
cd "$(dirname "$0")/../.."
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
    export JAVA_HOME="$candidate"; break
  fi
done
./mvnw -B -q verify -pl local -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LoadRun \
    -Dcheckstyle.skip -Dload.evaluators="${LOAD_EVALUATORS:-50}" -Dload.tasks="${LOAD_TASKS:-40}" \
    -Dload.seconds="${LOAD_SECONDS:-120}"
cat local/target/load-run.md
