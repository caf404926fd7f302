#!/usr/bin/env bash
# Sourced by Cove's scripts: makes sure Debian's chromium and chromium-driver are installed; the test of
# `cove report` opens the page in headless Chromium through chromedriver.

cove_chromium_present() {
  { command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ]; } && command -v chromedriver >/dev/null 2>&1
}

cove_ensure_chromium() {
  cove_chromium_present && return 0
  echo "chromium or chromedriver not found; installing them with: apt-get install -y chromium chromium-driver" >&2
  if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
    echo "Cannot install them here (it takes root and apt-get). Install Debian's chromium and chromium-driver" \
      "(or your system's Chromium and its chromedriver) by hand: the report's browser test fails without them." >&2
    return 1
  fi
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >&2; then
    echo "Could not install chromium. Install it by hand with: apt-get install -y chromium chromium-driver" >&2
    return 1
  fi
  hash -r
  cove_chromium_present || {
    echo "chromium and chromium-driver installed, but chromium or chromedriver is not on PATH; check your PATH" >&2
    return 1
  }
}
