#!/bin/sh
# cove-merge: joins the ledgers of every shard of a run into one, after the shards have run, and names every
# target of the plan that no ledger has. Both deploy/kubernetes and deploy/aws-batch run it; see docs/scale-out.md.
#
#   PLAN     the plan the shards ran: a file or an s3:// URI
#   LEDGERS  where the shards kept their ledgers: a directory or an s3:// prefix
#   RUN_ID   the run whose shards to merge (see cove-shard); the merged ledger is written as
#            LEDGERS/RUN_ID/run.jsonl
#
# Exit code: 0 when the merge was written (cove merge's summary on stderr says how the targets ended, and names
# those missing from every ledger), 2 for bad usage or a ledger that cannot be read.
set -u

if [ -z "${PLAN:-}" ] || [ -z "${LEDGERS:-}" ] || [ -z "${RUN_ID:-}" ]; then
  echo "cove-merge: usage: cove-merge, with PLAN, LEDGERS and RUN_ID set" >&2
  exit 2
fi
ledgers="$LEDGERS/$RUN_ID"
work=$(mktemp -d)
case "$PLAN" in
  s3://*) aws s3 cp --only-show-errors "$PLAN" "$work/plan.jsonl" || exit 2 ;;
  *) cp "$PLAN" "$work/plan.jsonl" || exit 2 ;;
esac
case "$LEDGERS" in
  s3://*) aws s3 cp --only-show-errors --recursive --exclude "*" --include "shard-*.jsonl" "$ledgers/" "$work/" \
            || exit 2 ;;
  *) cp "$ledgers"/shard-*.jsonl "$work/" 2>/dev/null ;;
esac

set -- "$work"/shard-*.jsonl
[ -e "$1" ] || set -- # no shard wrote a ledger: every target of the plan is missing
if [ $# -eq 0 ]; then
  : > "$work/none.jsonl"
  set -- "$work/none.jsonl"
fi
cove merge "$@" --plan "$work/plan.jsonl" --format jsonl --output "$work/run.jsonl"
rc=$?
[ "$rc" -eq 2 ] && exit 2
case "$LEDGERS" in
  s3://*) aws s3 cp --only-show-errors "$work/run.jsonl" "$ledgers/run.jsonl" || exit 3 ;;
  *) mkdir -p "$ledgers" && cp "$work/run.jsonl" "$ledgers/run.jsonl" || exit 3 ;;
esac
echo "cove-merge: the merged ledger is $ledgers/run.jsonl" >&2
exit 0
