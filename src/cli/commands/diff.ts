import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics } from "../context.js";
import { CLASSES, POLICY_SOURCE_OPTIONS, policyOrigin, type PolicySourceArgs } from "./shared-options.js";

interface DiffArgs extends PolicySourceArgs {
  old: string;
  new: string;
  class?: "machine" | "user";
  json: boolean;
  lang?: string;
}

/** diff(1)'s exit code for "the inputs differ" (the same number as EXIT.invalid, another meaning). */
const EXIT_DIFFERENT = 1;

/** `admxkit diff`: two sides compared policy by policy. */
export const spec: CommandSpec = {
  name: "diff",
  text: "diff.describe",
  positionals: [
    { name: "old", required: true, text: "diff.positional.old" },
    { name: "new", required: true, text: "diff.positional.new" },
  ],
  options: [
    ...POLICY_SOURCE_OPTIONS,
    { name: "class", type: "string", choices: CLASSES, text: "diff.option.class" },
    { name: "json", type: "boolean", default: false, text: "diff.option.json" },
  ],
  examples: [
    {
      command: "admxkit diff gpo.values.json gpo-backups --admx C:\\Windows\\PolicyDefinitions",
      text: "diff.example.1",
    },
    { command: "admxkit diff old.pol new.pol --admx PolicyDefinitions --json", text: "diff.example.2" },
  ],
};

/**
 * Exit codes as `diff` has them: 0 when the sides are equal, 1 when they differ, 2 for trouble —
 * usage errors, and also unreadable or invalid inputs (a verdict of "different" would be a lie).
 */
export async function handler(args: DiffArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  const { AdmxkitError } = await import("../../diagnostics/diagnostic.js");
  try {
    const { loadPolicies } = await import("../../load/load-policies.js");
    const { loadValues } = await import("../../load/load-values.js");
    const { diffValues, formatDiffJsonLines, formatDiffText } = await import("../../diff/index.js");
    const loaded = await loadPolicies(policyOrigin(args));
    const sideOptions = args.class ? { policyClass: args.class } : {};
    const a = await loadValues(args.old, loaded, sideOptions);
    const b = await loadValues(args.new, loaded, sideOptions);
    // What decoding could not attribute shows up in the diff as raw entries (`values --from` says why);
    // an entry no values file can hold makes the comparison untrustworthy.
    const errors = [...a.diagnostics, ...b.diagnostics].filter((d) => d.severity === "error");
    if (errors.length > 0) throw new AdmxkitError(errors, locale);
    // A single Registry.pol holds one class: the other class of the other side is not compared.
    const only = a.only ?? b.only;
    const diff = diffValues(a.values, b.values, {
      policies: loaded.sources,
      ...(only ? { classes: [only] } : {}),
    });
    const byPolicy = await loaded.displayNames(diff.policies.values(), locale);
    const names = new Map(
      [...diff.policies].flatMap(([id, policy]) => {
        const name = byPolicy.get(policy);
        return name === undefined ? [] : [[id, name] as const];
      }),
    );
    io.stdout(
      args.json ? formatDiffJsonLines(diff.changes, names) : formatDiffText(diff.changes, names, locale),
    );
    return diff.changes.length === 0 ? EXIT.ok : EXIT_DIFFERENT;
  } catch (error) {
    if (!(error instanceof AdmxkitError)) throw error;
    reportDiagnostics(io, error.diagnostics, locale);
    return EXIT.usage;
  }
}
