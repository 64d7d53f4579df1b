#!/usr/bin/env bash
# The coverage simulations of docs/statistics.md at bench size: the tests verify runs with a few hundred batches a
# design (MeanCoverageSimulationTest, PreferenceCoverageSimulationTest), here with REPETITIONS (default 2000) each,
# then their figure lines. The tests still assert coverage >= 93 %, so a method that fails at this size fails here.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/java25.sh
./mvnw -B -q install -pl functions/domain -am -DskipTests -DskipITs -Dcheckstyle.skip
./mvnw -B -q verify -pl functions/domain -DskipITs -Dcheckstyle.skip -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='MeanCoverageSimulationTest,PreferenceCoverageSimulationTest' \
    -Dsimulation.repetitions="${REPETITIONS:-2000}" || status=$?
grep -h "coverage |" functions/domain/target/surefire-reports/*CoverageSimulationTest-output.txt
exit "${status:-0}"
