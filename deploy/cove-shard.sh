#!/bin/sh
# cove-shard COMMAND [ARGS...]: runs this worker's shard of a cove plan on a batch engine, and resumes it when
# the engine runs the worker again. Both deploy/kubernetes and deploy/aws-batch run it; see docs/scale-out.md.
#
#   PLAN          the plan (a 'cove targets -f jsonl' output): a file, e.g. a ConfigMap's mount, or an s3:// URI
#   LEDGERS       where each shard keeps its ledger, LEDGERS/RUN_ID/shard-INDEX.jsonl: a directory on a shared
#                 volume (written there as records come), or an s3:// prefix (written when the shard ends, or
#                 is stopped with SIGTERM)
#   RUN_ID        names this run, the same for every shard and every retry of one: the Job's UID (Kubernetes);
#                 default: the array job's ID, from AWS_BATCH_JOB_ID (AWS Batch). A shard finds its earlier
#                 ledger by it and resumes; a new run starts fresh ledgers.
#   SHARDS        the number of shards; default AWS_BATCH_JOB_ARRAY_SIZE
#   COVE_OPTIONS  more options for 'cove exec', e.g. "--workers 20 --timeout 30m --role-name Auditor"
#
# The shard's index is the engine's: JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) or
# AWS_BATCH_JOB_ARRAY_INDEX (an AWS Batch array job); 'cove exec --shard auto/N' reads it.
# Exit code: 0 when the shard ran to its end (targets that failed are in its ledger, for cove merge to count),
# 130 when it was stopped (run it again: it resumes), 2 for bad usage, 3 when the ledger could not be stored.
set -u

index=${JOB_COMPLETION_INDEX:-${AWS_BATCH_JOB_ARRAY_INDEX:-}}
shards=${SHARDS:-${AWS_BATCH_JOB_ARRAY_SIZE:-}}
batch_job=${AWS_BATCH_JOB_ID:-}
run=${RUN_ID:-${batch_job%%:*}}
if [ -z "$index" ] || [ -z "$shards" ] || [ -z "$run" ] || [ -z "${PLAN:-}" ] || [ -z "${LEDGERS:-}" ] \
    || [ $# -eq 0 ]; then
  echo "cove-shard: usage: cove-shard COMMAND [ARGS...], with PLAN, LEDGERS, RUN_ID and SHARDS set, in a" \
    "Kubernetes Indexed Job (JOB_COMPLETION_INDEX) or an AWS Batch array job (AWS_BATCH_JOB_ARRAY_INDEX)" >&2
  exit 2
fi

work=$(mktemp -d)
fetch() { # fetch FROM TO: copies a file or an s3:// object; fails when there is none
  case "$1" in
    s3://*) aws s3 cp --only-show-errors "$1" "$2" ;;
    *) [ -f "$1" ] && cp "$1" "$2" ;;
  esac
}

plan="$work/plan.jsonl"
fetch "$PLAN" "$plan" || { echo "cove-shard: cannot read the plan $PLAN" >&2; exit 2; }
stored="$LEDGERS/$run/shard-$index.jsonl"
case "$LEDGERS" in
  s3://*) ledger="$work/shard-$index.jsonl"; fetch "$stored" "$ledger" 2>/dev/null ;;
  *) ledger="$stored"; mkdir -p "$LEDGERS/$run" || exit 2 ;;
esac
if [ -s "$ledger" ]; then
  set -- --resume "$ledger" -- "$@" # this shard ran before and was stopped: finish it
else
  set -- --format jsonl --output "$ledger" -- "$@"
fi

# shellcheck disable=SC2086 # COVE_OPTIONS holds several options
cove exec --targets-file "$plan" --shard "auto/$shards" ${COVE_OPTIONS:-} "$@" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT # the engine stops us: cove writes every record, then we store them
wait "$pid"
rc=$?
while kill -0 "$pid" 2>/dev/null; do
  wait "$pid"
  rc=$?
done

case "$LEDGERS" in
  s3://*)
    if [ -s "$ledger" ] && ! aws s3 cp --only-show-errors "$ledger" "$stored"; then
      echo "cove-shard: could not store the ledger in $LEDGERS; it is in $ledger" >&2
      exit 3
    fi ;;
esac
[ "$rc" -eq 1 ] && rc=0 # some targets failed: the ledger says which, and the shard itself is done
exit "$rc"
