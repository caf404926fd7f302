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
source "$root/scripts/tour.sh"

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

cove_tour_environment
unset COVE_JAVA_OPTS

work="$(mktemp -d)"
tour_pid=
cleanup() {
  cove_stop_tour || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cove_start_tour "$root" "$work"

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
