#!/usr/bin/env bash
# Every test: static checks, the unit/golden/property/CLI suite, and the browser tests.
# Installs the Debian packages the browser tests need (chromium, fonts-noto-cjk) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-browser.sh

echo "== typecheck"
npx tsc --noEmit -p .
echo "== format"
npx prettier --check .
echo "== tests"
npx vitest run
echo "== browser tests"
npm run test:browser
