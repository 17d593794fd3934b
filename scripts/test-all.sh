#!/usr/bin/env bash
# Every test: the static checks (type check, formatting) beside the build, then the unit/golden/property/
# CLI suite and the browser tests side by side.
# Installs the Debian packages the browser tests need (chromium, fonts-noto-cjk) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output

# The reference folder both suites read (ADMXKIT_SHARED, else ../shared): one line and exit 1 when it
# is missing, before anything is installed, built or run.
node scripts/shared-folder.js

bash scripts/ensure-browser.sh

# The static checks (type check, prettier) run beside the build: the build is mostly one process on one
# core, so the other core does them there instead of after the suites. They read src/, test/ and the
# docs, never dist/, which the build writes. Their output is printed after the unit suite.
(
  status=0
  echo "== typecheck"
  npm run --silent typecheck || status=$?
  echo "== format"
  npx prettier --check . || status=$?
  exit "$status"
) > test-output/static-checks.log 2>&1 &
checks_pid=$!

# dist/ once, for both suites (their global setups skip it then): two builds must never write it at once.
# Emit only: the type check beside it fails the run on a type error.
echo "== build"
node scripts/build-dist.js --no-type-check
export ADMXKIT_TEST_DIST_BUILT=1

# The browser suite runs beside the unit suite: it runs one test file at a time and waits on Chromium,
# so it leaves room on the second core. The unit suite keeps both cores busy. The browser suite writes
# to a log, printed when it ends.
npm run --silent test:browser -- --reporter=default --reporter=json \
  --outputFile.json=test-output/vitest-browser.json > test-output/browser-tests.log 2>&1 &
browser_pid=$!

echo "== tests"
unit=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json || unit=$?

checks=0
wait "$checks_pid" || checks=$?
cat test-output/static-checks.log

browser=0
wait "$browser_pid" || browser=$?
echo "== browser tests"
cat test-output/browser-tests.log
if [ "$checks" -ne 0 ]; then
  echo "static checks failed (exit $checks)"
  exit "$checks"
fi
[ "$unit" -eq 0 ] || exit "$unit"
[ "$browser" -eq 0 ] || exit "$browser"

# One plain closing line for both runs, as CI reads it.
node -e '
const fs = require("node:fs");
let passed = 0, failed = 0, skipped = 0;
for (const file of ["test-output/vitest.json", "test-output/vitest-browser.json"]) {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
