import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { CLASSES, POLICY_SOURCE_OPTIONS, policyOrigin, type PolicySourceArgs } from "./shared-options.js";

interface ValuesArgs extends PolicySourceArgs {
  from: string;
  class?: "machine" | "user";
  out: string;
  lang?: string;
}

/** `admxkit values --from`: a Registry.pol or GPO backup decoded into a values file. */
export const spec: CommandSpec = {
  name: "values",
  text: "values.describe",
  positionals: [],
  options: [
    ...POLICY_SOURCE_OPTIONS,
    { name: "from", type: "string", required: true, text: "values.option.from", placeholder: "<path>" },
    { name: "class", type: "string", choices: CLASSES, text: "values.option.class" },
    { name: "out", type: "string", required: true, text: "values.option.out", placeholder: "<file>" },
  ],
  examples: [
    {
      command: "admxkit values --from gpo-backups --admx PolicyDefinitions --out gpo.values.json",
      text: "values.example.1",
    },
    {
      command: "admxkit values --from Registry.pol --class user --admx PolicyDefinitions --out user.json",
      text: "values.example.2",
    },
  ],
};

export async function handler(args: ValuesArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { AdmxkitError, diag, hasErrors } = await import("../../diagnostics/diagnostic.js");
    const { readGpoInput } = await import("../../io/read-gpo-input.js");
    const { createValuesDecoder } = await import("../../decompile/index.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { basename, dirname } = await import("node:path");
    const { loadPolicies } = await import("../../load/load-policies.js");
    const input = await readGpoInput(args.from, args.class ? { policyClass: args.class } : {});
    const loaded = await loadPolicies(policyOrigin(args));
    // Raw entries stay entries until they are written (values-text.ts): no record object per entry.
    const result = createValuesDecoder(loaded.sources).decode(input.sides, {
      files: input.files,
      source: loaded.source,
      rawAsEntries: true,
    });
    const count = (side: "machine" | "user") => result.policies.filter((p) => p.policyClass === side).length;
    const raw = (result.raw.machine?.length ?? 0) + (result.raw.user?.length ?? 0);
    const summary = diag(
      "VALUES_FROM_SUMMARY",
      { machine: count("machine"), user: count("user"), raw: { counted: "COUNT_ENTRY", count: raw } },
      { file: args.from },
      "info",
    );
    const diagnostics = [
      ...loaded.diagnosticsFor(result.policies.map((p) => p.policy)),
      ...result.diagnostics,
      summary,
    ];
    if (hasErrors(diagnostics)) throw new AdmxkitError(diagnostics, locale);
    reportDiagnostics(io, diagnostics, locale);
    const { valuesTextChunks } = await import("../../values/values-text.js");
    // Written as it is made: the text of millions of raw entries is never one string.
    const content = valuesTextChunks(result.values, result.raw);
    if (args.out === "-") {
      for (const chunk of content) await io.stdout(chunk);
      return EXIT.ok;
    }
    const [written] = await writeFilesAtomic(dirname(args.out), [{ path: basename(args.out), content }]);
    io.stdout(`${written}\n`);
    return EXIT.ok;
  });
}
