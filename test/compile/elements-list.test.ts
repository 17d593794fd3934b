import { describe, expect, it } from "vitest";
import { compilePolicy, type OptionValue } from "../../src/compile/index.js";
import type { Element } from "../../src/model/types.js";
import { delvals, KEY, onePolicy, records, sz } from "../helpers/compile-kit.js";

const LIST_KEY = "Software\\Policies\\Admxkit\\Test\\Allowed";

function compileList(extra: object, options?: Record<string, OptionValue>) {
  const element = {
    kind: "list",
    id: "L",
    key: LIST_KEY,
    control: { type: "listBox", label: "Lbl" },
    ...extra,
  } as Element;
  const policy = onePolicy({ name: "P", elements: [element] });
  return compilePolicy(policy, options ? { state: "enabled", options } : { state: "disabled" });
}

describe("list", () => {
  it("with valuePrefix: **delvals. first, then P1, P2, … numbered from 1", () => {
    expect(records(compileList({ valuePrefix: "Site" }, { L: ["a.example", "b.example"] }).entries)).toEqual([
      delvals(LIST_KEY),
      sz(LIST_KEY, "Site1", "a.example"),
      sz(LIST_KEY, "Site2", "b.example"),
    ]);
  });

  it('with valuePrefix="": names 1, 2, … (as in the Chrome GPO of shared/reference)', () => {
    expect(records(compileList({ valuePrefix: "" }, { L: ["x", "y"] }).entries)).toEqual([
      delvals(LIST_KEY),
      sz(LIST_KEY, "1", "x"),
      sz(LIST_KEY, "2", "y"),
    ]);
  });

  it("without valuePrefix: each entry is both the value name and its data", () => {
    expect(records(compileList({}, { L: ["alpha"] }).entries)).toEqual([
      delvals(LIST_KEY),
      sz(LIST_KEY, "alpha", "alpha"),
    ]);
  });

  it("with explicitValue: the user's names and data, in the object's order", () => {
    expect(
      records(compileList({ explicitValue: true }, { L: { First: "1st", Second: "2nd" } }).entries),
    ).toEqual([delvals(LIST_KEY), sz(LIST_KEY, "First", "1st"), sz(LIST_KEY, "Second", "2nd")]);
  });

  it("additive: no **delvals.; expandable: REG_EXPAND_SZ", () => {
    expect(records(compileList({ additive: true, valuePrefix: "" }, { L: ["x"] }).entries)).toEqual([
      sz(LIST_KEY, "1", "x"),
    ]);
    expect(records(compileList({ expandable: true, valuePrefix: "" }, { L: ["%TEMP%"] }).entries)).toEqual([
      delvals(LIST_KEY),
      { key: LIST_KEY, valueName: "1", type: "REG_EXPAND_SZ", size: 14, data: "%TEMP%" },
    ]);
  });

  it("an empty or missing list writes **delvals. alone (Chrome's CookiesSessionOnlyForUrls in shared/reference)", () => {
    expect(records(compileList({ valuePrefix: "" }, { L: [] }).entries)).toEqual([delvals(LIST_KEY)]);
    expect(records(compileList({ valuePrefix: "" }, {}).entries)).toEqual([delvals(LIST_KEY)]);
  });

  it("Disabled writes **delvals. alone, also for an additive list", () => {
    expect(records(compileList({ valuePrefix: "" }).entries)).toEqual([delvals(LIST_KEY)]);
    expect(records(compileList({ additive: true }).entries)).toEqual([delvals(LIST_KEY)]);
  });

  it("uses the policy's key when the list has none", () => {
    const element = {
      kind: "list",
      id: "L",
      valuePrefix: "",
      control: { type: "listBox", label: "Lbl" },
    } as Element;
    const policy = onePolicy({ name: "P", elements: [element] });
    expect(records(compilePolicy(policy, { state: "enabled", options: { L: ["v"] } }).entries)).toEqual([
      delvals(KEY),
      sz(KEY, "1", "v"),
    ]);
  });

  it("rejects duplicate names (case-insensitive), bad names, empty entries and wrong types", () => {
    const dup = compileList({ explicitValue: true }, { L: { Name: "a", NAME: "b" } });
    expect(dup.entries).toEqual([]);
    expect(dup.diagnostics[0]).toMatchObject({ code: "OPTION_LIST_DUPLICATE", params: { name: '"NAME"' } });
    const codes = (r: ReturnType<typeof compileList>) => r.diagnostics.map((d) => d.code);
    expect(codes(compileList({}, { L: ["same", "same"] }))).toEqual(["OPTION_LIST_DUPLICATE"]);
    expect(codes(compileList({ explicitValue: true }, { L: { "**del.x": "a" } }))).toEqual([
      "OPTION_LIST_BAD_NAME",
    ]);
    expect(codes(compileList({ explicitValue: true }, { L: { "": "a" } }))).toEqual(["OPTION_LIST_BAD_NAME"]);
    expect(codes(compileList({ valuePrefix: "" }, { L: ["a", ""] }))).toEqual(["OPTION_LIST_EMPTY"]);
    expect(codes(compileList({ valuePrefix: "" }, { L: { a: "b" } }))).toEqual(["OPTION_NOT_STRING_ARRAY"]);
    expect(codes(compileList({ explicitValue: true }, { L: ["a"] }))).toEqual(["OPTION_NOT_NAME_VALUE_MAP"]);
  });
});
