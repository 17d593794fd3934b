import { defineConfig } from "vitest/config";

/**
 * Browser tests: playwright-core driving Debian's /usr/bin/chromium (install it and fonts-noto-cjk with
 * scripts/ensure-browser.sh). Kept out of the default run because they need that browser.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts", "test/browser/global-setup.ts"],
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
