/**
 * The round-trip suite over one real central store: decode → values → compile gives back the entries
 * of files compiled from every policy of every ADMX (Enabled with defaults, Disabled, random options),
 * of one file per ADMX with all its policies set, and of Microsoft's own Registry.pol files. The store
 * is read once per test file. What does not decode as its own policy is listed by the caller with the
 * reason, and the suite checks both the list and the reason.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compileValues } from "../../src/compile/index.js";
import { checkPolEntries, decodePolOrThrow, encodePol } from "../../src/pol/index.js";
import type { Policy } from "../../src/model/types.js";
import { FIXTURES, fuzzRuns, readFixture } from "../pol/pol-test-kit.js";
import {
  compileAlone,
  expectRoundTrip,
  loadCorpus,
  optionsArbitrary,
  policyLabel,
  requiredOptions,
  roundTrip,
  sidesOf,
  type Corpus,
} from "./corpus-kit.js";

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
}

const sameBytes = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

export function corpusRoundTripSuite(
  name: "windows11-21h2" | "windows10-1903",
  expected: CorpusExpectations,
): void {
  describe(`decode → values → compile over ${name}`, () => {
    let corpus: Corpus;
    const all: { label: string; policy: Policy }[] = [];
    beforeAll(async () => {
      corpus = await loadCorpus(name);
      for (const template of corpus.store.templates)
        for (const policy of template.policies) all.push({ label: policyLabel(template, policy), policy });
    });

    it("every policy alone, Enabled with defaults and Disabled, compiles back to the same bytes", () => {
      const ambiguous: Record<string, string> = {};
      const unstorable = new Set<string>();
      let decodedAsItself = 0;
      for (const { label, policy } of all) {
        const enabled = compileAlone(policy, requiredOptions(policy));
        const disabled = compileAlone(policy, "disabled");
        for (const [state, entries] of [
          ["enabled", enabled],
          ["disabled", disabled],
        ] as const) {
          if (entries === undefined) {
            unstorable.add(label);
            continue;
          }
          // Reason, checked: an Enabled state of optional elements without defaults writes no entry.
          if (entries.length === 0) {
            continue;
          }
          for (const side of sidesOf(policy)) {
            const { decoded, back } = roundTrip(corpus, side, entries);
            const raw = decoded.values.registry?.[side]?.length ?? 0;
            expectRoundTrip(entries, back, raw, `${label} ${state} ${side}`);
            const self = decoded.policies.find((p) => p.policy === policy);
            if (self && raw === 0 && decoded.policies.length === 1) {
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
    });

    it("every policy alone with random options compiles back to the same entries", () => {
      const cases = all.flatMap(({ label, policy }) => {
        const options = optionsArbitrary(policy);
        return options && (policy.elements?.length ?? 0) > 0 ? [{ label, policy, options }] : [];
      });
      fc.assert(
        fc.property(
          fc.constantFrom(...cases).chain((c) => c.options.map((options) => ({ ...c, options }))),
          ({ label, policy, options }) => {
            const entries = compileAlone(policy, options);
            fc.pre(entries !== undefined && entries.length > 0);
            const side = sidesOf(policy)[0]!;
            const { decoded, back } = roundTrip(corpus, side, entries!);
            expectRoundTrip(
              entries!,
              back,
              decoded.values.registry?.[side]?.length ?? 0,
              `${label} ${JSON.stringify(options)}`,
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
              const options = requiredOptions(policy);
              if (compileAlone(policy, state === "enabled" ? options : "disabled") === undefined) continue;
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
