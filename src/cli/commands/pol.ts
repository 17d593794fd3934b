import type { CompileResult } from "../../compile/index.js";
import { AdmxkitError } from "../../diagnostics/diagnostic.js";
import type { CommandSpec } from "../args.js";
import { ENTRY_FORMATS, isUtf8TextFormat, type EntryFormat } from "../../formats/format-list.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand, usageError } from "../context.js";
import { formatMessage } from "../../i18n/messages.js";
import { CLASSES, POLICY_SOURCE_OPTIONS, policyOrigin, type PolicySourceArgs } from "./shared-options.js";

interface PolArgs extends PolicySourceArgs {
  values: string;
  class: (typeof CLASSES)[number];
  format: EntryFormat;
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
    { name: "format", type: "string", choices: ENTRY_FORMATS, default: "pol", text: "pol.option.format" },
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

export async function handler(args: PolArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  // Output that is not UTF-8 text (src/formats/format-list.ts) would garble a terminal, as gzip's or
  // tar's would: refused before any work is done.
  if (args.out === "-" && !isUtf8TextFormat(args.format) && io.terminalColumns?.() !== undefined) {
    return usageError(
      io,
      locale,
      formatMessage("USAGE_BINARY_TO_TERMINAL", { format: args.format }, locale),
      "pol",
    );
  }
  return runCommand(io, locale, async () => {
    const { readValuesFile } = await import("../../values/read-values.js");
    const { compileValues, nothingConfiguredWarning } = await import("../../compile/index.js");
    const { hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { writeFileAtomic } = await import("../../io/write-files.js");
    const { loadPolicies, policiesNamedBy, policyKeysOf } = await import("../../load/load-policies.js");
    const values = await readValuesFile(args.values);
    const { index, source, diagnosticsFor } = await loadPolicies(policyOrigin(args), {
      policies: policyKeysOf(values),
    });
    const result: CompileResult = compileValues(index, values, args.class, { file: args.values, source });
    const nothing = nothingConfiguredWarning(values, args.class, args.values);
    if (nothing) result.diagnostics.push(nothing);
    // Findings of a --admx store about the policies used come first: they may explain the others.
    const diagnostics = [...diagnosticsFor(policiesNamedBy(index, values)), ...result.diagnostics];
    if (hasErrors(diagnostics)) throw new AdmxkitError(diagnostics, locale);
    reportDiagnostics(io, diagnostics, locale);
    const { encodeEntries } = await import("../../formats/entry-formats.js");
    const content = encodeEntries(args.format, result.entries, args.class);
    if (args.out === "-") {
      if (typeof content === "string") await io.stdout(content);
      else if (io.stdoutBytes) await io.stdoutBytes(content);
      else throw new Error("pol --out -: this CliIo cannot write bytes (stdoutBytes)");
      return EXIT.ok;
    }
    const written = await writeFileAtomic(args.out, content);
    io.stdout(`${written}\n`);
    return EXIT.ok;
  });
}
