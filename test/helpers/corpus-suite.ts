/**
 * The round-trip suite over one real central store: decode → values → compile gives back the entries
 * of files compiled from every policy of every ADMX (Enabled with defaults, Disabled, every drop-down
 * item and check box, random options), of one file per ADMX with all its policies set, and of
 * Microsoft's own Registry.pol files. A file of one policy must also decode as that policy — not only
 * round-trip through raw registry entries. The store is read once per test file. What does not decode
 * as its own policy is listed by the caller with the reason, and the suite checks both the list and the
 * reason.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compileValues } from "../../src/compile/index.js";
import { checkPolEntries, decodePolOrThrow, encodePol } from "../../src/pol/index.js";
import type { DecodedValues } from "../../src/decompile/index.js";
import type { Policy } from "../../src/model/types.js";
import type { ValuesFile } from "../../src/values/schema.js";
import type { PolEntry } from "../../src/pol/index.js";
import type { OptionValue } from "../../src/compile/index.js";
import { itemOption } from "./enabled-state.js";
import { optionIsRequired } from "../../src/values/option-schemas.js";
import { FIXTURES, readFixture } from "./pol-kit.js";
import { fuzzRuns } from "./fuzz-runs.js";
import {
  compileAlone,
  expectRoundTrip,
  loadCorpus,
  optionsArbitrary,
  policyLabel,
  requiredOptions,
  roundTrip,
  sidesOf,
  whyNotItself,
  type Corpus,
} from "./corpus-kit.js";
import type { InboxStore } from "./inbox-store.js";
import type { NotItself } from "./corpus-shared.js";

/** What a store's policies are known to do, with the reason for each listed one. */
export interface CorpusExpectations {
  /**
   * `File.admx:Policy (state)` of single-policy files that stay raw registry entries → the policies
   * that write exactly those entries alike (the VALUES_FROM_AMBIGUOUS report): the file cannot tell
   * which was set. The round trip still holds, through the `registry` section.
   */
  readonly ambiguous: Readonly<Record<string, string>>;
  /** `File.admx:Policy`: policies whose entries Registry.pol cannot store, with why. */
  readonly unstorable: Readonly<Record<string, string>>;
  /**
   * `File.admx:Policy` of policies that, Enabled with any options, do not decode as themselves, with
   * the report the decoder gives instead and why. Every other policy must decode as itself.
   */
  readonly notItselfWithOptions: Readonly<Record<string, NotItself>>;
}

const sameBytes = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a state of `policy` — Enabled with {@link requiredOptions}, or Disabled — writes no entry,
 * read from the template alone: the policy has no value of its own and no list for that state, and
 * Enabled, each element is left empty and then writes nothing (a number box, drop-down or multi-line
 * box that is optional and has no default; an additive list, which writes no `**delvals.`); Disabled,
 * it has no element (every element writes its deletion when Disabled).
 */
function writesNothing(policy: Policy, state: "enabled" | "disabled"): boolean {
  const list = state === "enabled" ? policy.enabledList : policy.disabledList;
  if (policy.valueName !== undefined || (list?.items.length ?? 0) > 0) return false;
  const elements = policy.elements ?? [];
  if (state === "disabled") return elements.length === 0;
  return elements.every((element) => {
    if (optionIsRequired(element)) return false;
    switch (element.kind) {
      case "decimal":
      case "longDecimal":
        return element.control.defaultValue === undefined;
      case "enum":
        return element.control.defaultItem === undefined;
      case "multiText":
        return true;
      case "list":
        return element.additive === true;
      case "boolean":
      case "text":
        // A check box writes its unchecked value; an empty text box an empty REG_SZ.
        return false;
    }
  });
}

/**
 * A file of one policy's entries decodes as that policy (see whyNotItself) — unless the policy is
 * listed, and then it must not, and the decoder must give the report the list says.
 */
function expectDecodedAsItself(
  policy: Policy,
  side: "machine" | "user",
  entries: readonly PolEntry[],
  decoded: DecodedValues,
  listed: NotItself | undefined,
  what: string,
): void {
  const why = whyNotItself(policy, side, entries, decoded);
  if (listed === undefined) {
    // Called only on a failure: this runs for thousands of files (see corpus-kit.ts on expect's cost).
    if (why !== undefined) expect(why, what).toBeUndefined();
    return;
  }
  expect(why, `${what} is listed (${listed.reason}), yet decodes as itself`).toBeDefined();
  const report = decoded.diagnostics.find((d) => d.code === listed.code);
  expect(report, `${what}: ${why}`).toBeDefined();
  if (listed.policies !== undefined) expect(String(report!.params.policies), what).toBe(listed.policies);
}

/** A policy's smallest Enabled options, and what it compiles to Enabled with them and Disabled. */
interface Defaults {
  readonly options: Record<string, OptionValue>;
  readonly enabled: PolEntry[] | undefined;
  readonly disabled: PolEntry[] | undefined;
}

export function corpusRoundTripSuite(name: InboxStore, expected: CorpusExpectations): void {
  // Each test walks thousands of policies: 5-25 s on a quiet 2-core machine, more than the suite's
  // 30 s timeout when the machine is shared. The bound is for a hung test, not for speed.
  describe(`decode → values → compile over ${name}`, { timeout: 180_000 }, () => {
    let corpus: Corpus;
    const all: { label: string; policy: Policy }[] = [];
    /**
     * Each policy's {@link requiredOptions} and its entries Enabled with them and Disabled (see
     * compileAlone), compiled once for the three tests that start from them.
     */
    const defaults = new Map<Policy, Defaults>();
    beforeAll(async () => {
      corpus = await loadCorpus(name);
      for (const template of corpus.store.templates)
        for (const policy of template.policies) {
          all.push({ label: policyLabel(template, policy), policy });
          const options = requiredOptions(policy);
          const enabled = compileAlone(policy, options);
          defaults.set(policy, { options, enabled, disabled: compileAlone(policy, "disabled") });
        }
    });

    it("every policy alone, Enabled with defaults and Disabled, compiles back to the same bytes", () => {
      const ambiguous: Record<string, string> = {};
      const unstorable = new Set<string>();
      let decodedAsItself = 0;
      let writeNothing = 0;
      for (const { label, policy } of all) {
        const { enabled, disabled } = defaults.get(policy)!;
        for (const [state, entries] of [
          ["enabled", enabled],
          ["disabled", disabled],
        ] as const) {
          if (entries === undefined) {
            unstorable.add(label);
            continue;
          }
          // A state that writes no entry leaves nothing to decode; it must be one the template gives
          // nothing to write, and every such state must write nothing.
          const nothing = writesNothing(policy, state);
          if ((entries.length === 0) !== nothing)
            expect(entries.length === 0, `${label} ${state}: writes no entry`).toBe(nothing);
          if (entries.length === 0) {
            writeNothing++;
            continue;
          }
          for (const side of sidesOf(policy)) {
            const { decoded, back } = roundTrip(corpus, side, entries);
            const raw = decoded.values.registry?.[side]?.length ?? 0;
            expectRoundTrip(entries, back, raw, `${label} ${state} ${side}`);
            if (whyNotItself(policy, side, entries, decoded) === undefined) {
              const self = decoded.policies[0]!;
              const got = decoded.values[side]![self.name]!.state;
              // Reason, checked: where Enabled (with these options) and Disabled write the same entries,
              // the file cannot tell them apart and the decoder reads Disabled.
              if (got !== state) {
                expect(sameBytes(enabled!, disabled!), `${label}: decoded ${got}, not ${state}`).toBe(true);
              }
              decodedAsItself++;
            } else {
              const report = decoded.diagnostics.find((d) => d.code === "VALUES_FROM_AMBIGUOUS");
              expect(report, `${label} ${state}`).toBeDefined();
              ambiguous[`${label} (${state})`] = String(report!.params.policies);
            }
          }
        }
      }
      expect(ambiguous).toEqual(expected.ambiguous);
      expect([...unstorable].sort()).toEqual(Object.keys(expected.unstorable).sort());
      // The store is large: most policies must decode as themselves.
      expect(decodedAsItself).toBeGreaterThan(all.length);
      // Those states exist (optional lists, drop-downs and number boxes): the check above is not vacuous.
      expect(writeNothing).toBeGreaterThan(10);
    });

    // Drop-downs whose items write value lists or deletions, and check boxes with their own values or
    // lists: where reading an item back takes more than one value (Bits.admx's "Custom" items delete the
    // value they write). Each item and state, not a random few; plain ones are left to the property.
    it("every item of a drop-down with value lists, and every state of such a check box, decodes as itself", () => {
      let checked = 0;
      for (const { label, policy } of all) {
        for (const element of policy.elements ?? []) {
          let choices: OptionValue[] = [];
          if (element.kind === "enum" && element.items.some((i) => i.valueList || i.value.type === "delete"))
            choices = element.items.map((_, index) => itemOption(element, index));
          if (
            element.kind === "boolean" &&
            (element.trueValue || element.falseValue || element.trueList || element.falseList)
          )
            choices = [true, false];
          for (const choice of choices) {
            const options = { ...requiredOptions(policy), [element.id]: choice };
            const entries = compileAlone(policy, options);
            if (entries === undefined || entries.length === 0) continue;
            for (const side of sidesOf(policy)) {
              const what = `${label} ${JSON.stringify(options)} ${side}`;
              const { decoded, back } = roundTrip(corpus, side, entries);
              expectRoundTrip(entries, back, decoded.values.registry?.[side]?.length ?? 0, what);
              expectDecodedAsItself(
                policy,
                side,
                entries,
                decoded,
                expected.notItselfWithOptions[label],
                what,
              );
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(500);
    });

    it("each policy listed as not decoding as itself with options is in the store and fails as listed", () => {
      for (const [label, listed] of Object.entries(expected.notItselfWithOptions)) {
        const found = all.find((p) => p.label === label);
        expect(found, label).toBeDefined();
        const options = optionsArbitrary(found!.policy);
        expect(options, label).toBeDefined();
        for (const drawn of fc.sample(options!, { numRuns: 5, seed: 11 })) {
          const entries = compileAlone(found!.policy, drawn);
          if (entries === undefined || entries.length === 0) continue;
          const side = sidesOf(found!.policy)[0]!;
          const { decoded } = roundTrip(corpus, side, entries);
          expectDecodedAsItself(
            found!.policy,
            side,
            entries,
            decoded,
            listed,
            `${label} ${JSON.stringify(drawn)}`,
          );
        }
      }
    });

    it("every policy alone with random options decodes as itself and compiles back to the same entries", () => {
      const cases = all.flatMap(({ label, policy }) => {
        const options = optionsArbitrary(policy);
        return options && (policy.elements?.length ?? 0) > 0 ? [{ label, policy, options }] : [];
      });
      const byLabel = new Map(cases.map((c) => [c.label, c]));
      fc.assert(
        fc.property(
          // Drawn as label and options, so that a counterexample reads as them, not as a whole template.
          fc
            .constantFrom(...cases.map((c) => c.label))
            .chain((label) => byLabel.get(label)!.options.map((options) => ({ label, options }))),
          ({ label, options }) => {
            const { policy } = byLabel.get(label)!;
            const entries = compileAlone(policy, options);
            fc.pre(entries !== undefined && entries.length > 0);
            const side = sidesOf(policy)[0]!;
            const { decoded, back } = roundTrip(corpus, side, entries!);
            const what = `${label} ${JSON.stringify(options)}`;
            expectRoundTrip(entries!, back, decoded.values.registry?.[side]?.length ?? 0, what);
            // Not only the same entries: a decoder failure would pass that through raw registry entries.
            expectDecodedAsItself(
              policy,
              side,
              entries!,
              decoded,
              expected.notItselfWithOptions[label],
              what,
            );
          },
        ),
        { numRuns: fuzzRuns(150) },
      );
    });

    it("one file per ADMX with all its policies Enabled (or Disabled) compiles back to the same entries", () => {
      let identical = 0;
      let files = 0;
      for (const template of corpus.store.templates) {
        for (const state of ["enabled", "disabled"] as const) {
          for (const side of ["machine", "user"] as const) {
            const section: Record<string, { state: "enabled" | "disabled"; options?: object }> = {};
            for (const policy of template.policies) {
              if (!sidesOf(policy).includes(side)) continue;
              const { options, enabled, disabled } = defaults.get(policy)!;
              if ((state === "enabled" ? enabled : disabled) === undefined) continue;
              const key = corpus.index.lookup(policy.name).ok
                ? policy.name
                : `${template.namespace}:${policy.name}`;
              section[key] = state === "enabled" ? { state, options } : { state };
            }
            const first = compileValues(corpus.index, { [side]: section }, side);
            if (first.entries.length === 0 || checkPolEntries(first.entries).length > 0) continue;
            files++;
            const { decoded, back } = roundTrip(corpus, side, first.entries);
            const raw = decoded.values.registry?.[side]?.length ?? 0;
            expectRoundTrip(first.entries, back, raw, `${template.file} ${state} ${side}`);
            if (Buffer.from(encodePol(back)).equals(Buffer.from(encodePol(first.entries)))) identical++;
          }
        }
      }
      // Byte-identical except where ambiguous entries stay raw (their values move after the policies').
      expect(identical).toBeGreaterThan(files * 0.9);
    });

    it("one file per ADMX spelled in lower case, as no template spells it, comes back through keySpelling", () => {
      // GPMC keeps the spelling of the setting made first, whatever the templates say; lower case
      // stands for a spelling the compiler's count would never choose, in every key component.
      let spelled = 0;
      for (const template of corpus.store.templates) {
        const section: NonNullable<ValuesFile["machine"]> = {};
        for (const policy of template.policies) {
          if (!sidesOf(policy).includes("machine")) continue;
          const { options, enabled } = defaults.get(policy)!;
          if (enabled === undefined) continue;
          const key = corpus.index.lookup(policy.name).ok
            ? policy.name
            : `${template.namespace}:${policy.name}`;
          // requiredOptions gives read-only lists, which the compiler only reads.
          section[key] = { state: "enabled", options: options as (typeof section)[string]["options"] };
        }
        const first = compileValues(corpus.index, { machine: section }, "machine");
        if (first.entries.length === 0 || checkPolEntries(first.entries).length > 0) continue;
        const lower = first.entries.map((entry) => ({ ...entry, key: entry.key.toLowerCase() }));
        if (lower.every((entry, i) => entry.key === first.entries[i]!.key)) continue;
        const { decoded, back } = roundTrip(corpus, "machine", lower);
        expectRoundTrip(lower, back, decoded.values.registry?.machine?.length ?? 0, template.file);
        // Raw entries' keys keep their own spelling; elsewhere the decoded policies need keySpelling.
        if (decoded.values.keySpelling?.machine) spelled++;
      }
      expect(spelled).toBeGreaterThan(150);
    });

    it.each(FIXTURES)("Microsoft's %s Registry.pol compiles back byte for byte", (fixture) => {
      const entries = decodePolOrThrow(readFixture(fixture));
      const { decoded, back } = roundTrip(corpus, "machine", entries);
      expect(Buffer.from(encodePol(back)).equals(Buffer.from(readFixture(fixture)))).toBe(true);
      // None of these GPOs (Chrome, Adobe Reader, certificates) is set through a Windows template.
      expect(decoded.policies).toEqual([]);
      expect(decoded.values.registry?.machine).toHaveLength(entries.length);
    });
  });
}
