import type { Argv } from "yargs";
import { cliText, type LocaleTag } from "../../i18n/messages.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { policySourceOptions, type PolicySourceArgs } from "../policy-source.js";
import { langOption } from "./shared-options.js";

interface GpoArgs extends PolicySourceArgs {
  values: string;
  name: string;
  out: string;
  deterministic: boolean;
  json: boolean;
  lang?: string;
}

export const command = "gpo";
/** The line `--help` shows for the command. */
export const describe = (locale: LocaleTag): string => cliText("gpo.describe", locale);

export function builder(yargs: Argv, locale: LocaleTag): Argv<GpoArgs> {
  return policySourceOptions(langOption(yargs, locale), locale)
    .option("values", {
      type: "string",
      demandOption: true,
      describe: cliText("gpo.option.values", locale),
    })
    .option("name", { type: "string", demandOption: true, describe: cliText("gpo.option.name", locale) })
    .option("out", {
      type: "string",
      demandOption: true,
      describe: cliText("gpo.option.out", locale),
    })
    .option("deterministic", {
      type: "boolean",
      default: false,
      describe: cliText("gpo.option.deterministic", locale),
    })
    .option("json", { type: "boolean", default: false, describe: cliText("gpo.option.json", locale) })
    .example(
      '$0 gpo --values proxy.values.json --name "Defender proxy" --out gpo-backups',
      cliText("gpo.example.1", locale),
    ) as unknown as Argv<GpoArgs>;
}

export async function handler(args: GpoArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { AdmxkitError, hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { readValuesFile } = await import("../../values/read-values.js");
    const { backupFromValues, deterministicIdentity, freshIdentity } = await import("../../gpo/index.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { loadPolicySource, policiesNamedBy, policyKeysOf } = await import("../policy-source.js");
    const values = await readValuesFile(args.values);
    const { index, source, diagnosticsFor } = await loadPolicySource(args, {
      policies: policyKeysOf(values),
    });
    const identity = args.deterministic ? deterministicIdentity(args.name) : freshIdentity();
    const result = backupFromValues(index, values, {
      displayName: args.name,
      identity,
      file: args.values,
      source,
    });
    // As in `admxkit pol`: findings of a --admx store about the policies used, then the values' own.
    const diagnostics = [...diagnosticsFor(policiesNamedBy(index, values)), ...result.diagnostics];
    if (result.backup === undefined || hasErrors(diagnostics)) throw new AdmxkitError(diagnostics, locale);
    reportDiagnostics(io, diagnostics, locale);
    const written = await writeFilesAtomic(args.out, result.backup.files);
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ backupId: result.backup.backupId, out: args.out, files: written }, null, 2)}\n`,
      );
    } else {
      io.stdout(`${result.backup.backupId}\n`);
    }
    return EXIT.ok;
  });
}
