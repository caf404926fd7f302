#!/usr/bin/env bash
# Sourced by ./try.sh and scripts/time-cove-targets.sh: the tour's organization (dev.cove.examples.TourOrganization,
# moto with 24 accounts), reached with fake credentials only.

# Only fake credentials, no profile, no credential files: every call goes to the emulator or fails.
cove_tour_environment() {
  unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ROLE_ARN AWS_ROLE_SESSION_NAME \
    AWS_WEB_IDENTITY_TOKEN_FILE AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_CONTAINER_CREDENTIALS_FULL_URI \
    AWS_CONTAINER_AUTHORIZATION_TOKEN AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
}

# Starts the tour's organization from the built cove-examples under $1, its files in the directory $2; sets
# tour_pid, reads the variables TourOrganization writes (COVE_TOUR_ENDPOINT, COVE_TOUR_OU_*) and exports
# AWS_ENDPOINT_URL. Exits with the emulator's log when it does not start.
cove_start_tour() {
  local root="$1" work="$2"
  "$JAVA_HOME/bin/java" -cp "$root/cove-examples/target/classes:$root/cove-examples/target/lib/*" \
    dev.cove.examples.TourOrganization --env-file "$work/tour.env" >"$work/tour.log" 2>&1 &
  tour_pid=$!
  for _ in $(seq 1 600); do
    [ -f "$work/tour.env" ] && break
    if ! kill -0 "$tour_pid" 2>/dev/null; then
      echo "The emulator did not start:" >&2
      cat "$work/tour.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  [ -f "$work/tour.env" ] || { echo "The emulator took too long to start; its log:" >&2; cat "$work/tour.log" >&2; exit 1; }
  # shellcheck disable=SC1091 # written by TourOrganization
  source "$work/tour.env"
  export AWS_ENDPOINT_URL="$COVE_TOUR_ENDPOINT"
}

# Stops the tour's emulator; succeeds only when one was running.
cove_stop_tour() {
  if [ -n "${tour_pid:-}" ] && kill -0 "$tour_pid" 2>/dev/null; then
    kill "$tour_pid" 2>/dev/null || true
    wait "$tour_pid" 2>/dev/null || true
    return 0
  fi
  return 1
}
