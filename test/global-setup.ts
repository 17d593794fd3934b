import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDist } from "../scripts/build-dist.js";
import { sharedFolderProblem } from "../scripts/shared-folder.js";

/**
 * CLI tests run the built binary (bin/admxkit.js → dist/), as users do. Build dist/ before any test so
 * they never run against a stale build — unless `npm run test:all` has just built it for both suites,
 * which it runs side by side (scripts/build-dist.js).
 */
export default async function setup(): Promise<() => Promise<void>> {
  // Both suites read the reference folder: without it, one message and exit 1 before anything runs,
  // instead of a failure in every test that reads it. (Thrown from here, the message would come after
  // Vitest's "No test files found", which is not the reason.)
  const problem = sharedFolderProblem();
  if (problem !== undefined) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  const root = fileURLToPath(new URL("..", import.meta.url));
  if (process.env.ADMXKIT_TEST_DIST_BUILT !== "1") await buildDist(root);
  // Every temporary folder of the run (the tests' own, the CLIs they spawn, Chromium's profiles) goes
  // below one folder of this run, removed when the run ends: a run makes hundreds, some of them whole
  // store previews of 40 MB. Workers and spawned processes inherit TMPDIR, which os.tmpdir() reads.
  const runTemp = mkdtempSync(join(tmpdir(), "admxkit-test-run-"));
  process.env.TMPDIR = runTemp;
  // The store names cache (src/read/names-cache.ts) of every test and spawned CLI goes to a folder of
  // this run, not the user's ~/.cache.
  const cache = mkdtempSync(join(runTemp, "admxkit-test-cache-"));
  process.env.ADMXKIT_CACHE_DIR = cache;
  // Vitest runs this while it stops the last worker, not after. So without blocking (a store
  // preview's thousands of files take seconds to remove on a busy disk, and the pool's timers would
  // fire late), and again when a folder fills while being emptied: the browser suite's worker closes
  // its Chromium then, which writes to its profile below this folder until it has exited.
  return () => rm(runTemp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
