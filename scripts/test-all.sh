#!/usr/bin/env bash
# Every test: static checks, the unit/golden/property/CLI suite, and the browser tests.
# Installs the Debian packages the browser tests need (chromium, fonts-noto-cjk) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output

bash scripts/ensure-browser.sh

echo "== typecheck"
npm run --silent typecheck
echo "== format"
npx prettier --check .
echo "== tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json
echo "== browser tests"
npm run test:browser -- --reporter=default --reporter=json --outputFile.json=test-output/vitest-browser.json

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
