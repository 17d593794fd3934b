/**
 * Which policy, and which part of it, writes a Registry.pol entry: the reverse of the compiler, for
 * `admxkit dump --admx`. An index of every registry value the templates' policies can write is built
 * once; each entry is then looked up by key and value name, compared as the registry compares them
 * (case-insensitively).
 */
import type { PolicySource } from "../compile/policy-index.js";
import type { PolicyClassName } from "../compile/types.js";
import type { Policy } from "../model/types.js";
import {
  classifyEntry,
  registryUpcase,
  type PolAction,
  type PolActionKind,
  type PolEntry,
} from "../pol/index.js";
import { registryWrites, type WriteOrigin } from "../model/registry-writes.js";

/** A policy that can have written an entry, with the parts of it that write that registry value. */
export interface EntryWriter {
  readonly policy: Policy;
  readonly namespace?: string;
  /** `namespace:name` (the form a values file uses for an ambiguous name), or the bare name. */
  readonly qualifiedName: string;
  readonly origins: readonly WriteOrigin[];
}

/** Looks entries up in the templates; {@link createEntryExplainer} builds one. */
export interface EntryExplainer {
  /**
   * The policies that write the entry's value, or own its key through a list element; empty when no
   * template explains the entry. Policies of `policyClass` (or of class Both) come alone when there are
   * any: a Machine Registry.pol is written by Machine policies. Otherwise every match is returned, so
   * that an entry in the wrong file still names its policy (whose class then shows the mismatch).
   */
  explain(entry: PolEntry, policyClass?: PolicyClassName): EntryWriter[];
}

interface Candidate {
  readonly policy: Policy;
  readonly namespace?: string;
  readonly qualifiedName: string;
  readonly origin: WriteOrigin;
}

type TargetOf = {
  readonly [K in PolActionKind]: (
    action: Extract<PolAction, { kind: K }>,
    entry: PolEntry,
  ) => string | undefined;
};

/**
 * The value an entry acts on, or `undefined` when it acts on its whole key. `**del.X` and `**soft.X`
 * target X (the editor deletes or softly sets the element's value); `**delvals.` clears the key a list
 * owns; the other key-wide instructions (and a key-only entry) are also matched against list keys.
 */
const TARGET_OF: TargetOf = {
  value: (_action, entry) => entry.valueName,
  del: (action) => action.name,
  soft: (action) => action.name,
  delvals: () => undefined,
  deleteValues: () => undefined,
  deleteKeys: () => undefined,
  secureKey: () => undefined,
  createKey: () => undefined,
};

function targetOf(entry: PolEntry): string | undefined {
  const action = classifyEntry(entry);
  return (TARGET_OF[action.kind] as (a: PolAction, e: PolEntry) => string | undefined)(action, entry);
}

const keyId = (key: string) => registryUpcase(key);
const valueId = (key: string, valueName: string) => `${registryUpcase(key)}\0${registryUpcase(valueName)}`;

function push<K>(map: Map<K, Candidate[]>, id: K, candidate: Candidate): void {
  const list = map.get(id);
  if (list) list.push(candidate);
  else map.set(id, [candidate]);
}

/** Candidates grouped by policy, in template order. */
function byPolicy(candidates: readonly Candidate[]): EntryWriter[] {
  const writers = new Map<Policy, EntryWriter & { origins: WriteOrigin[] }>();
  for (const c of candidates) {
    const found = writers.get(c.policy);
    if (found) found.origins.push(c.origin);
    else {
      const { policy, namespace, qualifiedName } = c;
      writers.set(policy, { policy, ...(namespace && { namespace }), qualifiedName, origins: [c.origin] });
    }
  }
  return [...writers.values()];
}

const appliesTo = (policy: Policy, policyClass: PolicyClassName) =>
  policy.class === "Both" || policy.class.toLowerCase() === policyClass;

/** Indexes what every policy of the sources writes (sources as `createPolicyIndex` takes them). */
export function createEntryExplainer(sources: readonly PolicySource[]): EntryExplainer {
  const values = new Map<string, Candidate[]>();
  const keys = new Map<string, Candidate[]>();
  for (const source of sources) {
    for (const policy of source.policies) {
      const namespace = source.namespace || undefined;
      const qualifiedName = namespace ? `${namespace}:${policy.name}` : policy.name;
      for (const write of registryWrites(policy)) {
        const candidate = { policy, ...(namespace && { namespace }), qualifiedName, origin: write.origin };
        if (write.scope === "key") push(keys, keyId(write.key), candidate);
        else push(values, valueId(write.key, write.valueName), candidate);
      }
    }
  }
  return {
    explain(entry, policyClass) {
      const name = targetOf(entry);
      let candidates = name === undefined ? [] : (values.get(valueId(entry.key, name)) ?? []);
      // A value no element names may still be one of the generated names of a list owning the key.
      if (candidates.length === 0) candidates = keys.get(keyId(entry.key)) ?? [];
      const writers = byPolicy(candidates);
      if (policyClass === undefined) return writers;
      const ofClass = writers.filter((w) => appliesTo(w.policy, policyClass));
      return ofClass.length > 0 ? ofClass : writers;
    },
  };
}
