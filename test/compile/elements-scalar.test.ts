import { describe, expect, it } from "vitest";
import { compilePolicy, type OptionValue } from "../../src/compile/index.js";
import type { Element } from "../../src/model/types.js";
import { value } from "../../src/model/values.js";
import { del, dword, KEY, onePolicy, records, sz } from "../helpers/compile-kit.js";

const OTHER = "Software\\Policies\\Admxkit\\Other";

/** A policy with one element; `options` (when given) is its enabled state's options. */
function compileOne(element: Element, options?: Record<string, OptionValue>) {
  const policy = onePolicy({ name: "P", elements: [element] });
  return compilePolicy(policy, options ? { state: "enabled", options } : { state: "disabled" });
}

/** The codes and severities of a result's diagnostics. */
const codes = (result: ReturnType<typeof compileOne>) =>
  result.diagnostics.map((d) => `${d.severity} ${d.code}`);

const checkBox = { type: "checkBox", label: "L" } as const;

describe("boolean", () => {
  const implicit: Element = { kind: "boolean", id: "B", valueName: "Flag", control: checkBox };

  it("checked without trueValue writes REG_DWORD 1; unchecked without falseValue writes **del.", () => {
    expect(records(compileOne(implicit, { B: true }).entries)).toEqual([dword(KEY, "Flag", 1)]);
    expect(records(compileOne(implicit, { B: false }).entries)).toEqual([del(KEY, "Flag")]);
    expect(records(compileOne(implicit).entries)).toEqual([del(KEY, "Flag")]);
  });

  it("takes defaultChecked when the option is missing, and unchecked without it", () => {
    const checked: Element = { ...implicit, control: { ...checkBox, defaultChecked: true } } as Element;
    expect(records(compileOne(checked, {}).entries)).toEqual([dword(KEY, "Flag", 1)]);
    expect(records(compileOne(implicit, {}).entries)).toEqual([del(KEY, "Flag")]);
  });

  const explicit: Element = {
    kind: "boolean",
    id: "B",
    valueName: "Mode",
    trueValue: value.string("on"),
    falseValue: value.decimal(0),
    trueList: { defaultKey: OTHER, items: [{ valueName: "X", value: value.decimal(1) }] },
    falseList: { items: [{ valueName: "Y", value: value.delete() }] },
    control: checkBox,
  };

  it("writes trueValue and trueList, or falseValue and falseList", () => {
    expect(records(compileOne(explicit, { B: true }).entries)).toEqual([
      dword(OTHER, "X", 1),
      sz(KEY, "Mode", "on"),
    ]);
    expect(records(compileOne(explicit, { B: false }).entries)).toEqual([
      dword(KEY, "Mode", 0),
      del(KEY, "Y"),
    ]);
  });

  it("writes the explicit off data when the policy is Disabled (the real editor; PolicyPlus#38)", () => {
    expect(records(compileOne(explicit).entries)).toEqual([dword(KEY, "Mode", 0), del(KEY, "Y")]);
    const onlyList: Element = {
      ...implicit,
      falseList: explicit.kind === "boolean" ? explicit.falseList : undefined,
    } as Element;
    expect(records(compileOne(onlyList).entries)).toEqual([del(KEY, "Y")]);
  });

  it("rejects a value that is not true or false", () => {
    const result = compileOne(implicit, { B: "yes" });
    expect(result.entries).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        code: "OPTION_NOT_BOOLEAN",
        severity: "error",
        params: { policy: "P", option: "B", value: '"yes"' },
        path: ["options", "B"],
        message: 'policy P: the option B is a check box and must be true or false; found "yes"',
      },
    ]);
  });
});

describe("decimal", () => {
  const decimal = (extra: object = {}): Element =>
    ({
      kind: "decimal",
      id: "N",
      valueName: "Count",
      control: { type: "decimalTextBox", label: "L" },
      ...extra,
    }) as Element;

  it("writes a REG_DWORD, or the digits as REG_SZ with storeAsText", () => {
    expect(records(compileOne(decimal(), { N: 42 }).entries)).toEqual([dword(KEY, "Count", 42)]);
    expect(records(compileOne(decimal({ storeAsText: true }), { N: 42 }).entries)).toEqual([
      sz(KEY, "Count", "42"),
    ]);
  });

  it("writes **del. when the policy is Disabled", () => {
    expect(records(compileOne(decimal()).entries)).toEqual([del(KEY, "Count")]);
  });

  it("limits values to 0..9999 when the ADMX has no maxValue, as the editor does", () => {
    expect(records(compileOne(decimal(), { N: 9999 }).entries)).toEqual([dword(KEY, "Count", 9999)]);
    const result = compileOne(decimal(), { N: 10000 });
    expect(result.entries).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({
      code: "OPTION_OUT_OF_DEFAULT_RANGE",
      params: { policy: "P", option: "N", value: "10000", min: "0", max: "9999" },
    });
  });

  it("checks minValue and maxValue", () => {
    const ranged = decimal({ minValue: 5, maxValue: 4_000_000_000 });
    expect(records(compileOne(ranged, { N: 4_000_000_000 }).entries)).toEqual([
      dword(KEY, "Count", 4_000_000_000),
    ]);
    expect(compileOne(ranged, { N: 4 }).diagnostics[0]).toMatchObject({
      code: "OPTION_OUT_OF_RANGE",
      params: { value: "4", min: "5", max: "4000000000" },
    });
  });

  it("rejects non-integers, and a missing required value; takes defaultValue when missing", () => {
    expect(codes(compileOne(decimal(), { N: 1.5 }))).toEqual(["error OPTION_NOT_INTEGER"]);
    expect(codes(compileOne(decimal(), { N: "5" }))).toEqual(["error OPTION_NOT_INTEGER"]);
    expect(codes(compileOne(decimal({ required: true }), {}))).toEqual(["error OPTION_REQUIRED"]);
    expect(compileOne(decimal(), {})).toEqual({ entries: [], diagnostics: [] });
    const withDefault = decimal({
      required: true,
      control: { type: "decimalTextBox", label: "L", defaultValue: 30 },
    });
    expect(records(compileOne(withDefault, {}).entries)).toEqual([dword(KEY, "Count", 30)]);
  });

  it("a whole number past every range (1e20, -1e20, 1e999) is out of range, with the range", () => {
    const ranged = decimal({ maxValue: 100 });
    for (const n of [1e20, -1e20, Infinity]) {
      expect(compileOne(ranged, { N: n }).diagnostics).toMatchObject([
        { code: "OPTION_OUT_OF_RANGE", params: { min: "0", max: "100" } },
      ]);
    }
    expect(compileOne(ranged, { N: 1e20 }).diagnostics[0]!.params.value).toBe("100000000000000000000");
    expect(codes(compileOne(decimal(), { N: 1e20 }))).toEqual(["error OPTION_OUT_OF_DEFAULT_RANGE"]);
  });

  it("writes **soft.<name> for a soft element", () => {
    expect(records(compileOne(decimal({ soft: true }), { N: 3 }).entries)).toEqual([
      dword(KEY, "**soft.Count", 3),
    ]);
  });
});

describe("longDecimal", () => {
  const long = (extra: object = {}): Element =>
    ({
      kind: "longDecimal",
      id: "Q",
      valueName: "Big",
      control: { type: "longDecimalTextBox", label: "L" },
      ...extra,
    }) as Element;
  const qword = (data: string) => ({ key: KEY, valueName: "Big", type: "REG_QWORD", size: 8, data });

  it("writes a REG_QWORD from a number or a string of digits, and REG_SZ with storeAsText", () => {
    const wide = long({ maxValue: "18446744073709551615" });
    expect(records(compileOne(wide, { Q: 5 }).entries)).toEqual([qword("5")]);
    expect(records(compileOne(wide, { Q: "18446744073709551615" }).entries)).toEqual([
      qword("18446744073709551615"),
    ]);
    expect(records(compileOne(long({ storeAsText: true }), { Q: 77 }).entries)).toEqual([
      sz(KEY, "Big", "77"),
    ]);
  });

  it("checks the range and the type", () => {
    expect(codes(compileOne(long(), { Q: "10000" }))).toEqual(["error OPTION_OUT_OF_DEFAULT_RANGE"]);
    expect(codes(compileOne(long(), { Q: "12a" }))).toEqual(["error OPTION_NOT_LONG_INTEGER"]);
    // Past 2^64 or below 0 no spelling helps: out of range. Between 2^53 and 2^64 the JSON number may
    // have lost digits already, so the message asks for a string of digits.
    const wide = long({ maxValue: "18446744073709551615" });
    expect(codes(compileOne(wide, { Q: 1e20 }))).toEqual(["error OPTION_OUT_OF_RANGE"]);
    expect(codes(compileOne(wide, { Q: -1e20 }))).toEqual(["error OPTION_OUT_OF_RANGE"]);
    expect(codes(compileOne(wide, { Q: 2 ** 60 }))).toEqual(["error OPTION_NOT_LONG_INTEGER"]);
    expect(records(compileOne(long()).entries)).toEqual([del(KEY, "Big")]);
  });
});

describe("text", () => {
  const text = (extra: object = {}): Element =>
    ({
      kind: "text",
      id: "T",
      valueName: "Name",
      control: { type: "textBox", label: "L" },
      ...extra,
    }) as Element;

  it("writes REG_SZ, REG_EXPAND_SZ when expandable, and **soft. when soft", () => {
    expect(records(compileOne(text(), { T: "abc" }).entries)).toEqual([sz(KEY, "Name", "abc")]);
    expect(records(compileOne(text({ expandable: true }), { T: "%ProgramFiles%" }).entries)).toEqual([
      { key: KEY, valueName: "Name", type: "REG_EXPAND_SZ", size: 30, data: "%ProgramFiles%" },
    ]);
    expect(records(compileOne(text({ soft: true }), { T: "x" }).entries)).toEqual([
      sz(KEY, "**soft.Name", "x"),
    ]);
  });

  it("writes to the element's own key when it overrides the policy's", () => {
    expect(records(compileOne(text({ key: OTHER }), { T: "x" }).entries)).toEqual([sz(OTHER, "Name", "x")]);
    expect(records(compileOne(text({ key: OTHER })).entries)).toEqual([del(OTHER, "Name")]);
  });

  it("writes an empty REG_SZ for an optional box left empty, the default when given, and requires required ones", () => {
    expect(records(compileOne(text(), {}).entries)).toEqual([sz(KEY, "Name", "")]);
    const withDefault = text({
      required: true,
      control: { type: "textBox", label: "L", defaultValue: "dflt" },
    });
    expect(records(compileOne(withDefault, {}).entries)).toEqual([sz(KEY, "Name", "dflt")]);
    expect(codes(compileOne(text({ required: true }), {}))).toEqual(["error OPTION_REQUIRED"]);
    expect(codes(compileOne(text({ required: true }), { T: "" }))).toEqual(["error OPTION_REQUIRED"]);
  });

  it("limits the length to maxLength, 1023 when absent", () => {
    expect(records(compileOne(text(), { T: "x".repeat(1023) }).entries)).toHaveLength(1);
    expect(compileOne(text(), { T: "x".repeat(1024) }).diagnostics[0]).toMatchObject({
      code: "OPTION_TOO_LONG",
      params: { length: 1024, max: 1023 },
    });
    expect(codes(compileOne(text({ maxLength: 3 }), { T: "abcd" }))).toEqual(["error OPTION_TOO_LONG"]);
  });

  it("rejects non-strings and NUL", () => {
    expect(codes(compileOne(text(), { T: 5 }))).toEqual(["error OPTION_NOT_STRING"]);
    expect(codes(compileOne(text(), { T: "a\0b" }))).toEqual(["error OPTION_NUL"]);
  });

  it("runs the element's format check", () => {
    const proxy = text({ format: "proxyUrl" });
    expect(records(compileOne(proxy, { T: "http://10.0.0.6:8080" }).entries)).toEqual([
      sz(KEY, "Name", "http://10.0.0.6:8080"),
    ]);
    const bad = compileOne(proxy, { T: "10.0.0.6:8080" });
    expect(bad.entries).toEqual([]);
    expect(bad.diagnostics).toEqual([
      {
        code: "FORMAT_PROXY_URL",
        severity: "error",
        params: { policy: "P", option: "T", value: '"10.0.0.6:8080"', example: "http://10.0.0.6:8080" },
        path: ["options", "T"],
        message: expect.stringMatching(/^policy P, option T: "10\.0\.0\.6:8080" is not a proxy address/),
      },
    ]);
  });
});

describe("multiText", () => {
  const multi = (extra: object = {}): Element =>
    ({
      kind: "multiText",
      id: "M",
      valueName: "Lines",
      control: { type: "multiTextBox", label: "L" },
      ...extra,
    }) as Element;

  it("writes a REG_MULTI_SZ: each string NUL-terminated, plus a final NUL", () => {
    const [entry] = compileOne(multi(), { M: ["ab", "c"] }).entries;
    expect(records([entry!])).toEqual([
      { key: KEY, valueName: "Lines", type: "REG_MULTI_SZ", size: 12, data: ["ab", "c"] },
    ]);
    expect(Buffer.from(entry!.data).toString("hex")).toBe("6100620000006300" + "00000000");
  });

  it("checks maxStrings, maxLength per string, empty strings and the type", () => {
    expect(codes(compileOne(multi({ maxStrings: 1 }), { M: ["a", "b"] }))).toEqual([
      "error OPTION_TOO_MANY_STRINGS",
    ]);
    expect(codes(compileOne(multi({ maxLength: 2 }), { M: ["abc"] }))).toEqual(["error OPTION_TOO_LONG"]);
    expect(codes(compileOne(multi(), { M: ["a", ""] }))).toEqual(["error OPTION_MULTITEXT_EMPTY"]);
    expect(codes(compileOne(multi(), { M: "a" }))).toEqual(["error OPTION_NOT_STRING_ARRAY"]);
    expect(codes(compileOne(multi({ required: true }), {}))).toEqual(["error OPTION_REQUIRED"]);
    expect(records(compileOne(multi()).entries)).toEqual([del(KEY, "Lines")]);
  });
});

describe("enum", () => {
  const choice: Element = {
    kind: "enum",
    id: "E",
    valueName: "Level",
    items: [
      { displayName: "Level_Low", value: value.decimal(1) },
      {
        displayName: "Level_High",
        value: value.string("high"),
        valueList: {
          items: [
            { valueName: "Extra", value: value.decimal(9) },
            { key: OTHER, valueName: "Far", value: value.delete() },
          ],
        },
      },
    ],
    control: { type: "dropdownList", label: "L" },
  };

  it("writes the item's value and then its valueList, chosen by string id or by the number it writes", () => {
    const expected = [del(OTHER, "Far"), sz(KEY, "Level", "high"), dword(KEY, "Extra", 9)];
    expect(records(compileOne(choice, { E: "Level_High" }).entries)).toEqual(expected);
    expect(records(compileOne(choice, { E: "Level_Low" }).entries)).toEqual([dword(KEY, "Level", 1)]);
    expect(records(compileOne(choice, { E: 1 }).entries)).toEqual([dword(KEY, "Level", 1)]);
  });

  it("rejects an unknown item, naming the valid ones with what they write", () => {
    const result = compileOne(choice, { E: "Level_Mid" });
    expect(result.entries).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({
      code: "OPTION_NOT_ENUM",
      params: { value: '"Level_Mid"', items: 'Level_Low (1), Level_High ("high")' },
    });
  });

  it("never reads a number as a position: 0 and 2 are numbers no item writes", () => {
    for (const n of [0, 2, 1.5, -1]) {
      const result = compileOne(choice, { E: n });
      expect(result.entries).toEqual([]);
      expect(result.diagnostics, String(n)).toMatchObject([
        {
          code: "OPTION_ENUM_NUMBER_UNKNOWN",
          params: { value: String(n), items: 'Level_Low (1), Level_High ("high")' },
        },
      ]);
    }
  });

  it("refuses a number several items write, naming them", () => {
    const twice = {
      ...choice,
      items: [
        { displayName: "A", value: value.decimal(7) },
        { displayName: "B", value: value.longDecimal(7) },
        { displayName: "C", value: value.decimal(8) },
      ],
    } as Element;
    expect(compileOne(twice, { E: 7 }).diagnostics).toMatchObject([
      { code: "OPTION_ENUM_NUMBER_AMBIGUOUS", params: { value: "7", items: "A (7), B (7)" } },
    ]);
    expect(records(compileOne(twice, { E: 8 }).entries)).toEqual([dword(KEY, "Level", 8)]);
    expect(records(compileOne(twice, { E: "B" }).entries).length).toBe(1);
  });

  it("takes defaultItem when missing, writes nothing without one, and **del. when Disabled", () => {
    const withDefault = {
      ...choice,
      control: { type: "dropdownList", label: "L", defaultItem: 0 },
    } as Element;
    expect(records(compileOne(withDefault, {}).entries)).toEqual([dword(KEY, "Level", 1)]);
    expect(compileOne(choice, {})).toEqual({ entries: [], diagnostics: [] });
    expect(codes(compileOne({ ...choice, required: true } as Element, {}))).toEqual([
      "error OPTION_REQUIRED",
    ]);
    expect(records(compileOne(choice).entries)).toEqual([del(KEY, "Level")]);
  });

  it("writes **soft.<name> for a soft enum", () => {
    expect(records(compileOne({ ...choice, soft: true } as Element, { E: "Level_Low" }).entries)).toEqual([
      dword(KEY, "**soft.Level", 1),
    ]);
  });
});
