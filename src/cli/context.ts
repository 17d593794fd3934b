import { formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { AdmxkitError } from "../diagnostics/diagnostic.js";
import { visibleText } from "../i18n/visible-text.js";
import { cliText, environmentLocale, resolveLocale, type LocaleTag } from "../i18n/messages.js";

/** Exit codes every command uses: success, invalid input, usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** What a command handler needs from the outside world; tests can replace the streams. */
export interface CliIo {
  /**
   * Writes to standard output. A promise means the stream's buffer is full: a command that streams
   * (dump) awaits it before making more, so a slow reader does not make output pile up in memory.
   */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /**
   * Standard output's width in columns when it is a terminal; undefined when it is a pipe or a file
   * (and in tests that replace the streams), where output is kept whole for whatever reads it.
   */
  terminalColumns?: () => number | undefined;
  /** Writes bytes to standard output (`pol --out -`); like `stdout` otherwise. */
  stdoutBytes?: (bytes: Uint8Array) => void | Promise<void>;
}

/** Writes to the process's standard output; a promise when its buffer is full (see {@link CliIo}). */
function writeStdout(chunk: string | Uint8Array): void | Promise<void> {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => {
    // Drained, or closed for good (an EPIPE is handled by the CLI's launcher, see signal-cleanup.ts).
    const done = () => {
      process.stdout.off("drain", done).off("close", done);
      resolve();
    };
    process.stdout.on("drain", done).on("close", done);
  });
}

/** The process streams. */
export const processIo: CliIo = {
  stdout: writeStdout,
  stdoutBytes: writeStdout,
  stderr: (text) => void process.stderr.write(text),
  // COLUMNS first, as shells and `COLUMNS=250 admxkit …` set it; then the terminal's own width.
  terminalColumns: () =>
    process.stdout.isTTY ? Number(process.env.COLUMNS) || process.stdout.columns || 80 : undefined,
};

/** The language of messages: `--lang`, else the environment's locale, else en-US. */
export function messageLocale(lang: string | undefined): LocaleTag {
  return lang ? resolveLocale(lang) : environmentLocale();
}

/** Prints diagnostics to stderr, one per line, in the chosen language. */
export function reportDiagnostics(io: CliIo, list: readonly Diagnostic[], locale: LocaleTag): void {
  // Keys of a values file or names in a Registry.pol may hold ESC, NUL, CR…: shown, never obeyed.
  for (const d of list) io.stderr(`${visibleText(formatDiagnostic(d, locale))}\n`);
}

/**
 * Diagnostics that say the arguments contradict each other whatever the files hold: a usage error (2),
 * like a conflict of options. An output that is one of the inputs (`--values v.json --out v.json`).
 */
const USAGE_CODES: ReadonlySet<string> = new Set(["OUTPUT_IS_INPUT"]);

/**
 * Runs a command body and maps failures to exit codes: an {@link AdmxkitError} is invalid input (1),
 * or a usage error (2) for arguments that contradict each other, reported as its diagnostics; anything
 * else is a bug and is re-thrown so it is never mistaken for a verdict on the input.
 */
export async function runCommand(io: CliIo, locale: LocaleTag, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AdmxkitError) {
      reportDiagnostics(io, error.diagnostics, locale);
      return error.diagnostics.some((d) => USAGE_CODES.has(d.code)) ? EXIT.usage : EXIT.invalid;
    }
    throw error;
  }
}

/**
 * Prints a usage error — `admxkit: <message>` and, once, where to read the help: the command's own
 * `--help` when the command is known — and returns exit code 2.
 */
export function usageError(io: CliIo, locale: LocaleTag, message: string, command?: string): number {
  const hint =
    command === undefined
      ? cliText("program.helpHint", locale)
      : cliText("command.helpHint", locale, { command });
  io.stderr(`admxkit: ${visibleText(message)}\n${hint}\n`);
  return EXIT.usage;
}
