import { defineConfig } from "vitest/config";

/**
 * Browser tests: playwright-core driving Debian's /usr/bin/chromium (install it and fonts-noto-cjk with
 * scripts/ensure-browser.sh). Kept out of the default run because they need that browser.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts", "test/browser/global-setup.ts"],
    // One worker for the four files, one after the other, sharing its module graph (the CLI bundle,
    // playwright-core) and one Chromium process (test/browser/chromium-process.ts) instead of a fork, the imports
    // and Chromium starts per file. Still one file at a time: `npm run test:all` runs this suite beside
    // the unit suite, whose two workers keep both cores busy, so a second worker here would add its
    // imports and a second Chromium (CPU) and save wall time only on an otherwise idle machine.
    fileParallelism: false,
    maxWorkers: 1,
    isolate: false,
    // Node's environment, and the shared Chromium closed when the worker is torn down.
    environment: "./test/browser/chromium-environment.ts",
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
