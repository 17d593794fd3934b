import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { POLICY_SOURCE_OPTIONS, policyOrigin, type PolicySourceArgs } from "./shared-options.js";

interface IntuneArgs extends PolicySourceArgs {
  values: string;
  out: string;
  name?: string;
  json: boolean;
  lang?: string;
}

/** `admxkit intune`: a values file as an Intune custom profile, a Remediations pair and a route report. */
export const spec: CommandSpec = {
  name: "intune",
  text: "intune.describe",
  positionals: [],
  options: [
    ...POLICY_SOURCE_OPTIONS,
    { name: "values", type: "string", required: true, text: "intune.option.values", placeholder: "<file>" },
    { name: "out", type: "string", required: true, text: "intune.option.out", placeholder: "<folder>" },
    { name: "name", type: "string", text: "intune.option.name", placeholder: "<name>" },
    { name: "json", type: "boolean", default: false, text: "intune.option.json" },
  ],
  examples: [
    {
      command: "admxkit intune --values examples/defender-proxy.values.json --out intune",
      text: "intune.example.1",
    },
    {
      command: "admxkit intune --admx PolicyDefinitions --values gpo.values.json --out intune",
      text: "intune.example.2",
    },
  ],
};

export async function handler(args: IntuneArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { basename, extname } = await import("node:path");
    const { AdmxkitError, hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { readValuesFile } = await import("../../values/read-values.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { compileIntune, formatRoutesText, routeRecords } = await import("../../intune/index.js");
    const { loadPolicies, policiesNamedBy, policyKeysOf } = await import("../../load/load-policies.js");
    const { loadIntuneSource } = await import("../../load/intune-source.js");
    const values = await readValuesFile(args.values);
    const loaded = await loadPolicies(policyOrigin(args), { policies: policyKeysOf(values) });
    const used = policiesNamedBy(loaded.index, values);
    const result = compileIntune(await loadIntuneSource(loaded), values, {
      name: args.name ?? basename(args.values, extname(args.values)),
      file: args.values,
      source: loaded.source,
      locale,
      displayNames: await loaded.displayNames(used, locale),
    });
    // As in `admxkit pol`: findings of a --admx store about the policies used, then the values' own.
    const diagnostics = [...loaded.diagnosticsFor(used), ...result.diagnostics];
    if (hasErrors(diagnostics)) throw new AdmxkitError(diagnostics, locale);
    reportDiagnostics(io, diagnostics, locale);
    const written = await writeFilesAtomic(args.out, result.files);
    if (args.json) {
      const report = { out: args.out, files: written, policies: routeRecords(result.routes, locale) };
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout(formatRoutesText(result.routes, locale));
      for (const file of written) io.stdout(`${file}\n`);
    }
    return EXIT.ok;
  });
}
