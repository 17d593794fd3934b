#!/usr/bin/env bash
# Makes sure the browser tests can run: Debian's chromium and the Noto CJK fonts (without them Japanese
# text renders as missing-glyph boxes). Installs only what is missing, so it is cheap to run before every
# test run; `apt-get update` runs once, and only when something must be installed.
# Needs root (or sudo) on Debian/Ubuntu; CI runs it as root on a fresh machine.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "ensure-browser: missing ${missing[*]}; run this script as root to install them" >&2
  exit 1
fi

echo "ensure-browser: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# apt's chatter (debconf notes, progress) goes to a log that is shown only when something fails.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -qq && \
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "ensure-browser: apt-get failed" >&2
  exit 1
fi
[ -x /usr/bin/chromium ] || { echo "ensure-browser: /usr/bin/chromium is still missing" >&2; exit 1; }
