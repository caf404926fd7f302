#!/usr/bin/env bash
# Sourced by Cove's scripts: makes sure moto_server (the AWS API emulator the tests run against) is installed.

cove_ensure_moto() {
  if command -v moto_server >/dev/null 2>&1 || python3 -c 'import moto.server' >/dev/null 2>&1; then
    return 0
  fi
  echo "moto_server not found; installing it with: python3 -m pip install 'moto[server]'" >&2
  if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is missing: install Python 3.9+ (e.g. 'apt-get install python3 python3-pip'), then run: python3 -m pip install 'moto[server]'" >&2
    return 1
  fi
  if ! python3 -m pip install --quiet 'moto[server]>=5.0'; then
    echo "Could not install moto. Install it by hand with: python3 -m pip install 'moto[server]'" >&2
    return 1
  fi
  hash -r
  command -v moto_server >/dev/null 2>&1 || python3 -c 'import moto.server' >/dev/null 2>&1 || {
    echo "moto installed but neither 'moto_server' nor 'python3 -m moto.server' works; check your PATH" >&2
    return 1
  }
}

# The aws CLI is the program one cove-cli test runs in every account (cove exec -- aws sts get-caller-identity).
cove_ensure_aws_cli() {
  command -v aws >/dev/null 2>&1 && return 0
  echo "aws CLI not found; installing it with: python3 -m pip install awscli" >&2
  python3 -m pip install --quiet awscli && hash -r && command -v aws >/dev/null 2>&1 && return 0
  echo "Could not install the aws CLI; the test that runs it will be skipped (python3 -m pip install awscli)" >&2
  return 0
}
