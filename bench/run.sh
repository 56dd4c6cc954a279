#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/io/opsdeck/bench (surefire never runs them).
#   bench/run.sh PrometheusDecodeBenchmark -prof gc -f 1 -wi 3 -i 5      # arguments go to JMH
#   JAVA_OPTS=-Xmx2g bench/run.sh --main io.opsdeck.bench.PrometheusDecodeFootprint   # a plain main() harness
# Builds test classes and writes the test class path to target/test-classpath.txt first.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/scripts/lib/common.sh"
opsdeck_find_jdk
cd "$here"
mvn -B -q -ntp test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
if [ "${1:-}" = "--main" ]; then
  shift
  main="$1"; shift
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:-} -cp "$cp" "$main" "$@"
fi
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
