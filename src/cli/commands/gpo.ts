import type { Argv } from "yargs";
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
export const describe =
  "Write a GPO backup folder (for Import-GPO / GPMC Import Settings) from a values file";

export function builder(yargs: Argv): Argv<GpoArgs> {
  return policySourceOptions(langOption(yargs))
    .option("values", {
      type: "string",
      demandOption: true,
      describe: "Values file: the state of each policy",
    })
    .option("name", { type: "string", demandOption: true, describe: "Display name of the GPO in the backup" })
    .option("out", {
      type: "string",
      demandOption: true,
      describe: "Backup folder: the backup goes to <out>/{BackupId}/ (pass this folder to Import-GPO -Path)",
    })
    .option("deterministic", {
      type: "boolean",
      default: false,
      describe: "Derive the backup id, GPO GUID and time from --name, so the same input gives the same bytes",
    })
    .option("json", { type: "boolean", default: false, describe: "Print the backup id and files as JSON" })
    .example(
      '$0 gpo --values proxy.values.json --name "Defender proxy" --out gpo-backups',
      "write gpo-backups/{BackupId}/ for the built-in defender-proxy bundle and print the backup id",
    ) as unknown as Argv<GpoArgs>;
}

export async function handler(args: GpoArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { AdmxkitError, hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { readValuesFile } = await import("../../values/read-values.js");
    const { backupFromValues, deterministicIdentity, freshIdentity } = await import("../../gpo/index.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { loadPolicySource, policiesNamedBy } = await import("../policy-source.js");
    const values = await readValuesFile(args.values);
    const { index, source, diagnosticsFor } = await loadPolicySource(args);
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
