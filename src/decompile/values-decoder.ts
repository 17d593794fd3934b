/**
 * Registry.pol entries → a values file: the inverse of `compileValues`, for bringing existing GPOs
 * under version control (`admxkit values --from`). For every policy the templates have, its state is
 * decided from the entries as the Group Policy editor decides it when it opens a GPO (policy-match.ts);
 * entries no decoded policy explains are kept as raw entries in the `registry` section, so that
 * compiling the values file gives back every entry of the file, and key spellings the compiler would
 * not choose by itself in `keySpelling`.
 */
import {
  asPolicySources,
  createPolicyIndex,
  type PolicyIndex,
  type PolicySource,
} from "../compile/policy-index.js";
import { compileValues } from "../compile/compile-values.js";
import type { PolicyClassName } from "../compile/types.js";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { createEntryExplainer, type EntryExplainer } from "../explain/entry-explainer.js";
import { messageRef } from "../i18n/messages.js";
import type { Policy } from "../model/types.js";
import { checkPolEntries, type PolEntry } from "../pol/index.js";
import { findUnsafeNameChar, visibleName } from "../pol/registry-names.js";
import { toRegistryRecords } from "../values/registry-section.js";
import type { PolicySectionSchema, ValuesFile } from "../values/schema.js";
import { resolveFileClaims } from "./claims.js";
import { EntryTable, keyId } from "./entry-table.js";
import { matchPolicy, type StateMatch, type StateMismatch } from "./policy-match.js";
import { orderClaimants } from "./policy-order.js";
import { withoutDeadEntries } from "./dead-entries.js";
import { describeEntryValue } from "./describe-entry.js";
import { keySpellingFor, keysOf } from "./key-spelling.js";

type PolicySection = import("zod").infer<typeof PolicySectionSchema>;

/** The Registry.pol entries of a GPO, per class (Machine = Computer Configuration, User). */
export interface RegistryPolSides {
  readonly machine?: readonly PolEntry[];
  readonly user?: readonly PolEntry[];
}

/** Options of {@link ValuesDecoder.decode}. */
export interface DecodeValuesOptions {
  /** The Registry.pol path of each side, added to its diagnostics. */
  readonly files?: Partial<Record<PolicyClassName, string>>;
  /** What the policies come from (a bundle id, a folder), for messages. */
  readonly source?: string;
  /**
   * Leave the raw entries out of `values.registry` and hand them over as `raw` instead, for a caller
   * that writes them as records one at a time (`values --from`): a record object per entry of a file
   * of millions is most of the memory the decoding takes.
   */
  readonly rawAsEntries?: boolean;
}

/** A policy the decoder attributed entries to. */
export interface DecodedPolicy {
  readonly policyClass: PolicyClassName;
  /** The key in the values file: the bare name, or `namespace:name` where the bare name is ambiguous. */
  readonly name: string;
  readonly policy: Policy;
  /** Positions, in the side's entry list, of the entries it explains. */
  readonly claimed: readonly number[];
}

/** The values file and what was found on the way. */
export interface DecodedValues {
  readonly values: ValuesFile;
  /** Warnings and notes on what could not be attributed and why; errors for entries a values file cannot hold. */
  readonly diagnostics: Diagnostic[];
  /** The decoded policies, per side in values-file order. */
  readonly policies: readonly DecodedPolicy[];
  /** The raw entries per side, in file order: what `values.registry` holds as records. */
  readonly raw: Partial<Record<PolicyClassName, readonly PolEntry[]>>;
}

/** Decodes Registry.pol entries against one set of templates; build once, decode many files. */
export interface ValuesDecoder {
  decode(sides: RegistryPolSides, options?: DecodeValuesOptions): DecodedValues;
}

interface Candidate {
  readonly policy: Policy;
  readonly qualifiedName: string;
  readonly namespace?: string;
  /** File positions the explainer attributes to this policy. */
  readonly evidence: number[];
}

/** A policy of the other class that writes entries of the file. */
interface OtherClassWriter {
  readonly qualifiedName: string;
  readonly positions: number[];
}

/** A candidate with a state that matches the file. */
interface MatchedCandidate extends Candidate {
  readonly name: string;
  readonly match: StateMatch;
  readonly claimed: readonly number[];
  readonly keys: readonly string[];
}

const appliesTo = (policy: Policy, side: PolicyClassName) =>
  policy.class === "Both" || policy.class.toLowerCase() === side;

/** The values-file key of a policy: bare when the index resolves it to this policy, else qualified. */
function nameOf(index: PolicyIndex, candidate: Candidate): string | undefined {
  for (const name of [candidate.policy.name, candidate.qualifiedName]) {
    const found = index.lookup(name);
    if (found.ok && found.policy === candidate.policy) return name;
  }
  return undefined;
}

/** The policies (of the side's class) that explain entries of the file, with those entries. */
function gatherCandidates(
  table: EntryTable,
  explainer: EntryExplainer,
  side: PolicyClassName,
): { candidates: Candidate[]; otherClass: Map<Policy, OtherClassWriter> } {
  const byPolicy = new Map<Policy, Candidate>();
  const otherClass = new Map<Policy, OtherClassWriter>();
  table.entries.forEach((entry, position) => {
    const writers = explainer.explain(entry, side);
    const ofSide = writers.filter((w) => appliesTo(w.policy, side));
    for (const w of ofSide) {
      const found = byPolicy.get(w.policy);
      if (found) found.evidence.push(position);
      else {
        const { policy, qualifiedName, namespace } = w;
        byPolicy.set(policy, {
          policy,
          qualifiedName,
          ...(namespace ? { namespace } : {}),
          evidence: [position],
        });
      }
    }
    if (ofSide.length === 0 && writers.length > 0) {
      const w = writers[0]!;
      const seen = otherClass.get(w.policy);
      if (seen) seen.positions.push(position);
      else otherClass.set(w.policy, { qualifiedName: w.qualifiedName, positions: [position] });
    }
  });
  return { candidates: [...byPolicy.values()], otherClass };
}

function partialDiagnostic(
  name: string,
  closest: StateMismatch,
  count: number,
  where: { file?: string },
): Diagnostic {
  const base = { policy: name, state: closest.state, count: entryCount(count) };
  if (closest.refused !== undefined)
    return diag("VALUES_FROM_PARTIAL_REFUSED", { ...base, code: closest.refused }, where, "warning");
  if (closest.expected === undefined) return diag("VALUES_FROM_PARTIAL_EMPTY", base, where, "warning");
  const value = `${closest.expected.key}\\${closest.expected.valueName}`;
  const expected = describeEntryValue(closest.expected);
  return closest.found
    ? diag(
        "VALUES_FROM_PARTIAL_DIFFERENT",
        { ...base, value, expected, found: describeEntryValue(closest.found) },
        where,
        "warning",
      )
    : diag("VALUES_FROM_PARTIAL_MISSING", { ...base, value, expected }, where, "warning");
}

/** A number of registry entries, worded "1 entry" / "2 entries" (件のエントリ) in the message. */
function entryCount(count: number) {
  return { counted: "COUNT_ENTRY", count } as const;
}

/** Builds a decoder over the policies of a bundle, or of the templates of a store (grouped by namespace). */
export function createValuesDecoder(policies: readonly Policy[] | readonly PolicySource[]): ValuesDecoder {
  const sources = asPolicySources(policies);
  const explainer = createEntryExplainer(sources);
  const index = createPolicyIndex(sources);

  function decodeSide(all: readonly PolEntry[], side: PolicyClassName, options: DecodeValuesOptions) {
    const file = options.files?.[side];
    const where = file ? { file } : {};
    const source = options.source ?? "the templates given";
    const diagnostics: Diagnostic[] = [];
    const { live: entries, positions: original, dead } = withoutDeadEntries(all);
    for (const { key, count } of dead.values())
      diagnostics.push(diag("VALUES_FROM_UNDONE", { key, count: entryCount(count) }, where, "warning"));
    const table = new EntryTable(entries);
    for (const [, positions] of table.duplicates()) {
      const entry = entries[positions[0]!]!;
      const params = { key: entry.key, valueName: entry.valueName, count: positions.length };
      diagnostics.push(diag("VALUES_FROM_DUPLICATE", params, where, "warning"));
    }
    const { candidates, otherClass } = gatherCandidates(table, explainer, side);
    const matched: MatchedCandidate[] = [];
    const older: MatchedCandidate[] = [];
    const unmatched: { candidate: Candidate; name: string; closest: StateMismatch }[] = [];
    for (const candidate of candidates) {
      const name = nameOf(index, candidate) ?? candidate.qualifiedName;
      const result = matchPolicy(candidate.policy, table);
      // An older template's reading stands only when the file holds nothing else of the policy.
      const previous = result.matched ? undefined : result.older;
      const whole = previous && candidate.evidence.every((p) => previous.claimed.includes(p));
      const match = result.matched ? result.match : whole ? previous : undefined;
      if (match) {
        const found = { ...candidate, name, match, claimed: match.claimed, keys: match.keys };
        (result.matched ? matched : older).push(found);
      }
      if (!result.matched) unmatched.push({ candidate, name, closest: result.closest });
    }
    const resolution = resolveFileClaims(matched, older);
    const kept = resolution.kept.filter((m) => {
      if (nameOf(index, m) !== undefined) return true;
      diagnostics.push(diag("VALUES_FROM_UNNAMEABLE", { policy: m.qualifiedName }, where, "warning"));
      return false;
    });
    const claimed = new Set(kept.flatMap((m) => m.claimed));
    const keptPolicies = new Set(kept.map((m) => m.policy));
    for (const { claimant, by } of resolution.subsumed)
      diagnostics.push(diag("VALUES_FROM_SUBSUMED", { policy: claimant.name, by: by.name }, where, "info"));
    for (const { chosen, over } of resolution.preferred) {
      const params = {
        policy: chosen.map((m) => m.name).join(", "),
        template: chosen[0]!.namespace!,
        others: over.map((m) => m.name).join(", "),
      };
      diagnostics.push(diag("VALUES_FROM_PREFERRED_TEMPLATE", params, where, "info"));
    }
    for (const group of resolution.ambiguous) {
      const positions = [...new Set(group.flatMap((m) => m.claimed))].sort((a, b) => a - b);
      const entry = entries[positions[0]!]!;
      const params = {
        policies: group.map((m) => m.name).join(", "),
        key: entry.key,
        valueName: entry.valueName,
        count: positions.length,
      };
      diagnostics.push(diag("VALUES_FROM_AMBIGUOUS", params, where, "warning"));
    }
    for (const m of resolution.older) {
      if (!keptPolicies.has(m.policy)) continue;
      const missing = m.match.missing!;
      const params = {
        policy: m.name,
        state: m.match.state.state,
        count: missing.length,
        values: missing
          .map((entry) => `${entry.key}\\${entry.valueName} (${describeEntryValue(entry)})`)
          .join(", "),
      };
      diagnostics.push(diag("VALUES_FROM_OLDER_TEMPLATE", params, where, "warning"));
    }
    // A policy that matches no state is only worth a word when some of its entries are still unexplained.
    const ambiguousPositions = new Set(resolution.ambiguous.flat().flatMap((m) => m.claimed));
    for (const { candidate, name, closest } of unmatched) {
      if (keptPolicies.has(candidate.policy)) continue;
      const left = candidate.evidence.filter((p) => !claimed.has(p) && !ambiguousPositions.has(p));
      if (left.length > 0) diagnostics.push(partialDiagnostic(name, closest, left.length, where));
    }
    // Nothing claimed (a file no template explains): the entries themselves, not a copy of the list.
    const raw = claimed.size === 0 ? entries : entries.filter((_, position) => !claimed.has(position));
    const ordered = orderClaimants(kept, entries, keysOf(raw));
    const section: PolicySection = {};
    for (const m of ordered) {
      const { state } = m.match;
      section[m.name] =
        state.state === "enabled" && Object.keys(state.options ?? {}).length > 0
          ? { state: "enabled", options: { ...(state.options as PolicySection[string]["options"]) } }
          : { state: state.state };
    }
    diagnostics.push(...rawDiagnostics(raw, entries, claimed, candidates, otherClass, side, source, where));
    // What compiling the decoded side spells otherwise than the file (see key-spelling.ts).
    // The raw entries' records are made only when a compile is needed: a file of millions of raw
    // entries must not hold a record for each one just to learn that its spellings are the file's.
    // The keys go by one at a time, not as arrays of a key per entry.
    const keySpelling = keySpellingFor(
      entries,
      (function* () {
        for (const m of ordered) yield* m.keys;
        yield* keysOf(raw);
      })(),
      () => {
        const registry = raw.length > 0 ? { registry: { [side]: toRegistryRecords(raw) } } : {};
        return compileValues(index, { [side]: section, ...registry }, side).entries;
      },
    );
    const decoded: DecodedPolicy[] = ordered.map((m) => ({
      policyClass: side,
      name: m.name,
      policy: m.policy,
      claimed: original === undefined ? m.claimed : m.claimed.map((position) => original[position]!),
    }));
    return { section, raw, keySpelling, diagnostics, decoded };
  }

  return {
    decode(sides, options = {}) {
      const values: { -readonly [K in keyof ValuesFile]: ValuesFile[K] } = {};
      const registry: NonNullable<ValuesFile["registry"]> = {};
      const keySpelling: NonNullable<ValuesFile["keySpelling"]> = {};
      const diagnostics: Diagnostic[] = [];
      const policies: DecodedPolicy[] = [];
      const raw: Partial<Record<PolicyClassName, readonly PolEntry[]>> = {};
      for (const side of ["machine", "user"] as const) {
        const entries = sides[side];
        if (entries === undefined) continue;
        const result = decodeSide(entries, side, options);
        values[side] = result.section;
        if (result.raw.length > 0) {
          raw[side] = result.raw;
          if (!options.rawAsEntries) registry[side] = toRegistryRecords(result.raw);
        }
        if (result.keySpelling.length > 0) keySpelling[side] = result.keySpelling;
        diagnostics.push(...result.diagnostics);
        policies.push(...result.decoded);
      }
      if (registry.machine || registry.user) values.registry = registry;
      if (keySpelling.machine || keySpelling.user) values.keySpelling = keySpelling;
      return { values, diagnostics, policies, raw };
    },
  };
}

/**
 * Notes on the raw entries: written by a policy of the other class (a Registry.pol given as the wrong
 * side?), written by no policy (per key), names a values file refuses, entries admxkit could not write.
 */
function rawDiagnostics(
  raw: readonly PolEntry[],
  entries: readonly PolEntry[],
  claimed: ReadonlySet<number>,
  candidates: readonly Candidate[],
  otherClass: ReadonlyMap<Policy, OtherClassWriter>,
  side: PolicyClassName,
  source: string,
  where: { file?: string },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [policy, { qualifiedName, positions }] of otherClass) {
    const params = {
      policy: qualifiedName,
      admxClass: policy.class,
      section: side,
      count: entryCount(positions.length),
    };
    out.push(diag("VALUES_FROM_OTHER_CLASS", params, where, "warning"));
  }
  const explained = new Set([
    ...candidates.flatMap((c) => c.evidence),
    ...[...otherClass.values()].flatMap((w) => w.positions),
  ]);
  const unexplainedByKey = new Map<string, { key: string; count: number }>();
  entries.forEach((entry, position) => {
    if (claimed.has(position) || explained.has(position)) return;
    const id = keyId(entry.key);
    const seen = unexplainedByKey.get(id);
    if (seen) seen.count++;
    else unexplainedByKey.set(id, { key: entry.key, count: 1 });
  });
  for (const { key, count } of unexplainedByKey.values())
    out.push(diag("VALUES_FROM_UNEXPLAINED", { key, count: entryCount(count), source }, where, "info"));
  for (const entry of raw) {
    for (const field of ["key", "valueName"] as const) {
      const unsafe = findUnsafeNameChar(entry[field]);
      if (unsafe === undefined) continue;
      out.push(
        diag(
          "VALUES_FROM_CONTROL_CHARACTER",
          { field, character: unsafe.char, value: visibleName(entry[field]) },
          where,
        ),
      );
      break;
    }
  }
  for (const { code, params } of checkPolEntries(raw)) {
    const { key = "", valueName = "" } = params;
    const detail = messageRef(code, params);
    out.push(diag("VALUES_FROM_UNWRITABLE", { key, valueName, detail }, where, "warning"));
  }
  return out;
}

/** Decodes once; see {@link createValuesDecoder} to decode many files against the same templates. */
export function decodeValues(
  policies: readonly Policy[] | readonly PolicySource[],
  sides: RegistryPolSides,
  options: DecodeValuesOptions = {},
): DecodedValues {
  return createValuesDecoder(policies).decode(sides, options);
}
