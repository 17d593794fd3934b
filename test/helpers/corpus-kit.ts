/**
 * Helpers of the round-trip tests over the real central stores in shared/corpus: read a store once,
 * options that satisfy a policy's required elements, random valid options per element kind, and the
 * round trip itself (entries → values file → entries) with the comparison the issue asks for, and
 * whether a file of one policy's entries decodes as that policy.
 */
import fc from "fast-check";
import { expect } from "vitest";
import {
  compilePolicy,
  compileValues,
  createPolicyIndex,
  type OptionValue,
  type PolicyIndex,
  type PolicyState,
} from "../../src/compile/index.js";
import { createValuesDecoder, type ValuesDecoder, type DecodedValues } from "../../src/decompile/index.js";
import { hasErrors } from "../../src/diagnostics/diagnostic.js";
import type { Element, Policy } from "../../src/model/types.js";
import { checkPolEntries, encodePol, type PolEntry } from "../../src/pol/index.js";
import { toDumpRecord } from "../../src/formats/index.js";
import type { StoreContents, StoreTemplate } from "../../src/read/read-store.js";
import { optionIsRequired } from "../../src/values/option-schemas.js";
import { itemOption } from "./enabled-state.js";
import { readInboxStore, type InboxStore } from "./inbox-store.js";
import { sameItems } from "./same-items.js";

/** A store read once, with the index and decoder every test of the file shares. */
export interface Corpus {
  readonly store: StoreContents;
  readonly index: PolicyIndex;
  readonly decoder: ValuesDecoder;
}

/** The in-box store `name`, with its index and decoder. */
export async function loadCorpus(name: InboxStore): Promise<Corpus> {
  const store = await readInboxStore(name);
  return { store, index: createPolicyIndex(store.templates), decoder: createValuesDecoder(store.templates) };
}

/** `File.admx:PolicyName`, how the tests list policies. */
export function policyLabel(template: StoreTemplate, policy: Policy): string {
  return `${template.file.split(/[\\/]/).pop()}:${policy.name}`;
}

/** The sides a policy of this class is set on. */
export function sidesOf(policy: Policy): ("machine" | "user")[] {
  return policy.class === "Both" ? ["machine", "user"] : [policy.class === "User" ? "user" : "machine"];
}

/**
 * The smallest options an Enabled state needs: a value for each element the editor would not let the
 * admin leave empty (required, without a default), at the low end of its range.
 */
export function requiredOptions(policy: Policy): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const element of policy.elements ?? []) {
    // In-box templates pre-fill some required boxes with an empty default (nca.admx, Search.admx).
    const emptyDefault =
      element.kind === "text" && element.required === true && element.control.defaultValue === "";
    if (!optionIsRequired(element) && !emptyDefault) continue;
    if (element.kind === "decimal" || element.kind === "longDecimal")
      options[element.id] = Number(element.minValue ?? 0);
    else if (element.kind === "text") options[element.id] = "x";
    else if (element.kind === "multiText") options[element.id] = ["x"];
    else if (element.kind === "enum") options[element.id] = itemOption(element, 0);
  }
  return options;
}

const noNul = (s: string) => !s.includes("\0");
const text = (min: number, max: number) =>
  fc.string({ unit: "binary", minLength: min, maxLength: max }).filter((s) => noNul(s) && s.length <= max);
/** A value name a list may use: not empty, not a `**` instruction. */
const listName = text(1, 12).filter((s) => !s.startsWith("**"));

function range(min: number | string | undefined, max: number | string | undefined, typeMax: bigint) {
  const lo = BigInt(min ?? 0);
  const hi = [BigInt(max ?? 9999), typeMax].reduce((a, b) => (a < b ? a : b));
  return { lo, hi };
}

/** A valid random option value for one element, or undefined when no value is valid (an empty range). */
export function optionArbitrary(element: Element): fc.Arbitrary<OptionValue> | undefined {
  switch (element.kind) {
    case "boolean":
      return fc.boolean();
    case "decimal":
    case "longDecimal": {
      const { lo, hi } = range(
        element.minValue,
        element.maxValue,
        element.kind === "decimal" ? 0xffffffffn : 0xffffffffffffffffn,
      );
      if (lo > hi) return undefined;
      return fc
        .bigInt({ min: lo, max: hi })
        .map((n) => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString()));
    }
    case "text":
      return text(element.required ? 1 : 0, Math.min(element.maxLength ?? 1023, 16));
    case "multiText": {
      const max = Math.min(element.maxStrings || 4, 4);
      return fc.array(text(1, Math.min(element.maxLength ?? 1023, 12)), {
        minLength: element.required ? 1 : 0,
        maxLength: max,
      });
    }
    case "enum":
      return fc.nat(element.items.length - 1).map((index) => itemOption(element, index));
    case "list":
      if (element.explicitValue)
        return fc
          .uniqueArray(fc.tuple(listName, text(0, 12)), { selector: ([n]) => n.toUpperCase(), maxLength: 4 })
          .map((pairs) => Object.fromEntries(pairs));
      if (element.valuePrefix !== undefined) return fc.array(text(1, 12), { maxLength: 4 });
      return fc.uniqueArray(listName, { selector: (n) => n.toUpperCase(), maxLength: 4 });
  }
}

/** Random options for an Enabled state: required elements always, the others sometimes. */
export function optionsArbitrary(policy: Policy): fc.Arbitrary<Record<string, OptionValue>> | undefined {
  const parts: Record<string, fc.Arbitrary<OptionValue>> = {};
  const required: string[] = [];
  for (const element of policy.elements ?? []) {
    const arbitrary = optionArbitrary(element);
    if (!arbitrary) return undefined;
    parts[element.id] = arbitrary;
    if (optionIsRequired(element)) required.push(element.id);
  }
  return fc.record(parts, { requiredKeys: required });
}

/** Compiles one policy state alone; undefined when the compiler refuses it or Registry.pol cannot store it. */
export function compileAlone(
  policy: Policy,
  options: Record<string, OptionValue> | "disabled",
): PolEntry[] | undefined {
  const state =
    options === "disabled" ? { state: "disabled" as const } : { state: "enabled" as const, options };
  const result = compilePolicy(policy, state);
  if (hasErrors(result.diagnostics) || checkPolEntries(result.entries).length > 0) return undefined;
  return result.entries;
}

/** Decodes `entries` as one side, compiles the values file back and returns both steps. */
export function roundTrip(
  corpus: Corpus,
  side: "machine" | "user",
  entries: readonly PolEntry[],
): { decoded: DecodedValues; back: PolEntry[] } {
  const decoded = corpus.decoder.decode({ [side]: entries });
  const back = compileValues(corpus.index, decoded.values, side);
  const errors = back.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) expect(errors).toEqual([]);
  return { decoded, back: back.entries };
}

/* The checks below run tens of thousands of times per store: they compare first (see same-items.ts). */

/** The same entries, byte for byte as Registry.pol holds them. */
const sameEntries = (a: readonly PolEntry[], b: readonly PolEntry[]) =>
  Buffer.from(encodePol(a)).equals(Buffer.from(encodePol(b)));

/**
 * The issue's promise: the same entries in the same key order, byte-identical whenever the decoded
 * policies explain every entry. With raw entries left, the values of one key may come in another
 * order (raw entries are written after the policies' values of their key).
 */
export function expectRoundTrip(
  original: readonly PolEntry[],
  back: readonly PolEntry[],
  raw: number,
  label: string,
): void {
  if (raw === 0) {
    const same = sameEntries(back, original);
    if (!same) expect(same, label).toBe(true);
    return;
  }
  const keys = (list: readonly PolEntry[]) =>
    list.map((e) => e.key).filter((k, i, all) => i === 0 || all[i - 1] !== k);
  if (!sameItems(keys(back), keys(original))) expect(keys(back), label).toEqual(keys(original));
  const sorted = (list: readonly PolEntry[]) => list.map((e) => JSON.stringify(toDumpRecord(e))).sort();
  if (!sameItems(sorted(back), sorted(original))) expect(sorted(back), label).toEqual(sorted(original));
}

/**
 * Why a file holding one policy's entries does not decode as that policy, or undefined when it does:
 * that policy alone, no raw registry entry left, and a state that writes exactly the file's entries —
 * the state and options written, equal in effect. A decoded option may be spelled otherwise (an item by
 * its id, a default left out), and a state may read Disabled where Enabled with these options writes the
 * same entries: the file cannot tell those apart, and neither can the Group Policy editor.
 */
export function whyNotItself(
  policy: Policy,
  side: "machine" | "user",
  entries: readonly PolEntry[],
  decoded: DecodedValues,
): string | undefined {
  const raw = decoded.values.registry?.[side]?.length ?? 0;
  const names = decoded.policies.map((p) => p.name);
  const self = decoded.policies.find((p) => p.policy === policy);
  if (!self || raw > 0 || decoded.policies.length > 1) {
    const reports = decoded.diagnostics.map((d) => `${d.code}: ${d.message}`).join("; ");
    return `decoded as [${names.join(", ")}] with ${raw} raw entries (${reports})`;
  }
  const state = decoded.values[side]![self.name]! as PolicyState;
  const back = compilePolicy(policy, state);
  if (back.diagnostics.some((d) => d.severity === "error") || !sameEntries(back.entries, entries))
    return `decoded as ${JSON.stringify(state)}, which does not write the same entries`;
  return undefined;
}
