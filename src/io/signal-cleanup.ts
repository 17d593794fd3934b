import { removePendingOutputsSync } from "./write-files.js";

/** The exit code of a process ended by a signal, as shells report it: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * For the CLI (a library must not take over its host's signals): on SIGINT, SIGTERM or SIGHUP, remove
 * the temporary files and new folders of the writes in progress, then exit with 128 + the signal's
 * number (130, 143, 129). Without it Node would die at once and leave the `*.tmp` files behind. A hard
 * kill (SIGKILL) cannot be caught: its temporary files remain (see docs/content/en/robustness.md).
 */
export function installSignalCleanup(exit: (code: number) => never = process.exit): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      removePendingOutputsSync();
      exit(code);
    });
  }
}
