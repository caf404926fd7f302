#!/usr/bin/env bash
# A tour of Cove on a local AWS organization. It builds Cove, starts the moto emulator on a free loopback
# port with a 24-account organization (OUs nested three deep, IAM users in every account), then runs the
# `cove` command and an example program against it. The emulator stops when the tour ends, Ctrl-C included.
# Fake credentials and an emulator endpoint are set for every step: nothing here can touch a real AWS account.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
source scripts/moto.sh
source scripts/tour.sh

if [ -t 1 ]; then bold=$'\033[1m'; dim=$'\033[2m'; plain=$'\033[0m'; else bold=; dim=; plain=; fi
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
say() { printf '%s%s%s\n' "$dim" "$*" "$plain"; }
# Prints an argument so that it could be pasted into a shell.
quote() {
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi
}
# Prints a command, then runs it; a non-zero exit is shown, not fatal (failures are part of the tour).
run() {
  local arg line='$'
  for arg in "$@"; do line+=" $(quote "$arg")"; done
  printf '%s%s%s\n' "$bold" "$line" "$plain"
  local status=0
  "$@" || status=$?
  [ "$status" -eq 0 ] || say "(exit code $status)"
}

cove_select_jdk
cove_ensure_moto

cove_tour_environment

step "Building Cove with $JAVA_HOME (a minute or two the first time)"
# Maven's own libraries use sun.misc.Unsafe, which Java 24+ warns about; the warning is Maven's, not Cove's.
if [ "$(cove_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
./mvnw -q -B package -DskipTests

work="$(mktemp -d)"
tour_pid=
cleanup() {
  if cove_stop_tour; then
    say "The emulator has stopped."
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Starting the AWS emulator (moto) with an organization of 24 accounts"
cove_start_tour "$PWD" "$work"
grep '^moto is listening' "$work/tour.log" || true
say "OUs: prod=$COVE_TOUR_OU_PROD (with prod/web, prod/web/edge, prod/data), staging=$COVE_TOUR_OU_STAGING,"
say "     sandbox=$COVE_TOUR_OU_SANDBOX (with sandbox/experiments). AWS_ENDPOINT_URL=$AWS_ENDPOINT_URL"

step "A dry run: which accounts does the OU 'prod' select? (every account below it, at any depth; no role assumed)"
run bin/cove targets --target-ids "$COVE_TOUR_OU_PROD" --format table

if command -v aws >/dev/null 2>&1; then
  step "Run a program in every account × region: 'aws sts get-caller-identity' in prod/web, in 2 regions"
  say "Each run gets that account's assumed-role credentials in its environment, so each prints its own identity."
  run bin/cove exec --target-ids "$COVE_TOUR_OU_PROD_WEB" --regions us-east-1,eu-west-1 --format table \
    -- aws sts get-caller-identity --query Arn --output text
  step "The same as JSON, for one OU: a program's JSON output becomes the record's Result"
  run bin/cove exec --target-ids "$COVE_TOUR_OU_PROD_WEB_EDGE" --format json -- aws sts get-caller-identity
else
  step "Run a program in every account × region (the AWS CLI is not installed, so a shell prints who it is)"
  run bin/cove exec --target-ids "$COVE_TOUR_OU_PROD_WEB" --regions us-east-1,eu-west-1 --format table \
    -- sh -c 'echo "account $COVE_ACCOUNT_ID ($COVE_ACCOUNT_NAME) in $COVE_REGION"'
fi

step "Failures are reported, never lost: a program that fails in one account (exit code 1 when any target fails)"
run bin/cove exec --format table -- sh -c \
  'if [ "$COVE_ACCOUNT_NAME" = acct-0007 ]; then echo "simulated failure" >&2; exit 3; fi; echo "ok in $COVE_ACCOUNT_NAME"'

step "The library: dev.cove.examples.CountIamUsers counts the IAM users of every account with Cove"
run "$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "cove-examples/target/classes:cove-examples/target/lib/*" dev.cove.examples.CountIamUsers

step "See a run: every account in 3 regions, recorded as a ledger (-f jsonl), then drawn by 'cove report'"
say "The program waits up to a second, fails in acct-0007 (everywhere) and acct-0012 (in eu-west-1), and runs"
say "out of time in acct-0019 in ap-southeast-2. The summary on stderr groups the failures by cause."
mkdir -p tour
run bin/cove exec --regions us-east-1,eu-west-1,ap-southeast-2 --timeout 3s --format jsonl --output tour/run.jsonl \
  -- sh -c 'sleep "0.${COVE_ACCOUNT_ID#?????????}"
case "$COVE_ACCOUNT_NAME/$COVE_REGION" in
  acct-0007/*) echo "bucket policy denies access" >&2; exit 3 ;;
  acct-0012/eu-west-1) echo "no default VPC in $COVE_REGION" >&2; exit 2 ;;
  acct-0019/ap-southeast-2) sleep 10 ;;
esac
echo "{\"Region\": \"$COVE_REGION\"}"'
run bin/cove report tour/run.jsonl --output tour/report.html
say "The report of this run: $PWD/tour/report.html (open it in a browser; it is one self-contained file)."

step "That was Cove. Next: 'bin/cove --help', docs/cli.md, and the README's library section."
