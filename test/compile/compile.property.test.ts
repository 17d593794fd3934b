import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicy, EntryCollector, registryUpcase, type OptionValue } from "../../src/compile/index.js";
import { hasErrors } from "../../src/diagnostics/diagnostic.js";
import type { Element } from "../../src/model/types.js";
import { value } from "../../src/model/values.js";
import {
  classifyEntry,
  decodePolOrThrow,
  delEntry,
  delvalsEntry,
  encodePol,
  szEntry,
  type PolEntry,
} from "../../src/pol/index.js";
import { checkTextFormat, type TextFormat } from "../../src/values/formats.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";
import { testBundle } from "../helpers/compile-kit.js";

const RUNS = fuzzRuns(200);

const ELEMENTS: Element[] = [
  {
    kind: "boolean",
    id: "B",
    valueName: "B",
    trueList: { items: [{ valueName: "T", value: value.decimal(1) }] },
    control: { type: "checkBox", label: "L" },
  },
  {
    kind: "decimal",
    id: "D",
    valueName: "D",
    maxValue: 100_000,
    storeAsText: true,
    control: { type: "decimalTextBox", label: "L" },
  },
  {
    kind: "longDecimal",
    id: "Q",
    valueName: "Q",
    maxValue: "18446744073709551615",
    control: { type: "longDecimalTextBox", label: "L" },
  },
  {
    kind: "text",
    id: "T",
    valueName: "Text",
    format: "proxyBypass",
    control: { type: "textBox", label: "L" },
  },
  { kind: "multiText", id: "M", valueName: "M", control: { type: "multiTextBox", label: "L" } },
  {
    kind: "enum",
    id: "E",
    valueName: "E",
    items: [
      { displayName: "E_A", value: value.string("a") },
      { displayName: "E_B", value: value.delete() },
    ],
    control: { type: "dropdownList", label: "L" },
  },
  {
    kind: "list",
    id: "L",
    key: "Software\\Policies\\Admxkit\\Test\\L",
    valuePrefix: "",
    control: { type: "listBox", label: "L" },
  },
  {
    kind: "list",
    id: "X",
    key: "Software\\Policies\\Admxkit\\Test\\X",
    explicitValue: true,
    control: { type: "listBox", label: "L" },
  },
];
const policy = testBundle({ name: "P", valueName: "On", elements: ELEMENTS }).policies[0]!;

const optionValue: fc.Arbitrary<OptionValue> = fc.oneof(
  fc.string(),
  fc.integer({ min: -5, max: 2 ** 40 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 4 }),
  fc.constantFrom("E_A", "E_B", "18446744073709551615", "10.0.0.1;*.contoso.com"),
);

describe("the compiler on arbitrary option values", () => {
  it("never throws; without errors its entries encode and decode back unchanged", () => {
    const ids = ELEMENTS.map((e) => e.id);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids), optionValue), (options) => {
        const result = compilePolicy(policy, { state: "enabled", options });
        for (const d of result.diagnostics) expect(d.params.policy).toBe("P");
        if (hasErrors(result.diagnostics)) return;
        expect(decodePolOrThrow(encodePol(result.entries))).toEqual(result.entries);
      }),
      { numRuns: RUNS },
    );
  });

  it("format checks never throw on arbitrary text", () => {
    const formats: TextFormat[] = ["proxyUrl", "hostPort", "httpUrl", "proxyBypass"];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.oneof(fc.string(), fc.webUrl(), fc.ipV6(), fc.domain()),
        (format, text) => {
          for (const issue of checkTextFormat(format, text)) expect(issue.code).toMatch(/^FORMAT_/);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("the entry collector on random writes", () => {
  const key = fc.constantFrom("K", "k", "K\\Sub", "k\\SUB", "Other");
  const name = fc.constantFrom("a", "A", "b", "Value");
  const write: fc.Arbitrary<PolEntry> = fc.oneof(
    fc.tuple(key, name, fc.string({ maxLength: 3 })).map(([k, n, d]) => szEntry(k, n, d)),
    fc.tuple(key, name).map(([k, n]) => delEntry(k, n)),
    key.map((k) => delvalsEntry(k)),
  );

  it("keeps one entry per value (case-insensitive), the last one written, with nothing before a **delvals.", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 20 }), (writes) => {
        const collector = new EntryCollector();
        writes.forEach((entry, i) => collector.add(entry, { policy: `P${i}` }));
        const out = collector.entries();
        const target = (e: PolEntry) => {
          const action = classifyEntry(e);
          return `${registryUpcase(e.key)}|${action.kind === "del" ? registryUpcase(action.name) : action.kind === "delvals" ? "*" : registryUpcase(e.valueName)}`;
        };
        expect(new Set(out.map(target)).size).toBe(out.length);
        for (const entry of out) {
          const lastIndex = writes.findLastIndex((w) => target(w) === target(entry));
          expect(entry.valueName).toBe(writes[lastIndex]!.valueName);
          expect(entry.data).toEqual(writes[lastIndex]!.data);
          // Nothing written to a key before its last **delvals. survives.
          const clear = writes.findLastIndex(
            (w) => classifyEntry(w).kind === "delvals" && registryUpcase(w.key) === registryUpcase(entry.key),
          );
          expect(lastIndex >= clear).toBe(true);
        }
        // A **delvals. is first in its key, and no value written before it survives.
        out.forEach((entry, i) => {
          if (classifyEntry(entry).kind !== "delvals") return;
          expect(i === 0 || registryUpcase(out[i - 1]!.key) !== registryUpcase(entry.key)).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
