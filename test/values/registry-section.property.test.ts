/**
 * The `registry` section of values files: raw entries in the record form of `dump --json`, read back
 * exactly, checked with clear diagnostics, and compiled after the policies.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileValues } from "../../src/compile/index.js";
import { delvalsEntry, dwordEntry, szEntry, type PolEntry } from "../../src/pol/index.js";
import { fromDumpRecord, toDumpRecord } from "../../src/formats/index.js";
import { parseValues, toRegistryRecords, valuesJsonSchema } from "../../src/values/index.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { dword, KEY, records, sz, testBundle } from "../helpers/compile-kit.js";
import { entry as anyEntry, key as anyKey, text } from "../helpers/pol-arbitraries.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const RUNS = fuzzRuns(300);

/** Entries whose data need not be well-formed for their type (a 3-byte DWORD, a string without NUL). */
const looseEntry: fc.Arbitrary<PolEntry> = fc
  .tuple(anyKey, text(8), fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 11, 99), fc.uint8Array({ maxLength: 12 }))
  .map(([key, valueName, type, data]) => ({ key, valueName, type, data }));

describe("fromDumpRecord, the inverse of toDumpRecord", () => {
  it("reads every record back to the same bytes, well-formed or not", () => {
    fc.assert(
      fc.property(fc.oneof(anyEntry, looseEntry), (entry) => {
        // Through JSON, as a values file carries it.
        const record = JSON.parse(JSON.stringify(toDumpRecord(entry)));
        const read = fromDumpRecord(record);
        expect(read.ok).toBe(true);
        if (read.ok)
          expect({ ...read.entry, data: [...read.entry.data] }).toEqual({ ...entry, data: [...entry.data] });
      }),
      { numRuns: RUNS },
    );
  });

  it("takes typed data without size, and hex with its size for data not in the type's form", () => {
    const key = "Software\\X";
    const read = (data: unknown, type: string | number, size?: number) =>
      fromDumpRecord({
        key,
        valueName: "v",
        type,
        data: data as string,
        ...(size === undefined ? {} : { size }),
      });
    expect(read(5, "REG_DWORD")).toEqual({ ok: true, entry: dwordEntry(key, "v", 5) });
    expect(read("abc", "REG_SZ")).toEqual({ ok: true, entry: szEntry(key, "v", "abc") });
    // "0102" is text for REG_SZ unless the size says two bytes.
    expect(read("0102", "REG_SZ", 2)).toEqual({
      ok: true,
      entry: { key, valueName: "v", type: 1, data: Uint8Array.of(1, 2) },
    });
    expect(read("18446744073709551615", "REG_QWORD").ok).toBe(true);
    expect(read("00ff", 99)).toEqual({
      ok: true,
      entry: { key, valueName: "v", type: 99, data: Uint8Array.of(0, 255) },
    });
  });

  it("says what is wrong: unknown type, data of the wrong form, size that does not fit", () => {
    const base = { key: "K", valueName: "v" };
    expect(fromDumpRecord({ ...base, type: "REG_WORD", data: 1 })).toMatchObject({
      ok: false,
      error: { code: "VALUES_RAW_BAD_TYPE", severity: "error", params: { type: '"REG_WORD"' } },
    });
    expect(fromDumpRecord({ ...base, type: "REG_DWORD", data: -1 })).toMatchObject({
      ok: false,
      error: {
        code: "VALUES_RAW_BAD_DATA",
        params: { type: "REG_DWORD", expected: { code: "RECORD_EXPECT_TYPED_OR_HEX" } },
      },
    });
    expect(fromDumpRecord({ ...base, type: "REG_SZ", data: "abc", size: 6 })).toMatchObject({
      ok: false,
      error: { code: "VALUES_RAW_SIZE_MISMATCH", params: { size: 6, actual: 8 } },
    });
  });
});

const policies = testBundle(
  { name: "P", valueName: "On" },
  {
    name: "L",
    key: `${KEY}\\List`,
    elements: [{ kind: "list", id: "L", valuePrefix: "", control: { type: "listBox", label: "L" } }],
  },
).policies;

describe("compileValues with a registry section", () => {
  it("writes raw entries after the policies' values of their key, in section order", () => {
    const registry = { machine: toRegistryRecords([dwordEntry(KEY, "Raw2", 2), szEntry(KEY, "Raw1", "x")]) };
    const result = compileValues(policies, { machine: { P: { state: "enabled" } }, registry }, "machine");
    expect(result.diagnostics).toEqual([]);
    expect(records(result.entries)).toEqual([
      dword(KEY, "On", 1),
      dword(KEY, "Raw2", 2),
      sz(KEY, "Raw1", "x"),
    ]);
  });

  it("a raw **delvals. stays first in its key and does not clear what the policies wrote there", () => {
    const registry = { machine: toRegistryRecords([delvalsEntry(KEY), dwordEntry(KEY, "Raw", 1)]) };
    const result = compileValues(policies, { machine: { P: { state: "enabled" } }, registry }, "machine");
    expect(records(result.entries)).toEqual([
      sz(KEY, "**delvals.", " "),
      dword(KEY, "On", 1),
      dword(KEY, "Raw", 1),
    ]);
  });

  it("spells key components as the registry section does, before any policy creates them", () => {
    const registry = {
      machine: toRegistryRecords([dwordEntry("SOFTWARE\\policies\\Admxkit\\Other", "Raw", 1)]),
    };
    const result = compileValues(policies, { machine: { P: { state: "enabled" } }, registry }, "machine");
    expect(result.entries.map((e) => e.key)).toEqual([
      "SOFTWARE\\policies\\Admxkit\\Other",
      "SOFTWARE\\policies\\Admxkit\\Test",
    ]);
  });

  it("only the requested class produces entries, but both are checked", () => {
    const values = {
      registry: {
        machine: [{ key: KEY, valueName: "M", type: "REG_DWORD", data: 1 }],
        user: [{ key: KEY, valueName: "U", type: "REG_DWORD", data: "one" }],
      },
    };
    const result = compileValues(policies, values, "machine");
    expect(records(result.entries)).toEqual([dword(KEY, "M", 1)]);
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["VALUES_RAW_BAD_DATA", ["registry", "user", 0, "data"]],
    ]);
  });

  it("refuses control characters in names, unknown types, wrong sizes and what Registry.pol cannot store", () => {
    const machine = [
      { key: `${KEY}\n`, valueName: "v", type: "REG_DWORD", data: 1 },
      { key: KEY, valueName: "v\u0007", type: "REG_DWORD", data: 1 },
      { key: KEY, valueName: "v", type: "REG_NUMBER", data: 1 },
      { key: KEY, valueName: "v", type: "REG_SZ", size: 3, data: "ab" },
      { key: `${KEY}\\`, valueName: "v", type: "REG_DWORD", data: 1 },
    ];
    const result = compileValues(policies, { registry: { machine } }, "machine");
    expect(result.entries).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      "VALUES_RAW_CONTROL_CHARACTER",
      "VALUES_RAW_CONTROL_CHARACTER",
      "VALUES_RAW_BAD_TYPE",
      "VALUES_RAW_SIZE_MISMATCH",
      "VALUES_RAW_UNSTORABLE",
    ]);
    expect(result.diagnostics[1]!.params).toMatchObject({ field: "valueName", character: "U+0007" });
  });
});

describe("the values file shape", () => {
  it("accepts a registry section and reports bad records at their place", () => {
    expect(parseValues({ registry: { machine: [{ key: "K", valueName: "v", type: 4, data: 1 }] } }).ok).toBe(
      true,
    );
    const bad = parseValues({
      registry: { machine: [{ key: "K", valueName: "v", type: 4, data: 1, extra: 1 }] },
    });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["VALUES_RAW_SHAPE", ["registry", "machine", 0]],
    ]);
    const section = parseValues({ registy: {} });
    expect(section.diagnostics[0]).toMatchObject({
      code: "VALUES_UNKNOWN_SECTION",
      params: { suggestion: "registry" },
    });
  });

  it("the JSON Schema of a bundle's values files describes the registry section", () => {
    const schema = valuesJsonSchema(defenderProxyBundle()) as {
      properties: Record<string, { properties?: object }>;
    };
    expect(Object.keys(schema.properties.registry!.properties ?? {})).toEqual(["machine", "user"]);
  });
});
