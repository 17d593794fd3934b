import type { Argv } from "yargs";
import { cliText, type LocaleTag } from "../../i18n/messages.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, runCommand } from "../context.js";
import { langOption } from "./shared-options.js";

interface ValidateArgs {
  paths: string[];
  locale?: string[];
  json?: boolean;
  intune?: boolean;
  strict?: boolean;
  jobs?: number;
  lang?: string;
}

/** `admxkit validate`: yargs command, one or more paths. */
export const command = "validate <paths..>";
/** The line `--help` shows for the command. */
export const describe = (locale: LocaleTag): string => cliText("validate.describe", locale);

/** Options: --locale (repeatable), --json, --intune, --strict, --jobs, --lang. */
export function builder(yargs: Argv, locale: LocaleTag): Argv<ValidateArgs> {
  return langOption(yargs, locale)
    .positional("paths", {
      type: "string",
      array: true,
      describe: cliText("validate.positional.paths", locale),
    })
    .option("locale", {
      type: "string",
      array: true,
      describe: cliText("validate.option.locale", locale),
    })
    .option("json", { type: "boolean", default: false, describe: cliText("validate.option.json", locale) })
    .option("intune", {
      type: "boolean",
      default: false,
      describe: cliText("validate.option.intune", locale),
    })
    .option("strict", {
      type: "boolean",
      default: false,
      describe: cliText("validate.option.strict", locale),
    })
    .option("jobs", {
      type: "number",
      describe: cliText("validate.option.jobs", locale),
    })
    .example(
      "$0 validate C:\\Windows\\PolicyDefinitions --locale en-US",
      cliText("validate.example.1", locale),
    )
    .example(
      "$0 validate out/PolicyDefinitions --intune --json",
      cliText("validate.example.2", locale),
    ) as unknown as Argv<ValidateArgs>;
}

/** Shows `[done/total] file` on one rewritten stderr line, only on a terminal. */
function progress(io: CliIo, enabled: boolean) {
  let shown = false;
  return {
    update(done: number, total: number, file: string) {
      if (!enabled) return;
      shown = true;
      io.stderr(`\r\x1b[K[${done}/${total}] ${file}`);
    },
    clear() {
      if (shown) io.stderr("\r\x1b[K");
    },
  };
}

/** Validates, prints the report (stderr) or JSON lines (stdout); exit 1 when any error was found. */
export async function handler(args: ValidateArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { validateTemplates } = await import("../../lint/validate-templates.js");
    const { humanReport, jsonLines, displayPath } = await import("../../lint/report.js");
    const { availableParallelism } = await import("node:os");
    const bar = progress(io, !args.json && process.stderr.isTTY === true);
    const result = await validateTemplates(args.paths, {
      ...(args.locale && { locales: args.locale }),
      intune: args.intune ?? false,
      strict: args.strict ?? false,
      // One worker per CPU: the templates of a store are checked in parallel, taken in store order.
      jobs: args.jobs ?? availableParallelism(),
      onProgress: (done, total, file) => bar.update(done, total, displayPath(file)),
      // JSON lines go out as each template is done: memory stays bounded for any store.
      ...(args.json && { onDiagnostics: (batch) => io.stdout(jsonLines(batch, locale)) }),
    });
    bar.clear();
    if (!args.json) io.stderr(humanReport(result.diagnostics, result.files, locale));
    return result.counts.error > 0 ? EXIT.invalid : EXIT.ok;
  });
}
