/**
 * Which state of one policy a Registry.pol holds. The evidence is read as the Group Policy editor reads
 * it (its policy value or lists, its elements' values, their `**del.` markers, a list's `**delvals.`;
 * MS-GPREG §3.3), giving two candidate states: Enabled with the options found, and Disabled. Each
 * candidate is then compiled with admxkit's own compiler and kept only when every entry it writes is in
 * the file with the same bytes. So a decoded state compiles back to exactly the entries it claims —
 * the round trip holds by construction, never by a second, divergent model of the editor.
 */
import { compilePolicy } from "../compile/compile-policy.js";
import type { CompileResult, OptionValue, PolicyState } from "../compile/types.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { registryWrites } from "../model/registry-writes.js";
import type { Policy } from "../model/types.js";
import { targetValueName, type PolEntry } from "../pol/index.js";
import { elementKey, readElementOption } from "./element-options.js";
import { valueId, type EntryTable } from "./entry-table.js";

/**
 * A state that compiles to entries present in the file: `claimed` are their positions. All of them,
 * or, for a GPO saved with older templates, all but `missing` (see {@link matchPolicy}).
 */
export interface StateMatch {
  readonly state: PolicyState;
  readonly claimed: readonly number[];
  /** The keys the state writes, spelled as the template spells them, in the compiler's order. */
  readonly keys: readonly string[];
  /** Entries of the state's elements that the file lacks entirely; absent for a full match. */
  readonly missing?: readonly PolEntry[];
}

/** Why a state does not match: the first entry it would write that the file lacks or holds otherwise. */
export interface StateMismatch {
  readonly state: PolicyState["state"];
  /** The compiled entry that is missing or different, when the compiler wrote one. */
  readonly expected?: PolEntry;
  /** The file's entry for the same value, when it has one with other bytes. */
  readonly found?: PolEntry;
  /** A compiler error code when the options read from the file are not valid for the policy. */
  readonly refused?: string;
  /** How many of the state's entries the file does hold. */
  readonly present: number;
  /** Every entry the state writes, when the compiler accepted it (read again for older templates). */
  readonly written?: readonly PolEntry[];
}

/**
 * What one policy's entries in the file amount to. Without a full match, `older` is the state the
 * editor shows when the GPO was saved with older templates (see {@link matchPolicy}), if it can be one.
 */
export type PolicyMatch =
  | { readonly matched: true; readonly match: StateMatch }
  | { readonly matched: false; readonly closest: StateMismatch; readonly older?: StateMatch };

const NONE: ReadonlySet<string> = new Set();
const OWN_VALUES = new WeakMap<Policy, ReadonlySet<string>>();

/** The value ids a policy writes outside its lists (a list does not take them as items); cached per policy. */
function ownValues(policy: Policy): ReadonlySet<string> {
  let own = OWN_VALUES.get(policy);
  if (!own) {
    own = new Set(
      registryWrites(policy)
        .filter((w) => w.scope === "value")
        .map((w) => valueId(w.key, w.valueName)),
    );
    OWN_VALUES.set(policy, own);
  }
  return own;
}

/** The options an Enabled state would have, read element by element (element order). */
export function readOptions(policy: Policy, table: EntryTable): Record<string, OptionValue> {
  const own = ownValues(policy);
  const options: Record<string, OptionValue> = {};
  for (const element of policy.elements ?? []) {
    const others = element.kind === "list" ? own : NONE;
    const value = readElementOption(element, { table, key: elementKey(policy, element), others });
    if (value !== undefined) options[element.id] = value;
  }
  return options;
}

/** Per policy, what Disabled and Enabled with no option compile to, once asked for. */
const FIXED_STATES = new WeakMap<Policy, { disabled?: CompileResult; enabled?: CompileResult }>();

/**
 * What a state of the policy compiles to. Disabled, and Enabled with no option read from the file
 * (every policy without elements, and most files that do not set a policy's elements), write the same
 * for every file, so each is compiled once per policy, not once for every file that holds one of its
 * values (a decoder reads many files).
 */
function compileState(policy: Policy, state: PolicyState): CompileResult {
  const bare = state.state === "enabled" && Object.keys(state.options ?? {}).length === 0;
  if (state.state !== "disabled" && !bare) return compilePolicy(policy, state);
  let fixed = FIXED_STATES.get(policy);
  if (!fixed) FIXED_STATES.set(policy, (fixed = {}));
  return (fixed[state.state === "disabled" ? "disabled" : "enabled"] ??= compilePolicy(policy, state));
}

function tryState(policy: Policy, state: PolicyState, table: EntryTable): StateMatch | StateMismatch {
  const result = compileState(policy, state);
  const refused = result.diagnostics.find((d) => d.severity === "error");
  if (hasErrors(result.diagnostics)) return { state: state.state, refused: refused!.code, present: 0 };
  const claimed: number[] = [];
  let mismatch: Pick<StateMismatch, "expected" | "found"> | undefined;
  for (const entry of result.entries) {
    const index = table.match(entry);
    if (index !== undefined) claimed.push(index);
    else
      mismatch ??= {
        expected: entry,
        ...(table.get(entry.key, entry.valueName) ? { found: table.get(entry.key, entry.valueName)! } : {}),
      };
  }
  if (mismatch || claimed.length === 0)
    return { state: state.state, ...mismatch, present: claimed.length, written: result.entries };
  return { state, claimed, keys: result.entries.map((entry) => entry.key) };
}

/**
 * The state as the Group Policy editor shows a GPO saved with older templates, whose policy lacks
 * values a newer template's elements write: every entry the policy writes by itself (its value, its
 * value lists) is in the file, and each element entry is either in the file or absent altogether
 * (neither the value nor a `**del.` for it). Undefined when the file holds anything else, or nothing
 * of the policy's own, or when no element entry is missing (that is a full match or none).
 */
function tryOlderTemplate(
  policy: Policy,
  state: PolicyState,
  written: readonly PolEntry[],
  table: EntryTable,
): StateMatch | undefined {
  const ownState: PolicyState = state.state === "enabled" ? { state: "enabled", options: {} } : state;
  const own = compilePolicy({ ...policy, elements: [] }, ownState);
  if (own.entries.length === 0 || hasErrors(own.diagnostics)) return undefined;
  const ownIds = new Set(own.entries.map((entry) => valueId(entry.key, entry.valueName)));
  const claimed: number[] = [];
  const missing: PolEntry[] = [];
  for (const entry of written) {
    const index = table.match(entry);
    if (index !== undefined) claimed.push(index);
    else if (ownIds.has(valueId(entry.key, entry.valueName))) return undefined;
    else {
      const name = targetValueName(entry);
      const names = name === undefined ? [entry.valueName] : [name, `**del.${name}`, `**soft.${name}`];
      if (names.some((n) => table.holds(entry.key, n))) return undefined;
      missing.push(entry);
    }
  }
  if (missing.length === 0) return undefined;
  return { state, claimed, keys: written.map((entry) => entry.key), missing };
}

const isMatch = (x: StateMatch | StateMismatch): x is StateMatch => "claimed" in x;

/** Of matching states, the one claiming more entries (it explains more of the file); on a tie, the first. */
const best = (matches: readonly StateMatch[]) =>
  matches.reduce((a, b) => (b.claimed.length > a.claimed.length ? b : a));

/**
 * Decides the state of `policy` from the file. Of two matching states the one claiming more entries
 * wins (it explains more of the file); on a tie — a policy whose Enabled and Disabled states write the
 * same entries, such as one made only of unchecked check boxes — Disabled, the plainer reading.
 *
 * When neither state matches in full, the policy may have been set with older templates, whose
 * version of it lacked elements the current one has (a 2019 GPO read against 25H2 templates: Passport's
 * RequireSecurityDevice, DeviceGuard's VirtualizationBasedSecurity): the editor then shows the state its
 * own value says, with the options it finds. That state comes as `older`, with the entries the file
 * lacks in `missing`; the caller prefers full matches of other policies to it.
 */
export function matchPolicy(policy: Policy, table: EntryTable): PolicyMatch {
  const options = readOptions(policy, table);
  const enabled = tryState(policy, { state: "enabled", options }, table);
  const disabled = tryState(policy, { state: "disabled" }, table);
  const matches = [disabled, enabled].filter(isMatch);
  if (matches.length > 0) return { matched: true, match: best(matches) };
  const [a, b] = [enabled as StateMismatch, disabled as StateMismatch];
  const closest = b.present > a.present ? b : a;
  // Only worth reading again where the first entry the state lacks is absent, not different, and the
  // policy's own value (when it has one) is in the file: most policies a file does not set stop here.
  const own = policy.valueName;
  const mayBeOlder = (x: StateMismatch): x is StateMismatch & { written: readonly PolEntry[] } =>
    x.written !== undefined &&
    x.expected !== undefined &&
    x.found === undefined &&
    (own === undefined || table.holds(policy.key, own) || table.holds(policy.key, `**del.${own}`));
  const older = [
    mayBeOlder(b) ? tryOlderTemplate(policy, { state: "disabled" }, b.written, table) : undefined,
    mayBeOlder(a) ? tryOlderTemplate(policy, { state: "enabled", options }, a.written, table) : undefined,
  ].filter((m) => m !== undefined);
  return { matched: false, closest, ...(older.length > 0 ? { older: best(older) } : {}) };
}
