#!/usr/bin/env bash
# Times editeval's preview stage against sharp (libvips) + odiff, and pixelmatch, on the same real photos.
# Installs the npm tools into bench/preview/node_modules (not committed); not run by the tests.
#   bench/preview/run.sh [ROUNDS]      prints the figures recorded in bench/README.md
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-9}"
photos="${EDITEVAL_PHOTOS:-$root/../shared/testdata/photos}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$here/work"

npm install --prefix "$here" --no-audit --no-fund --silent
(cd "$root" && ./mvnw -q -B package -DskipTests -Dcheckstyle.skip -pl local -am)
cp="$root/local/target/classes:$(cat "$root/local/target/classpath.txt")"
# the flags ./editeval runs with; BENCH_JAVA_OPTS adds some (e.g. -Dediteval.turbojpeg=off for the ImageIO path)
java=("$JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-})
mkdir -p "$work/classes"
"$JAVA_HOME/bin/javac" -d "$work/classes" -cp "$cp" "$here/PreviewBench.java"
bench=("${java[@]}" -cp "$work/classes:$cp" PreviewBench)
"${bench[@]}" prepare "$work" "$photos"

echo "## machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -version 2>&1 | head -1; echo "node $(node --version)"
echo "## warm, in-process (median of 15 after warm-up)"
"${bench[@]}" warm "$work" 15
node "$here/reference.mjs" warm "$work" 15

now() { date +%s%N; }
# whole process, paired: each round runs editeval then the reference on the same task, and keeps the ratio
paired() {
  local label="$1"; shift
  python3 - "$label" "$@" <<'PY'
import statistics, subprocess, sys, time
label, sep = sys.argv[1], sys.argv.index("--")
java_cmd, ref_cmd = sys.argv[2:sep], sys.argv[sep + 1:]
rounds = int(__import__("os").environ["ROUNDS"])
ours, theirs, ratios = [], [], []
for _ in range(rounds):
    t = time.perf_counter(); subprocess.run(java_cmd, check=True, stdout=subprocess.DEVNULL); a = time.perf_counter() - t
    t = time.perf_counter(); subprocess.run(ref_cmd, check=True, stdout=subprocess.DEVNULL); b = time.perf_counter() - t
    ours.append(a * 1000); theirs.append(b * 1000); ratios.append(a / b)
print(f"{label}: editeval {statistics.median(ours):.0f} ms, reference {statistics.median(theirs):.0f} ms, "
      f"paired ratio median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f}), "
      f"{rounds} rounds")
PY
}
export ROUNDS="$rounds"
echo "## whole process (JVM or node start included)"
for task in a b; do
  output="$work/$task/output.png"; [ -f "$work/$task/output.jpg" ] && output="$work/$task/output.jpg"
  paired "task $task: ./editeval preview vs sharp+odiff" \
    "${java[@]}" -cp "$cp" dev.editeval.local.cli.EditevalCli preview "$work/$task/source.jpg" "$output" \
      --out "$work/out-cli-$task" -- node "$here/reference.mjs" once "$work" "$task"
done
paired "batch of 20 tasks in one process vs sharp+odiff" "${bench[@]}" batch "$work" 20 \
  -- node "$here/reference.mjs" batch "$work" 20
paired "task b diff only: editeval preview vs pixelmatch+pngjs (PNG pair)" \
  "${java[@]}" -cp "$cp" dev.editeval.local.cli.EditevalCli preview "$work/b/source.png" "$work/b/output.png" \
    --out "$work/out-cli-png" -- node "$here/reference.mjs" pixelmatch "$work"
