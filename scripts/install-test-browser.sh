#!/usr/bin/env bash
# Installs the browser the review-page tests drive: Debian's chromium and chromium-driver.
# Idempotent: does nothing when /usr/bin/chromium and /usr/bin/chromedriver exist. Uses apt-get
# (with sudo when not root); nothing is downloaded outside the Debian package archive.
# When it cannot install, it says so and leaves the decision to the tests: the browser tests
# skip, except under CI=true, where they fail.
set -uo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-test-browser: no apt-get; install chromium and chromedriver by hand" >&2
  exit 0
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi
echo "install-test-browser: installing chromium and chromium-driver with apt-get" >&2
if ! { "${sudo[@]}" apt-get update -qq &&
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq chromium chromium-driver >/dev/null; }; then
  echo "install-test-browser: apt-get failed; the browser tests cannot run" >&2
fi
exit 0
