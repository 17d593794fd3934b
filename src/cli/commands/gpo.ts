import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { POLICY_SOURCE_OPTIONS, policyOrigin, type PolicySourceArgs } from "./shared-options.js";

interface GpoArgs extends PolicySourceArgs {
  values: string;
  name: string;
  out: string;
  deterministic: boolean;
  json: boolean;
  lang?: string;
}

/** `admxkit gpo`: a GPO backup folder GPMC can import. */
export const spec: CommandSpec = {
  name: "gpo",
  text: "gpo.describe",
  positionals: [],
  options: [
    ...POLICY_SOURCE_OPTIONS,
    { name: "values", type: "string", required: true, text: "gpo.option.values", placeholder: "<file>" },
    { name: "name", type: "string", required: true, text: "gpo.option.name", placeholder: "<name>" },
    { name: "out", type: "string", required: true, text: "gpo.option.out", placeholder: "<folder>" },
    { name: "deterministic", type: "boolean", default: false, text: "gpo.option.deterministic" },
    { name: "json", type: "boolean", default: false, text: "gpo.option.json" },
  ],
  examples: [
    {
      command: 'admxkit gpo --values proxy.values.json --name "Defender proxy" --out gpo-backups',
      text: "gpo.example.1",
    },
  ],
};

export async function handler(args: GpoArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { AdmxkitError, hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { readValuesFile } = await import("../../values/read-values.js");
    const { compileGpoBackup, deterministicIdentity, freshIdentity } = await import("../../gpo/index.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { loadPolicies, policiesNamedBy, policyKeysOf } = await import("../../load/load-policies.js");
    const values = await readValuesFile(args.values);
    const { index, source, diagnosticsFor } = await loadPolicies(policyOrigin(args), {
      policies: policyKeysOf(values),
    });
    const identity = args.deterministic ? deterministicIdentity(args.name) : freshIdentity();
    const result = compileGpoBackup(index, values, {
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
