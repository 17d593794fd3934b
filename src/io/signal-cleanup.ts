import { removePendingOutputsSync } from "./write-files.js";

/** The exit code of a process ended by a signal, as shells report it: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** What a shell reports for a program ended by SIGPIPE (128 + 13), as `cat` in `cat big | head -1`. */
export const BROKEN_PIPE_EXIT_CODE = 141;

/**
 * For the CLI (a library must not take over its host's signals): on SIGINT, SIGTERM or SIGHUP, remove
 * the temporary files and new folders of the writes in progress, then exit with 128 + the signal's
 * number (130, 143, 129). Without it Node would die at once and leave the `*.tmp` files behind. A closed
 * stdout or stderr (EPIPE) ends the process quietly with 141. A hard
 * kill (SIGKILL) cannot be caught: its temporary files remain (see docs/content/en/robustness.md).
 */
export function installSignalCleanup(exit: (code: number) => never = process.exit): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      removePendingOutputsSync();
      exit(code);
    });
  }
  // `admxkit dump big.pol --json | head -1`: the reader has gone, so the rest of the output has nowhere
  // to go. Node ignores SIGPIPE and reports EPIPE as an error event, which would print a stack trace;
  // end quietly instead, as a program killed by SIGPIPE does.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      removePendingOutputsSync();
      exit(BROKEN_PIPE_EXIT_CODE);
    });
  }
}
