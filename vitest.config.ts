import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./test/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**"],
    globalSetup: ["test/global-setup.ts"],
    // Vitest's default is one worker less than the CPUs: one worker on this project's 2-core machines,
    // with the second core idle while a test waits on the CLI it spawned. Two workers: 198 s -> 144 s.
    maxWorkers: 2,
    // Test files of a worker share one module graph instead of importing src/ anew for each file: the
    // suite is CPU-bound on 2 cores, and the imports were a fifth of it (162 s -> 120-128 s). Tests that
    // change process.env or other globals put them back (names-cache, repeated-options, first-minutes).
    isolate: false,
    // The longest files first, also in a fresh clone, which has no durations of a previous run (CI).
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
