import { visibleText } from "../../i18n/visible-text.js";
import type { LocaleTag } from "../../i18n/messages.js";
import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { withLaterOptimization } from "../later-optimization.js";
import { EXIT, messageLocale, runCommand } from "../context.js";

interface ValidateArgs {
  paths: string[];
  locale?: string[];
  json?: boolean;
  intune?: boolean;
  strict?: boolean;
  jobs?: number;
  lang?: string;
}

/** `admxkit validate`: one or more ADMX/ADML files or PolicyDefinitions folders. */
export const spec: CommandSpec = {
  name: "validate",
  text: "validate.describe",
  positionals: [{ name: "paths", variadic: true, required: true, text: "validate.positional.paths" }],
  options: [
    {
      name: "locale",
      type: "string",
      repeatable: true,
      text: "validate.option.locale",
      placeholder: "<tag>",
    },
    { name: "json", type: "boolean", default: false, text: "validate.option.json" },
    { name: "intune", type: "boolean", default: false, text: "validate.option.intune" },
    { name: "strict", type: "boolean", default: false, text: "validate.option.strict" },
    { name: "jobs", type: "number", text: "validate.option.jobs" },
  ],
  examples: [
    { command: "admxkit validate C:\\Windows\\PolicyDefinitions --locale en-US", text: "validate.example.1" },
    { command: "admxkit validate out/PolicyDefinitions --intune --json", text: "validate.example.2" },
  ],
};

/** Shows `[done/total] file` on one rewritten stderr line, only on a terminal. */
function progress(io: CliIo, enabled: boolean) {
  let shown = false;
  return {
    update(done: number, total: number, file: string) {
      if (!enabled) return;
      shown = true;
      io.stderr(`\r\x1b[K[${done}/${total}] ${visibleText(file)}`);
    },
    clear() {
      if (shown) io.stderr("\r\x1b[K");
    },
  };
}

/**
 * Worker threads by default only from 4 CPUs on: each worker loads the reader and the rules again, and
 * the main thread keeps reading and merging, so on 2 cores one thread is faster. Measured on the 21H2
 * store (219 ADMX + ADML) on this project's 2-core machine: --jobs 1 1.15–1.23 s and 120 MB,
 * --jobs 2 1.45–1.79 s and 175 MB.
 */
function defaultJobs(cpus: number): number {
  return cpus >= 4 ? cpus - 1 : 1;
}

/** Validates, prints the report (stderr) or JSON lines (stdout); exit 1 when any error was found. */
export async function handler(args: ValidateArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, () => withLaterOptimization(() => validate(args, io, locale)));
}

/** The command itself: validates, then prints the report or the JSON lines. */
async function validate(args: ValidateArgs, io: CliIo, locale: LocaleTag): Promise<number> {
  const { validateTemplates } = await import("../../lint/validate-templates.js");
  const { displayPath, formatValidationJsonLines, formatValidationText } =
    await import("../../lint/report.js");
  const { availableParallelism } = await import("node:os");
  const bar = progress(io, !args.json && process.stderr.isTTY === true);
  const result = await validateTemplates(args.paths, {
    ...(args.locale && { locales: args.locale }),
    intune: args.intune ?? false,
    strict: args.strict ?? false,
    jobs: args.jobs ?? defaultJobs(availableParallelism()),
    onProgress: (done, total, file) => bar.update(done, total, displayPath(file)),
    // JSON lines go out as each template is done: memory stays bounded for any store.
    ...(args.json && { onDiagnostics: (batch) => io.stdout(formatValidationJsonLines(batch, locale)) }),
  });
  bar.clear();
  if (!args.json) io.stderr(formatValidationText(result.diagnostics, result.files, locale));
  return result.counts.error > 0 ? EXIT.invalid : EXIT.ok;
}
