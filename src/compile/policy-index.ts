/**
 * How a values file names a policy. Within one bundle the policy `name` is enough. Policies read from a
 * PolicyDefinitions store come from many ADMX files, where two namespaces may define the same name, so
 * a name may also be qualified: `<namespace>:<name>` (`Microsoft.Policies.WindowsDefender:ProxyServer`)
 * or `<prefix>:<name>` with the prefix the source declares. A bare name that several sources define is
 * ambiguous and must be qualified.
 */
import type { Policy } from "../model/types.js";
import { splitReference } from "../model/ids.js";

/** Policies of one ADMX file or bundle, with the namespace (and prefix) they live in. */
export interface PolicySource {
  readonly namespace?: string;
  readonly prefix?: string;
  readonly policies: readonly Policy[];
}

/** The outcome of looking a values-file key up. */
export type PolicyLookup =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly reason: "unknown" }
  | { readonly ok: false; readonly reason: "ambiguous"; readonly candidates: readonly string[] };

/** Resolves values-file keys to policies; {@link createPolicyIndex} builds one. */
export interface PolicyIndex {
  lookup(name: string): PolicyLookup;
  /** The names a values file can use, for suggestions: bare where unique, qualified otherwise. */
  names(): readonly string[];
}

interface Indexed {
  readonly policy: Policy;
  readonly qualifiers: readonly string[];
  readonly qualified: string;
}

/** Builds the index of one or many sources. */
export function createPolicyIndex(sources: readonly PolicySource[]): PolicyIndex {
  const byName = new Map<string, Indexed[]>();
  for (const source of sources) {
    const qualifiers = [source.namespace, source.prefix].filter((q): q is string => q !== undefined);
    for (const policy of source.policies) {
      const qualified = source.namespace ? `${source.namespace}:${policy.name}` : policy.name;
      const list = byName.get(policy.name) ?? [];
      list.push({ policy, qualifiers, qualified });
      byName.set(policy.name, list);
    }
  }
  return {
    lookup(name) {
      const { prefix, name: bare } = splitReference(name);
      const found = byName.get(bare) ?? [];
      // Namespaces compare case-insensitively in GPMC; prefixes are file-local names.
      const matches =
        prefix === undefined
          ? found
          : found.filter((i) => i.qualifiers.some((q) => q.toLowerCase() === prefix.toLowerCase()));
      if (matches.length === 1) return { ok: true, policy: matches[0]!.policy };
      if (matches.length === 0) return { ok: false, reason: "unknown" };
      return { ok: false, reason: "ambiguous", candidates: matches.map((i) => i.qualified) };
    },
    names() {
      return [...byName.values()].flatMap((list) =>
        list.length === 1 ? [list[0]!.policy.name] : list.map((i) => i.qualified),
      );
    },
  };
}

/** True for an index rather than a plain policy list. */
export function isPolicyIndex(value: readonly Policy[] | PolicyIndex): value is PolicyIndex {
  return !Array.isArray(value);
}

/** The sources of a bundle's plain policy list (one source without a namespace), or the sources given. */
export function asPolicySources(
  policies: readonly Policy[] | readonly PolicySource[],
): readonly PolicySource[] {
  const first = policies[0];
  if (first === undefined) return [];
  return "policies" in first
    ? (policies as readonly PolicySource[])
    : [{ policies: policies as readonly Policy[] }];
}
