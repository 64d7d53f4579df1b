#!/usr/bin/env bash
# The load run: simulated evaluators against the local API (all on 127.0.0.1), then the checks and the latency table.
# Options: LOAD_EVALUATORS (50; 200 for the large mode), LOAD_TASKS (40, rated by 20 evaluators each), LOAD_SECONDS
# (120), LOAD_THINK (seconds an evaluator looks at a task before submitting, e.g. 5-20; none by default), LOAD_PAIRED
# (seconds of each A/B window: the reference's first lease page against the change's, alternated in one run; none by
# default), MAVEN_REPO (a local Maven repository of one's own, for a machine whose ~/.m2 others share).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/java25.sh
./mvnw -B -q verify -pl local -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LoadRun \
    ${MAVEN_REPO:+-Dmaven.repo.local="$MAVEN_REPO"} \
    -Dcheckstyle.skip -Dload.evaluators="${LOAD_EVALUATORS:-50}" -Dload.tasks="${LOAD_TASKS:-40}" \
    -Dload.seconds="${LOAD_SECONDS:-120}" -Dload.think="${LOAD_THINK:-}" -Dload.paired="${LOAD_PAIRED:-0}"
cat local/target/load-run.md
