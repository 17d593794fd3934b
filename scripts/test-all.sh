#!/usr/bin/env bash
# Every test: the unit/golden/property/CLI suite, the browser tests, and the static checks (type check,
# formatting), which run beside the browser tests.
# Installs the Debian packages the browser tests need (chromium, fonts-noto-cjk) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output

bash scripts/ensure-browser.sh

echo "== tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json

# The static checks run beside the browser tests: those keep about one of the two cores busy (the
# vitest suite keeps both), so the checks add no time there. Their output is printed when they end.
(
  set -e
  echo "== typecheck"
  npm run --silent typecheck
  echo "== format"
  npx prettier --check .
) > test-output/static-checks.log 2>&1 &
static=$!

echo "== browser tests"
browser=0
npm run test:browser -- --reporter=default --reporter=json --outputFile.json=test-output/vitest-browser.json || browser=$?

checks=0
wait "$static" || checks=$?
cat test-output/static-checks.log
if [ "$checks" -ne 0 ]; then
  echo "static checks failed (exit $checks)"
  exit "$checks"
fi
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
