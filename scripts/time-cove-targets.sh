#!/usr/bin/env bash
# Times `cove targets` on the tour's organization (./try.sh: moto with 24 accounts) for one or more cove launchers,
# e.g. two builds compared:
#   scripts/time-cove-targets.sh [-n RUNS] [LAUNCHER...]      (default: bin/cove, 10 runs)
# Each round runs every launcher once, in turn, so that the machine's load falls alike on all of them. Two commands
# are timed: the whole organization as JSON, and the tour's OU 'prod' as a table. It prints each launcher's
# `--version`, then the median, fastest and slowest wall time and the median CPU time (user + sys) in seconds, and the
# load average before and after. Needs cove-examples built (./mvnw package); the emulator stops when the script ends.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/jdk.sh"
source "$root/scripts/moto.sh"

runs=10
if [ "${1:-}" = -n ]; then
  runs="$2"
  shift 2
fi
launchers=("$@")
[ ${#launchers[@]} -gt 0 ] || launchers=("$root/bin/cove")

cove_select_jdk
cove_ensure_moto
[ -d "$root/cove-examples/target/lib" ] || { echo "Build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }

unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ROLE_ARN AWS_ROLE_SESSION_NAME \
  AWS_WEB_IDENTITY_TOKEN_FILE AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_CONTAINER_CREDENTIALS_FULL_URI \
  AWS_CONTAINER_AUTHORIZATION_TOKEN AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE COVE_JAVA_OPTS
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true

work="$(mktemp -d)"
tour_pid=
cleanup() {
  if [ -n "$tour_pid" ] && kill -0 "$tour_pid" 2>/dev/null; then
    kill "$tour_pid" 2>/dev/null || true
    wait "$tour_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$JAVA_HOME/bin/java" -cp "$root/cove-examples/target/classes:$root/cove-examples/target/lib/*" \
  dev.cove.examples.TourOrganization --env-file "$work/tour.env" >"$work/tour.log" 2>&1 &
tour_pid=$!
for _ in $(seq 1 600); do
  [ -f "$work/tour.env" ] && break
  kill -0 "$tour_pid" 2>/dev/null || { echo "The emulator did not start:" >&2; cat "$work/tour.log" >&2; exit 1; }
  sleep 0.2
done
[ -f "$work/tour.env" ] || { echo "The emulator took too long to start:" >&2; cat "$work/tour.log" >&2; exit 1; }
# shellcheck disable=SC1091 # written by TourOrganization
source "$work/tour.env"
export AWS_ENDPOINT_URL="$COVE_TOUR_ENDPOINT"

for i in "${!launchers[@]}"; do
  printf 'launcher %d: %s\n' "$((i + 1))" "${launchers[$i]}"
  "${launchers[$i]}" --version | sed 's/^/  /'
done
echo "load before: $(uptime | sed 's/.*load average: //')"

commands=("targets --format json" "targets --target-ids $COVE_TOUR_OU_PROD --format table")
# A first run of each, untimed: the emulator's and the file system's caches warm alike for all.
for launcher in "${launchers[@]}"; do
  for command in "${commands[@]}"; do
    # shellcheck disable=SC2086 # a command is a list of words
    "$launcher" $command >/dev/null
  done
done
TIMEFORMAT='%R %U %S'
for _ in $(seq 1 "$runs"); do
  for i in "${!launchers[@]}"; do
    for c in "${!commands[@]}"; do
      # shellcheck disable=SC2086 # a command is a list of words
      { time "${launchers[$i]}" ${commands[$c]} >/dev/null 2>"$work/err"; } 2>>"$work/times-$i-$c" \
        || { echo "launcher $((i + 1)) failed: ${commands[$c]}" >&2; cat "$work/err" >&2; exit 1; }
    done
  done
done
echo "load after:  $(uptime | sed 's/.*load average: //')"

# The median of the numbers on stdin, one a line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo
printf '%-9s %-58s %9s %9s %9s %11s\n' launcher command "median s" "min s" "max s" "CPU med s"
for i in "${!launchers[@]}"; do
  for c in "${!commands[@]}"; do
    times="$work/times-$i-$c"
    printf '%-9s %-58s %9s %9s %9s %11s\n' "$((i + 1))" "${commands[$c]}" \
      "$(cut -d' ' -f1 "$times" | median)" "$(cut -d' ' -f1 "$times" | sort -n | awk 'NR == 1 { printf "%.2f", $1 }')" \
      "$(cut -d' ' -f1 "$times" | sort -n | awk '{ v = $1 } END { printf "%.2f", v }')" "$(awk '{ print $2 + $3 }' "$times" | median)"
  done
done
