import type { Argv } from "yargs";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, runCommand } from "../context.js";
import { langOption } from "./shared-options.js";

interface ValidateArgs {
  paths: string[];
  locale?: string[];
  json?: boolean;
  intune?: boolean;
  lang?: string;
}

/** `admxkit validate`: yargs command, one or more paths. */
export const command = "validate <paths..>";
/** The line `--help` shows. */
export const describe =
  "Check ADMX/ADML files or whole central stores against the schema and cross-file rules";

/** Options: --locale (repeatable), --json, --intune, --lang. */
export function builder(yargs: Argv): Argv<ValidateArgs> {
  return langOption(yargs)
    .positional("paths", {
      type: "string",
      array: true,
      describe: "ADMX or ADML files, or PolicyDefinitions folders",
    })
    .option("locale", {
      type: "string",
      array: true,
      describe: "Locale every ADMX must have an ADML for (repeatable); default: every locale folder found",
    })
    .option("json", { type: "boolean", default: false, describe: "One JSON object per finding on stdout" })
    .option("intune", {
      type: "boolean",
      default: false,
      describe: "Also check the limits of Intune's ADMX import",
    })
    .example("$0 validate C:\\Windows\\PolicyDefinitions --locale en-US", "check a whole store for English")
    .example(
      "$0 validate out/PolicyDefinitions --intune --json",
      "machine-readable findings, Intune rules included",
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
    const { hasErrors } = await import("../../diagnostics/diagnostic.js");
    const bar = progress(io, !args.json && process.stderr.isTTY === true);
    const result = await validateTemplates(args.paths, {
      ...(args.locale && { locales: args.locale }),
      intune: args.intune ?? false,
      onProgress: (done, total, file) => bar.update(done, total, displayPath(file)),
    });
    bar.clear();
    if (args.json) io.stdout(jsonLines(result.diagnostics, locale));
    else io.stderr(humanReport(result.diagnostics, result.files, locale));
    return hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
  });
}
