#!/usr/bin/env bash
# The long fault run: a batch uploaded, previewed and rated through 5 % faults on DynamoDB and S3, with the API killed
# at random steps and dynalite killed with kill -9 while evaluators rate; then the time to heal and the ledger.
# Options: FAULTS_TASKS (24), FAULTS_RATERS (20), FAULTS_EVALUATORS (30), FAULTS_RATE (0.05), FAULTS_SECONDS (180, the
# rating under faults), FAULTS_HEAL_SECONDS (600, the most the rating of what is left may take), FAULTS_DYNALITE_KILLS
# (2), FAULTS_SEED.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/java25.sh
./mvnw -B -q verify -pl local -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultsRun \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dcheckstyle.skip -Dfaults.tasks="${FAULTS_TASKS:-24}" \
    -Dfaults.raters="${FAULTS_RATERS:-20}" -Dfaults.evaluators="${FAULTS_EVALUATORS:-30}" \
    -Dfaults.rate="${FAULTS_RATE:-0.05}" -Dfaults.seconds="${FAULTS_SECONDS:-180}" \
    -Dfaults.healSeconds="${FAULTS_HEAL_SECONDS:-600}" -Dfaults.dynaliteKills="${FAULTS_DYNALITE_KILLS:-2}" \
    -Dfaults.seed="${FAULTS_SEED:-20261203}"
cat local/target/faults-run.md
