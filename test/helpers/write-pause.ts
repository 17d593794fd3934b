/**
 * The test-only pause of src/io/write-files.ts: with {@link PAUSE_ENV}, a writer stops after its first
 * temporary file is complete and says {@link PAUSED_MARKER} on stderr, so that a test can interrupt
 * the write at a known point whatever the machine's load.
 */
import type { ChildProcess } from "node:child_process";

/** The environment variable that turns the pause on, for a child's `env`. */
export const PAUSE_ENV = { ADMXKIT_TEST_PAUSE_AFTER_FIRST_TEMP: "1" } as const;

/** What the paused writer writes on stderr. */
export const PAUSED_MARKER = "admxkit-test: paused after the first temporary file";

/** Resolves true when `child` says on stderr that it paused, false when it exits first. */
export function paused(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      if (stderr.includes(PAUSED_MARKER)) resolve(true);
    });
    child.once("exit", () => resolve(false));
  });
}
