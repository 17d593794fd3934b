/**
 * A whole values file → the entries of one Registry.pol (Machine or User), as the Group Policy editor
 * would save them after the policies were set in the file's order.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { messageRef } from "../i18n/messages.js";
import type { Policy } from "../model/types.js";
import { checkPolEntries } from "../pol/index.js";
import type { PolicyStateInput, ValuesFile } from "../values/schema.js";
import { VALUES_SECTIONS } from "../values/schema.js";
import { checkRegistryName } from "../pol/registry-names.js";
import { registrySectionEntries, type RegistrySectionEntry } from "../values/registry-section.js";
import { listNames, nearestName } from "../values/suggest.js";
import { writtenNumber } from "../values/written-numbers.js";
import { writePolicyState } from "./compile-policy.js";
import { createPolicyIndex, isPolicyIndex, type PolicyIndex } from "./policy-index.js";
import { EntryCollector } from "./registry-order.js";
import type { CompileResult, PolicyClassName, PolicyState } from "./types.js";

/** Options of {@link compileValues}. */
export interface CompileValuesOptions {
  /** The values file's path, added to every diagnostic. */
  readonly file?: string;
  /** What the policies come from, for "no policy X in …" messages (a bundle id, a folder). */
  readonly source?: string;
}

/** A values file's state of one policy as the compiler takes it (an enabled policy always has options). */
export function toState(input: PolicyStateInput): PolicyState {
  return input.state === "enabled"
    ? { state: "enabled", options: input.options ?? {} }
    : { state: input.state };
}

/** Whether a policy of ADMX class `Machine`, `User` or `Both` may be set in a section. */
function appliesTo(policy: Policy, section: PolicyClassName): boolean {
  return policy.class === "Both" || policy.class.toLowerCase() === section;
}

function unknownPolicy(
  name: string,
  index: PolicyIndex,
  source: string,
  where: Pick<Diagnostic, "path" | "file">,
): Diagnostic {
  const names = index.names();
  const suggestion = nearestName(name, names);
  return suggestion
    ? diag("VALUES_UNKNOWN_POLICY", { policy: name, source, suggestion }, where)
    : diag("VALUES_UNKNOWN_POLICY_LIST", { policy: name, source, valid: listNames(names) }, where);
}

/** Who writes the entries of the `registry` section, in messages about overwritten values. */
export const REGISTRY_SECTION_SOURCE = "(registry section)";

/**
 * Compiles the `policyClass` section of a values file into the entries of that class's Registry.pol.
 * Both sections are checked (names, classes, option values, raw entries), so one run reports every
 * problem of the file; only the requested section produces entries. Policies are processed in the
 * file's order, and where two of them write the same registry value the later one wins (with a
 * warning). The raw entries of `registry.<class>` come after the policies (see
 * {@link EntryCollector.addRaw}). Each key component is spelled as `keySpelling.<class>`, else the
 * raw entries' keys, spell it, else as most of the entries do (see {@link EntryCollector.reserveSpelling});
 * every entry then takes its place in the editor's key order.
 *
 * `policies` is a bundle's policy list, or a {@link PolicyIndex} over several sources (for example a
 * PolicyDefinitions store), where a key may be written `namespace:name`.
 */
export function compileValues(
  policies: readonly Policy[] | PolicyIndex,
  values: ValuesFile,
  policyClass: PolicyClassName,
  options: CompileValuesOptions = {},
): CompileResult {
  const index = isPolicyIndex(policies) ? policies : createPolicyIndex([{ policies }]);
  const file = options.file ? { file: options.file } : {};
  const diagnostics: Diagnostic[] = [];
  const collector = new EntryCollector();
  const raw: RegistrySectionEntry[] = [];
  for (const section of VALUES_SECTIONS) {
    const written = (at: readonly (string | number)[]) => writtenNumber(values, at);
    const checked = registrySectionEntries(values.registry?.[section] ?? [], section, options.file, written);
    diagnostics.push(...checked.diagnostics);
    if (section === policyClass) raw.push(...checked.entries);
  }
  // Spellings the file asks for, then the raw entries' keys, win over the policies' most used spelling;
  // the raw entries' values are written last (see EntryCollector.addRaw).
  values.keySpelling?.[policyClass]?.forEach((key, at) => {
    const unsafe = checkRegistryName(key, "key", { path: ["keySpelling", policyClass, at], ...file });
    if (unsafe) diagnostics.push(unsafe);
    else collector.reserveSpelling(key);
  });
  for (const { entry } of raw) collector.reserveSpelling(entry.key);
  for (const section of VALUES_SECTIONS) {
    for (const [name, input] of Object.entries(values[section] ?? {})) {
      const path = [section, name];
      const where = { path, ...file };
      const found = index.lookup(name);
      if (!found.ok) {
        diagnostics.push(
          found.reason === "unknown"
            ? unknownPolicy(name, index, options.source ?? "the policies given", where)
            : diag(
                "VALUES_AMBIGUOUS_POLICY",
                { policy: name, candidates: found.candidates.join(", ") },
                where,
              ),
        );
        continue;
      }
      const policy = found.policy;
      if (!appliesTo(policy, section)) {
        const expected = section === "machine" ? "user" : "machine";
        diagnostics.push(
          diag("VALUES_WRONG_CLASS", { policy: name, section, admxClass: policy.class, expected }, where),
        );
        continue;
      }
      if (input.state !== "enabled" && input.options !== undefined) {
        diagnostics.push(
          diag(
            "VALUES_OPTIONS_NOT_ENABLED",
            { policy: name, state: input.state },
            { path: [...path, "options"], ...file },
          ),
        );
      }
      const emit =
        section === policyClass
          ? (entry: Parameters<EntryCollector["add"]>[0]) =>
              collector.add(entry, { policy: name, path, ...file })
          : () => {};
      const written = (at: readonly (string | number)[]) => writtenNumber(values, at);
      writePolicyState(policy, toState(input), { path, ...file, writtenNumber: written }, emit, diagnostics);
    }
  }
  for (const { entry, path } of raw)
    collector.addRaw(entry, { policy: REGISTRY_SECTION_SOURCE, path, ...file });
  const entries = collector.entries();
  for (const { code, params } of checkPolEntries(entries)) {
    const { key = "", valueName = "" } = params;
    diagnostics.push(diag("COMPILE_UNSTORABLE", { key, valueName, detail: messageRef(code, params) }, file));
  }
  return { entries, diagnostics: [...diagnostics, ...collector.diagnostics] };
}

/**
 * The warning for a values file that configures nothing in `policyClass` (no policy, no raw entry):
 * the Registry.pol written for it is empty, which is rarely what was meant (`pol --class user` of a
 * file with only a `machine` section). Undefined when something is configured.
 */
export function nothingConfiguredWarning(
  values: ValuesFile,
  policyClass: PolicyClassName,
  file?: string,
): Diagnostic | undefined {
  const configured =
    Object.keys(values[policyClass] ?? {}).length + (values.registry?.[policyClass]?.length ?? 0);
  if (configured > 0) return undefined;
  return diag("VALUES_NOTHING_CONFIGURED", { section: policyClass }, file ? { file } : {}, "warning");
}
