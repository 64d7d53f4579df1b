#!/usr/bin/env bash
# The night run: ratings of two days in the real table on the stand-ins, then two nightly exports, timed.
# Option: NIGHT_RATINGS (ratings a day, 5000; each is 4 models x 6 dimensions of default-v1 = 24 scores).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/java25.sh
./mvnw -B -q verify -pl local -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NightRun \
    -Dcheckstyle.skip -Dnight.ratings="${NIGHT_RATINGS:-5000}"
cat local/target/night-run.md
