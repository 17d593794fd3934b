import type { CompileResult } from "../../compile/index.js";
import type { PolEntry } from "../../pol/index.js";
import { AdmxkitError, diag } from "../../diagnostics/diagnostic.js";
import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import type { PolicySourceArgs } from "../policy-source.js";
import { CLASSES, POLICY_SOURCE_OPTIONS } from "./shared-options.js";

const FORMATS = ["pol", "reg", "json", "ps1", "lgpo"] as const;

interface PolArgs extends PolicySourceArgs {
  values: string;
  class: (typeof CLASSES)[number];
  format: (typeof FORMATS)[number];
  out: string;
  lang?: string;
}

/** `admxkit pol`: a values file compiled to Registry.pol (or .reg, JSON lines, PowerShell, LGPO text). */
export const spec: CommandSpec = {
  name: "pol",
  text: "pol.describe",
  positionals: [],
  options: [
    ...POLICY_SOURCE_OPTIONS,
    { name: "values", type: "string", required: true, text: "pol.option.values", placeholder: "<file>" },
    { name: "class", type: "string", choices: CLASSES, default: "machine", text: "pol.option.class" },
    { name: "format", type: "string", choices: FORMATS, default: "pol", text: "pol.option.format" },
    { name: "out", type: "string", required: true, text: "pol.option.out", placeholder: "<file>" },
  ],
  examples: [
    {
      command: "admxkit pol --values examples/defender-proxy.values.json --out Registry.pol",
      text: "pol.example.1",
    },
    {
      command: "admxkit pol --admx PolicyDefinitions --values windows.values.json --out Registry.pol",
      text: "pol.example.2",
    },
  ],
};

async function encode(
  format: PolArgs["format"],
  entries: PolEntry[],
  hive: PolArgs["class"],
): Promise<Uint8Array | string> {
  const pol = await import("../../pol/index.js");
  switch (format) {
    case "reg": {
      const problems = pol.checkRegEntries(entries);
      if (problems.length > 0) {
        throw new AdmxkitError(
          problems.map(({ code, ...params }) => diag(code, { ...params, index: params.index + 1 })),
        );
      }
      return pol.encodeRegFile(entries, hive);
    }
    case "json":
      return pol.formatJsonLines(entries);
    case "ps1": {
      const ps1 = await import("../../ps1/index.js");
      const sections = [{ hive, entries }];
      const problems = ps1.checkPowerShellEntries(sections);
      if (problems.length > 0) throw new AdmxkitError(problems);
      return ps1.encodePowerShellScript(ps1.formatPowerShellScript(sections));
    }
    case "lgpo": {
      const problems = pol.checkLgpoEntries(entries);
      if (problems.length > 0) {
        throw new AdmxkitError(
          problems.map((p) => diag(p.code, { index: p.index, detail: p.detail, hive }, {})),
        );
      }
      return pol.encodeLgpoText(pol.formatLgpoText(entries, hive));
    }
    case "pol":
      return pol.encodePol(entries);
  }
}

export async function handler(args: PolArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { readValuesFile } = await import("../../values/read-values.js");
    const { compileValues } = await import("../../compile/index.js");
    const { hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { writeFileAtomic } = await import("../../io/write-files.js");
    const { loadPolicySource, policiesNamedBy, policyKeysOf } = await import("../policy-source.js");
    const values = await readValuesFile(args.values);
    const { index, source, diagnosticsFor } = await loadPolicySource(args, {
      policies: policyKeysOf(values),
    });
    const result: CompileResult = compileValues(index, values, args.class, { file: args.values, source });
    const configured =
      Object.keys(values[args.class] ?? {}).length + (values.registry?.[args.class]?.length ?? 0);
    if (configured === 0) {
      result.diagnostics.push(
        diag("VALUES_NOTHING_CONFIGURED", { section: args.class }, { file: args.values }, "warning"),
      );
    }
    // Findings of a --admx store about the policies used come first: they may explain the others.
    const diagnostics = [...diagnosticsFor(policiesNamedBy(index, values)), ...result.diagnostics];
    if (hasErrors(diagnostics)) throw new AdmxkitError(diagnostics, locale);
    reportDiagnostics(io, diagnostics, locale);
    const content = await encode(args.format, result.entries, args.class);
    const written = await writeFileAtomic(args.out, content);
    io.stdout(`${written}\n`);
    return EXIT.ok;
  });
}
