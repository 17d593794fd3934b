import { writeSync } from "node:fs";
import { diag, formatDiagnostic } from "../diagnostics/diagnostic.js";
import type { LocaleTag } from "../i18n/messages.js";
import { removePendingOutputsSync } from "./write-files.js";

/** The exit code of a process ended by a signal, as shells report it: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** What a shell reports for a program ended by SIGPIPE (128 + 13), as `cat` in `cat big | head -1`. */
export const BROKEN_PIPE_EXIT_CODE = 141;

/** The exit code of a run whose output could not be written (the output is incomplete). */
const WRITE_FAILED_EXIT_CODE = 1;

/**
 * For the CLI (a library must not take over its host's signals): on SIGINT, SIGTERM or SIGHUP, remove
 * the temporary files and new folders of the writes in progress, then exit with 128 + the signal's
 * number (130, 143, 129). Without it Node would die at once and leave the `*.tmp` files behind. A closed
 * stdout or stderr (EPIPE) ends the process quietly with 141. Any other failure to write them (a full
 * disk behind `> file`, `> /dev/full`) ends it with 1 and one line on stderr, in `locale`, when stderr
 * can still take it. A hard kill (SIGKILL) cannot be caught: its temporary files remain (see
 * docs/content/en/robustness.md).
 */
export function installSignalCleanup(
  exit: (code: number) => never = process.exit,
  locale: LocaleTag = "en-US",
): void {
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
      removePendingOutputsSync();
      if (error.code === "EPIPE") exit(BROKEN_PIPE_EXIT_CODE);
      // The output stops short of its end: the caller must not take the exit code for success, and a
      // stack trace would hide the cause. stderr is written directly (it may be the stream that failed).
      if (stream === process.stdout) {
        const failed = diag("OUTPUT_STDOUT_FAILED", { errno: error.code ?? "?" });
        try {
          writeSync(2, `${formatDiagnostic(failed, locale)}\n`);
        } catch {
          // stderr cannot take it either: the exit code is all that is left to say it.
        }
      }
      exit(WRITE_FAILED_EXIT_CODE);
    });
  }
}
