#!/usr/bin/env bash
# The long fault run: a batch uploaded, previewed and rated through 5 % faults on DynamoDB and S3, with the API killed
# at random steps and dynalite killed with kill -9 while evaluators rate; then the time to heal and the ledger.
# Options: FAULTS_TASKS (40), FAULTS_RATERS (5), FAULTS_EVALUATORS (20), FAULTS_RATE (0.05), FAULTS_SECONDS (180, the
# rating under faults), FAULTS_DYNALITE_KILLS (2), FAULTS_SEED.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/java25.sh
./mvnw -B -q verify -pl local -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultsRun \
    -Dcheckstyle.skip -Dfaults.tasks="${FAULTS_TASKS:-40}" -Dfaults.raters="${FAULTS_RATERS:-5}" \
    -Dfaults.evaluators="${FAULTS_EVALUATORS:-20}" -Dfaults.rate="${FAULTS_RATE:-0.05}" \
    -Dfaults.seconds="${FAULTS_SECONDS:-180}" -Dfaults.dynaliteKills="${FAULTS_DYNALITE_KILLS:-2}" \
    -Dfaults.seed="${FAULTS_SEED:-20261203}"
cat local/target/faults-run.md
