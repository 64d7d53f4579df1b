#!/usr/bin/env bash
# Cold-start cost of the SDK's HTTP clients for the functions: JVM start to the first S3 answer, 10 runs each,
# against the local S3 stand-in (start it first: ./editeval up). Prints the median per client and the jar sizes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
m2="${HOME}/.m2/repository/software/amazon/awssdk"
"$root/mvnw" -q -f "$root/pom.xml" -pl functions/app -am package -DskipTests -Dcheckstyle.skip
"$root/mvnw" -q dependency:get -Dartifact=software.amazon.awssdk:aws-crt-client:2.57.8
"$root/mvnw" -q dependency:get -Dartifact=software.amazon.awssdk.crt:aws-crt:0.49.0
cp="$root/functions/app/target/functions.jar:$m2/aws-crt-client/2.57.8/aws-crt-client-2.57.8.jar:$m2/crt/aws-crt/0.49.0/aws-crt-0.49.0.jar"
endpoint="${AWS_ENDPOINT_URL_S3:-http://127.0.0.1:4561}"
for client in url-connection crt; do
  for i in $(seq 10); do
    java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$cp" "$(dirname "$0")/HttpClientStart.java" "$client" "$endpoint"
  done | awk -v c="$client" '{print $2}' | sort -n | awk -v c="$client" '{a[NR]=$1} END {print c ": median " a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ")"}'
done
ls -l "$m2/url-connection-client/2.57.8/url-connection-client-2.57.8.jar" "$m2/aws-crt-client/2.57.8/aws-crt-client-2.57.8.jar" \
  "$m2/crt/aws-crt/0.49.0/aws-crt-0.49.0.jar" | awk '{print $5, $9}'
