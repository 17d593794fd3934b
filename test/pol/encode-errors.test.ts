import { describe, expect, it } from "vitest";
import { AdmxkitError, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { checkPolEntries, encodePol, encodeValue, szEntry } from "../../src/pol/index.js";
import type { PolEncodeErrorCode, PolEntry } from "../../src/pol/index.js";

function entry(overrides: Partial<PolEntry>): PolEntry {
  return { key: "Software\\Policies\\X", valueName: "V", type: 4, data: new Uint8Array(4), ...overrides };
}

function refusals(entries: PolEntry[]): readonly Diagnostic[] {
  try {
    encodePol(entries);
  } catch (caught) {
    if (caught instanceof AdmxkitError) return caught.diagnostics;
    throw caught;
  }
  throw new Error("expected encodePol to refuse");
}

const CASES: [string, PolEncodeErrorCode, PolEntry][] = [
  ["empty key", "POL_KEY_EMPTY_COMPONENT", entry({ key: "" })],
  ["doubled backslash", "POL_KEY_EMPTY_COMPONENT", entry({ key: "A\\\\B" })],
  ["trailing backslash", "POL_KEY_EMPTY_COMPONENT", entry({ key: "A\\" })],
  ["leading backslash", "POL_KEY_EMPTY_COMPONENT", entry({ key: "\\A" })],
  ["256-char component", "POL_KEY_COMPONENT_TOO_LONG", entry({ key: `A\\${"k".repeat(256)}` })],
  ["NUL in key", "POL_NUL_IN_KEY", entry({ key: "A\0B" })],
  ["16,384-char value name", "POL_VALUE_NAME_TOO_LONG", entry({ valueName: "v".repeat(16_384) })],
  ["NUL in value name", "POL_NUL_IN_VALUE_NAME", entry({ valueName: "a\0" })],
  ["negative type", "POL_BAD_TYPE", entry({ type: -1 })],
  ["type beyond 32 bits", "POL_BAD_TYPE", entry({ type: 2 ** 32 })],
  ["3-byte DWORD", "POL_BAD_DATA_SIZE", entry({ type: 4, data: new Uint8Array(3) })],
  ["10-byte DWORD (salt#59059)", "POL_BAD_DATA_SIZE", entry({ type: 4, data: new Uint8Array(10) })],
  ["4-byte QWORD", "POL_BAD_DATA_SIZE", entry({ type: 11, data: new Uint8Array(4) })],
  ["2-byte big-endian DWORD", "POL_BAD_DATA_SIZE", entry({ type: 5, data: new Uint8Array(2) })],
  ["odd REG_SZ", "POL_ODD_STRING", entry({ type: 1, data: new Uint8Array(3) })],
  ["odd REG_MULTI_SZ", "POL_ODD_STRING", entry({ type: 7, data: new Uint8Array(5) })],
  ["64 KiB of data", "POL_DATA_TOO_LARGE", entry({ type: 3, data: new Uint8Array(0x10000) })],
];

describe("encodePol refusals", () => {
  it.each(CASES)("refuses %s with %s", (_, code, bad) => {
    const [error, ...rest] = refusals([szEntry("A", "ok", "fine"), bad]);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({
      code,
      severity: "error",
      params: { index: 1, key: bad.key, valueName: bad.valueName },
    });
    expect(error!.message).toMatch(/ \(.+\)$/);
  });

  it("refuses with every entry Windows would not accept, not just the first", () => {
    const found = refusals([entry({ key: "" }), entry({}), entry({ type: -1 })]);
    expect(found.map((d) => [d.code, d.params.index])).toEqual([
      ["POL_KEY_EMPTY_COMPONENT", 0],
      ["POL_BAD_TYPE", 2],
    ]);
  });

  it("accepts the limits themselves", () => {
    const atLimits = [
      entry({ key: `${"k".repeat(255)}\\${"k".repeat(255)}` }),
      entry({ valueName: "v".repeat(16_383) }),
      entry({ type: 3, data: new Uint8Array(0xffff) }),
      entry({ type: 0xffffffff, data: new Uint8Array(7) }),
    ];
    expect(checkPolEntries(atLimits)).toEqual([]);
    expect(() => encodePol(atLimits)).not.toThrow();
  });

  it("checkPolEntries reports every problem as data, without throwing", () => {
    const issues = checkPolEntries([
      entry({ key: "" }),
      entry({}),
      entry({ key: "" }),
      entry({ valueName: "\0" }),
    ]);
    expect(issues.map((i) => [i.params.index, i.code])).toEqual([
      [0, "POL_KEY_EMPTY_COMPONENT"],
      [2, "POL_KEY_EMPTY_COMPONENT"],
      [3, "POL_NUL_IN_VALUE_NAME"],
    ]);
  });
});

describe("encodeValue refusals", () => {
  it.each([
    ["DWORD -1", { type: "REG_DWORD", value: -1 }],
    ["DWORD 2^32", { type: "REG_DWORD", value: 2 ** 32 }],
    ["DWORD 1.5", { type: "REG_DWORD", value: 1.5 }],
    ["big-endian NaN", { type: "REG_DWORD_BIG_ENDIAN", value: Number.NaN }],
    ["QWORD 2^64", { type: "REG_QWORD", value: 2n ** 64n }],
    ["QWORD -1", { type: "REG_QWORD", value: -1n }],
    ["NUL in REG_SZ", { type: "REG_SZ", value: "a\0b" }],
    ["NUL in a MULTI_SZ item", { type: "REG_MULTI_SZ", value: ["ok", "a\0b"] }],
  ] as const)("refuses %s with POL_BAD_VALUE", (_, value) => {
    expect(() => encodeValue(value)).toThrow(AdmxkitError);
    try {
      encodeValue(value);
    } catch (caught) {
      const [refused] = (caught as AdmxkitError).diagnostics;
      expect(refused).toMatchObject({ code: "POL_BAD_VALUE" });
      expect(refused!.params).not.toHaveProperty("index");
    }
  });
});
