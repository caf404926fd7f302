#!/usr/bin/env bash
# Runs the README's test command as on a fresh machine of the kind Cove builds on: no JAVA_HOME (nor any
# JAVA<n>_HOME), a Java 17 first on PATH (Maven runs on it and must find a JDK 21+ for Cove by itself), no
# ~/.m2/toolchains.xml and no cache of discovered JDKs. It builds a copy of this work tree (tracked and untracked
# files, no build output), so nothing here is touched; downloads still go to the usual ~/.m2/repository.
#
#   scripts/test-fresh-machine.sh          ./mvnw verify: the whole suite, as CI runs it (~8 min)
#   scripts/test-fresh-machine.sh --quick  the build and the tarball, with two real test classes (~6 min):
#                                          ExecCommandTest (the command in-process against moto) and
#                                          DistributionIT (the tarball run without Java)
# Either way it first checks the one line Maven prints on a machine without a JDK new enough, then runs ./try.sh
# (the README's other command) after the build, and ends with "N passed, N failed".
# JDK17=/path/to/jdk names the Java 17 to use (default: the first one in /usr/lib/jvm).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

jdk17="${JDK17:-}"
if [ -z "$jdk17" ]; then
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && grep -q '^JAVA_VERSION="17' "$candidate/release" 2>/dev/null; then
      jdk17="$candidate"
      break
    fi
  done
fi
[ -n "$jdk17" ] && [ -x "$jdk17/bin/java" ] || { echo "no Java 17 found in /usr/lib/jvm; set JDK17" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
copy="$work/cove"
mkdir -p "$copy" "$work/home"
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$copy"

# The environment of a fresh machine: every JAVA*_HOME removed, Java 17 first on PATH. Maven's user.home is a new
# directory (so no toolchains.xml, settings.xml or JDK discovery cache of this machine's user), with the usual
# local repository so that nothing is downloaded twice.
fresh=(env)
while IFS='=' read -r name _; do
  [[ "$name" =~ ^JAVA.*_HOME$ ]] && fresh+=(-u "$name")
done < <(env)
fresh+=(PATH="$jdk17/bin:$PATH" "MAVEN_OPTS=-Duser.home=$work/home -Dmaven.repo.local=$HOME/.m2/repository")

passed=0
failed=0
check() {
  local name="$1"
  shift
  if "$@"; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name" >&2
    failed=$((failed + 1))
  fi
}

maven_runs_on_17() {
  (cd "$copy" && "${fresh[@]}" ./mvnw -v) >"$work/version.log" 2>&1
  cat "$work/version.log"
  grep -q '^Java version: 17' "$work/version.log"
}

# No JDK new enough: asked for a JDK 99, Maven stops before building with one line saying so.
no_jdk_says_so() {
  local status=0
  (cd "$copy" && "${fresh[@]}" ./mvnw -q validate -Dcove.jdk=99) >"$work/no-jdk.log" 2>&1 || status=$?
  grep '^\[ERROR\] Cove is compiled and tested with a JDK 99 or newer, and Maven found none' "$work/no-jdk.log" &&
    [ "$status" -ne 0 ]
}

build() {
  if $quick; then
    (cd "$copy" && "${fresh[@]}" ./mvnw -pl cove-cli -am verify -Dtest=ExecCommandTest -Dit.test=DistributionIT \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)
  else
    (cd "$copy" && "${fresh[@]}" ./mvnw verify)
  fi 2>&1 | tee "$work/build.log"
  [ "${PIPESTATUS[0]}" -eq 0 ]
}

# The README's other command, on the build above: the tour, to its last step.
tour() {
  (cd "$copy" && "${fresh[@]}" ./try.sh) </dev/null 2>&1 | tee "$work/tour.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] && grep -q "That was Cove" "$work/tour.log"
}

toolchain_compiled_and_tested() {
  grep -q 'Toolchain in maven-compiler-plugin: JDK\[' "$work/build.log" &&
    grep -q 'Toolchain in maven-failsafe-plugin: JDK\[' "$work/build.log" &&
    grep -q 'Toolchain in exec-maven-plugin: JDK\[' "$work/build.log"
}

check "./mvnw runs Maven on Java 17 ($jdk17)" maven_runs_on_17
check "with no JDK new enough, one line says so" no_jdk_says_so
if $quick; then
  check "./mvnw -pl cove-cli -am verify (ExecCommandTest, DistributionIT) passes" build
else
  check "./mvnw verify passes" build
fi
check "a toolchain JDK compiled, tested and linked: $(grep -m1 -o 'Toolchain in maven-compiler-plugin: JDK\[[^]]*\]' "$work/build.log" || true)" \
  toolchain_compiled_and_tested
check "./try.sh tours Cove" tour
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
