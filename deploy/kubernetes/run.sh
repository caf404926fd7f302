#!/bin/sh
# deploy/kubernetes/run.sh [cove targets options...]: makes the plan once, here, with your credentials, then
# runs it as the Indexed Job cove-shards and merges the ledgers with cove-merge. Needs cove and kubectl;
# NAMESPACE picks the namespace (default: default).
#   deploy/kubernetes/run.sh --regions us-east-1,eu-west-1
set -eu
cd "$(dirname "$0")"
ns=${NAMESPACE:-default}

cove targets "$@" --format jsonl --output plan.jsonl
# A ConfigMap holds at most 1 MiB: about 4,000 targets. For more, put plan.jsonl on the ledgers volume instead.
kubectl -n "$ns" create configmap cove-plan --from-file=plan.jsonl=plan.jsonl --dry-run=client -o yaml \
  | kubectl -n "$ns" apply -f -
kubectl -n "$ns" apply -f serviceaccount.yaml -f ledgers-pvc.yaml
kubectl -n "$ns" delete job cove-shards cove-merge --ignore-not-found
kubectl -n "$ns" apply -f job.yaml
kubectl -n "$ns" wait --for=condition=complete --timeout=24h job/cove-shards
uid=$(kubectl -n "$ns" get job cove-shards -o jsonpath='{.metadata.uid}')
sed "s/SHARDS_JOB_UID/$uid/" merge-job.yaml | kubectl -n "$ns" apply -f -
kubectl -n "$ns" wait --for=condition=complete --timeout=1h job/cove-merge
kubectl -n "$ns" logs job/cove-merge
