import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * CLI tests run the built binary (bin/admxkit.js → dist/), as users do. Build dist/ once before any test
 * so they never run against a stale build. Type errors do not stop the emit (tsc still writes dist/);
 * they are reported here and fail the separate type check of `npm run test:all`.
 */
export default function setup(): () => void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const result = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) {
    process.stderr.write(
      `warning: tsc reported errors while building dist/ for the tests:\n${result.stdout}${result.stderr}`,
    );
  }
  // The store names cache (src/read/names-cache.ts) of every test and spawned CLI goes to a folder of
  // this run, not the user's ~/.cache; removed when the run ends.
  const cache = mkdtempSync(join(tmpdir(), "admxkit-test-cache-"));
  process.env.ADMXKIT_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
