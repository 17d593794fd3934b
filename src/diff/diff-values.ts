/**
 * The difference between two values files, in policies: which policies became configured or Not
 * Configured, which changed state, which options changed, and which raw registry entries outside any
 * policy differ. Options are compared by their effect: each Enabled state is compiled and read back
 * (src/decompile), so an option left at its default and the same default written out, an enum item by
 * the number it writes and by id, or a longDecimal as number and as digits, are equal.
 */
import { compilePolicy } from "../compile/compile-policy.js";
import {
  asPolicySources,
  createPolicyIndex,
  type PolicyIndex,
  type PolicySource,
} from "../compile/policy-index.js";
import type { OptionValue, PolicyClassName } from "../compile/types.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { EntryTable, valueId } from "../decompile/entry-table.js";
import { readOptions } from "../decompile/policy-match.js";
import type { Policy } from "../model/types.js";
import { fromDumpRecord } from "../formats/index.js";
import type { PolicyStateInput, RegistryRecord, ValuesFile } from "../values/schema.js";
import { VALUES_SECTIONS } from "../values/schema.js";

/** A configured state (Not Configured is the absence of a policy from the file). */
export type ConfiguredState = "enabled" | "disabled";

/** One difference, from side `a` to side `b`. `policy` is `namespace:name` when the templates know it. */
export type ValuesChange =
  | {
      readonly change: "added";
      readonly policyClass: PolicyClassName;
      readonly policy: string;
      readonly state: ConfiguredState;
      readonly options?: Readonly<Record<string, OptionValue>>;
    }
  | {
      readonly change: "removed";
      readonly policyClass: PolicyClassName;
      readonly policy: string;
      readonly state: ConfiguredState;
    }
  | {
      readonly change: "state";
      readonly policyClass: PolicyClassName;
      readonly policy: string;
      readonly from: ConfiguredState;
      readonly to: ConfiguredState;
      readonly options?: Readonly<Record<string, OptionValue>>;
    }
  | {
      readonly change: "option";
      readonly policyClass: PolicyClassName;
      readonly policy: string;
      readonly option: string;
      readonly from?: OptionValue;
      readonly to?: OptionValue;
    }
  | {
      readonly change: "registryAdded" | "registryRemoved" | "registryChanged";
      readonly policyClass: PolicyClassName;
      readonly key: string;
      readonly valueName: string;
      readonly from?: RegistryRecord;
      readonly to?: RegistryRecord;
    };

/** The changes, and the policies they name (by the `policy` of a change), for display names. */
export interface ValuesDiff {
  readonly changes: readonly ValuesChange[];
  readonly policies: ReadonlyMap<string, Policy>;
}

interface Resolved {
  readonly id: string;
  readonly policy?: Policy;
  readonly state: ConfiguredState;
  readonly options: Readonly<Record<string, OptionValue>>;
}

/** The options an Enabled state has in effect: compiled, then read back as the decoder reads them. */
function effectiveOptions(policy: Policy, input: PolicyStateInput): Readonly<Record<string, OptionValue>> {
  const given = (input.options ?? {}) as Record<string, OptionValue>;
  const compiled = compilePolicy(policy, { state: "enabled", options: given });
  // Options the compiler refuses cannot be read back; compare them as written.
  if (hasErrors(compiled.diagnostics)) return given;
  return readOptions(policy, new EntryTable(compiled.entries));
}

/** The configured policies of one section, keyed by a stable id (qualified name, or the key as written). */
function resolveSection(
  section: Readonly<Record<string, PolicyStateInput>> | undefined,
  index: PolicyIndex,
  qualified: (policy: Policy) => string | undefined,
): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  for (const [name, input] of Object.entries(section ?? {})) {
    if (input.state === "notConfigured") continue;
    const found = index.lookup(name);
    const policy = found.ok ? found.policy : undefined;
    const id = (policy && qualified(policy)) ?? name;
    const options =
      input.state !== "enabled"
        ? {}
        : policy
          ? effectiveOptions(policy, input)
          : ((input.options ?? {}) as Record<string, OptionValue>);
    out.set(id, { id, ...(policy ? { policy } : {}), state: input.state, options });
  }
  return out;
}

const same = (a: OptionValue | undefined, b: OptionValue | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

function optionChanges(policyClass: PolicyClassName, a: Resolved, b: Resolved): ValuesChange[] {
  const ids = [...new Set([...Object.keys(a.options), ...Object.keys(b.options)])];
  const order = (b.policy ?? a.policy)?.elements?.map((e) => e.id) ?? [];
  ids.sort((x, y) => (order.indexOf(x) >>> 0) - (order.indexOf(y) >>> 0) || (x < y ? -1 : x > y ? 1 : 0));
  return ids.flatMap((option): ValuesChange[] => {
    const [from, to] = [a.options[option], b.options[option]];
    if (same(from, to)) return [];
    return [
      {
        change: "option",
        policyClass,
        policy: b.id,
        option,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      },
    ];
  });
}

function registryMap(records: readonly RegistryRecord[] | undefined) {
  const out = new Map<string, { record: RegistryRecord; bytes: string }>();
  for (const record of records ?? []) {
    const read = fromDumpRecord(record);
    // Records that name no entry are compared by what they say.
    const bytes = read.ok
      ? `${read.entry.type}:${Buffer.from(read.entry.data).toString("hex")}`
      : JSON.stringify(record);
    out.set(valueId(record.key, record.valueName), { record, bytes });
  }
  return out;
}

function registryChanges(policyClass: PolicyClassName, a: ValuesFile, b: ValuesFile): ValuesChange[] {
  const [before, after] = [registryMap(a.registry?.[policyClass]), registryMap(b.registry?.[policyClass])];
  const out: ValuesChange[] = [];
  for (const [id, { record, bytes }] of after) {
    const old = before.get(id);
    const place = { policyClass, key: record.key, valueName: record.valueName };
    if (!old) out.push({ change: "registryAdded", ...place, to: record });
    else if (old.bytes !== bytes)
      out.push({ change: "registryChanged", ...place, from: old.record, to: record });
  }
  for (const [id, { record }] of before)
    if (!after.has(id))
      out.push({
        change: "registryRemoved",
        policyClass,
        key: record.key,
        valueName: record.valueName,
        from: record,
      });
  return out;
}

/** Options of {@link diffValues}. */
export interface DiffValuesOptions {
  /** The templates both sides name policies from: a bundle's policies, or store templates by namespace. */
  readonly policies?: readonly Policy[] | readonly PolicySource[];
  /** The classes to compare (default both): one, when a side is a single Registry.pol. */
  readonly classes?: readonly PolicyClassName[];
}

/**
 * The changes from `a` to `b`, per class (machine, then user): policies in the order they appear (`a`'s
 * first, then those only `b` has), each with its added/removed/state change or its option changes, then
 * the raw registry entries that differ.
 */
export function diffValues(a: ValuesFile, b: ValuesFile, options: DiffValuesOptions = {}): ValuesDiff {
  const sources = asPolicySources(options.policies ?? []);
  const index = createPolicyIndex(sources);
  const namespaceOf = new Map<Policy, string>();
  for (const source of sources)
    for (const policy of source.policies) if (source.namespace) namespaceOf.set(policy, source.namespace);
  const qualified = (policy: Policy) => {
    const namespace = namespaceOf.get(policy);
    return namespace ? `${namespace}:${policy.name}` : policy.name;
  };
  const changes: ValuesChange[] = [];
  const policies = new Map<string, Policy>();
  for (const policyClass of VALUES_SECTIONS) {
    if (options.classes && !options.classes.includes(policyClass)) continue;
    const before = resolveSection(a[policyClass], index, qualified);
    const after = resolveSection(b[policyClass], index, qualified);
    for (const r of [...before.values(), ...after.values()]) if (r.policy) policies.set(r.id, r.policy);
    const ids = [...new Set([...before.keys(), ...after.keys()])];
    for (const id of ids) {
      const [x, y] = [before.get(id), after.get(id)];
      const withOptions = (r: Resolved) =>
        r.state === "enabled" && Object.keys(r.options).length > 0 ? { options: r.options } : {};
      if (!x && y)
        changes.push({ change: "added", policyClass, policy: id, state: y.state, ...withOptions(y) });
      else if (x && !y) changes.push({ change: "removed", policyClass, policy: id, state: x.state });
      else if (x && y && x.state !== y.state)
        changes.push({
          change: "state",
          policyClass,
          policy: id,
          from: x.state,
          to: y.state,
          ...withOptions(y),
        });
      else if (x && y && x.state === "enabled") changes.push(...optionChanges(policyClass, x, y));
    }
    changes.push(...registryChanges(policyClass, a, b));
  }
  return { changes, policies };
}
