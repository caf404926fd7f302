#!/bin/sh
# deploy/aws-batch/submit.sh QUEUE BUCKET SHARDS [cove targets options...]: makes the plan once, here, with your
# credentials, puts it in S3, submits the array job cove-shard of SHARDS children (2 to 10,000,
# https://docs.aws.amazon.com/batch/latest/userguide/array_jobs.html) and the job cove-merge, which runs once
# every child has succeeded. Needs cove and the AWS CLI, and the two job definitions registered once:
#   aws batch register-job-definition --cli-input-json file://deploy/aws-batch/job-definition.json
#   aws batch register-job-definition --cli-input-json file://deploy/aws-batch/merge-job-definition.json
# Example: deploy/aws-batch/submit.sh cove-queue my-cove-bucket 3 --regions us-east-1,eu-west-1
set -eu
queue=$1
bucket=$2
shards=$3
shift 3
plan="s3://$bucket/runs/plan.jsonl"
ledgers="s3://$bucket/runs/ledgers"

cove targets "$@" --format jsonl --output plan.jsonl
aws s3 cp --only-show-errors plan.jsonl "$plan"

environment="[{name=PLAN,value=$plan},{name=LEDGERS,value=$ledgers}]"
array=$(aws batch submit-job --job-name cove-shards --job-queue "$queue" --job-definition cove-shard \
  --array-properties "size=$shards" --container-overrides "environment=$environment" \
  --query jobId --output text)
# A job that depends on the array job runs once it has succeeded; should a child fail for good (bad usage, a
# ledger it could not store), the merge fails too: run cove-merge by hand, it names what is missing.
# https://docs.aws.amazon.com/batch/latest/userguide/job_dependencies.html
merge=$(aws batch submit-job --job-name cove-merge --job-queue "$queue" --job-definition cove-merge \
  --depends-on "jobId=$array" \
  --container-overrides "environment=[{name=PLAN,value=$plan},{name=LEDGERS,value=$ledgers},{name=RUN_ID,value=$array}]" \
  --query jobId --output text)
echo "submitted: shards $array, merge $merge; the merged ledger will be $ledgers/$array/run.jsonl"
