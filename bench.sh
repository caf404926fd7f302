#!/usr/bin/env bash
# Runs Cove's benchmark: ./bench.sh [--quick] [--backend stub|moto|all] [--jfr] ... (./bench.sh --help)
# Builds cove-bench and what it needs, then runs the harness, which writes docs/benchmarks.md and
# docs/benchmarks.csv (with --quick: cove-bench/target/bench/). Set BENCH_SKIP_BUILD=1 to reuse a build.
set -euo pipefail
cd "$(dirname "$0")"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*21*; do
    if [[ -x "$candidate/bin/java" && "$(java_major "$candidate")" -ge 21 ]]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
  echo "bench.sh needs a JDK 21 or newer (25 recommended): set JAVA_HOME" >&2
  exit 2
fi

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -B -pl cove-bench -am package -Dmaven.test.skip=true
fi

jar=$(ls cove-bench/target/cove-bench-*.jar | grep -v -e sources -e javadoc | head -n 1)
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$jar:cove-bench/target/lib/*" dev.cove.bench.Bench "$@"
