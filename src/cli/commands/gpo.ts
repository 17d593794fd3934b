import type { Argv } from "yargs";
import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import { formatMessage } from "../../i18n/messages.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { langOption } from "./shared-options.js";

interface GpoArgs {
  values: string;
  bundle?: string;
  admx?: string;
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
  return langOption(yargs)
    .option("values", {
      type: "string",
      demandOption: true,
      describe: "Values file: the state of each policy",
    })
    .option("bundle", {
      type: "string",
      describe: `Built-in bundle id, or path to a bundle .json file or .js/.mjs module (default: ${DEFAULT_BUNDLE})`,
    })
    .option("admx", {
      type: "string",
      describe: "A PolicyDefinitions folder whose policies the values file sets",
    })
    .conflicts("bundle", "admx")
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

/**
 * The policies the values file names, indexed the way `admxkit pol` indexes them (so both commands read
 * a values file alike). An `--admx <dir>` store plugs in here once the readers exist.
 */
async function policyIndex(spec: string) {
  const { loadBundle } = await import("../load-bundle.js");
  const { createPolicyIndex } = await import("../../compile/index.js");
  const { bundle } = await loadBundle(spec);
  const { namespace, prefix } = bundle.target;
  return { index: createPolicyIndex([{ namespace, prefix, policies: bundle.policies }]), source: bundle.id };
}

export async function handler(args: GpoArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  if (args.admx !== undefined) {
    // SEAM: needs the PolicyDefinitions reader (src/read); until then --admx is refused as a usage error.
    io.stderr(`admxkit: ${formatMessage("GPO_ADMX_UNSUPPORTED", { dir: args.admx }, locale)}\n`);
    return EXIT.usage;
  }
  return runCommand(io, locale, async () => {
    const { AdmxkitError, hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { readValuesFile } = await import("../../values/read-values.js");
    const { backupFromValues, deterministicIdentity, freshIdentity } = await import("../../gpo/index.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const values = await readValuesFile(args.values);
    const { index, source } = await policyIndex(args.bundle ?? DEFAULT_BUNDLE);
    const identity = args.deterministic ? deterministicIdentity(args.name) : freshIdentity();
    const result = backupFromValues(index, values, {
      displayName: args.name,
      identity,
      file: args.values,
      source,
    });
    if (result.backup === undefined || hasErrors(result.diagnostics)) {
      throw new AdmxkitError(result.diagnostics, locale);
    }
    reportDiagnostics(io, result.diagnostics, locale);
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
