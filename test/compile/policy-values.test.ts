import { describe, expect, it } from "vitest";
import { compilePolicy } from "../../src/compile/index.js";
import { value } from "../../src/model/values.js";
import { del, dword, KEY, onePolicy, records, sz } from "../helpers/compile-kit.js";

const OTHER = "Software\\Policies\\Admxkit\\Other";

describe("policy valueName, enabledValue and disabledValue", () => {
  it("writes REG_DWORD 1 when enabled and **del. when disabled if no values are given", () => {
    const policy = onePolicy({ name: "Plain", valueName: "Switch" });
    expect(records(compilePolicy(policy, { state: "enabled" }).entries)).toEqual([dword(KEY, "Switch", 1)]);
    expect(records(compilePolicy(policy, { state: "disabled" }).entries)).toEqual([del(KEY, "Switch")]);
  });

  it("writes nothing for Not Configured", () => {
    const policy = onePolicy({ name: "Plain", valueName: "Switch" });
    expect(compilePolicy(policy, { state: "notConfigured" })).toEqual({ entries: [], diagnostics: [] });
  });

  it("writes decimal, string, longDecimal and delete values with their registry types", () => {
    const decimal = onePolicy({
      name: "D",
      valueName: "V",
      enabledValue: value.decimal(7),
      disabledValue: value.string("off"),
    });
    expect(records(compilePolicy(decimal, { state: "enabled" }).entries)).toEqual([dword(KEY, "V", 7)]);
    expect(records(compilePolicy(decimal, { state: "disabled" }).entries)).toEqual([sz(KEY, "V", "off")]);

    const long = onePolicy({
      name: "L",
      valueName: "V",
      enabledValue: value.longDecimal("18446744073709551615"),
      disabledValue: value.delete(),
    });
    expect(records(compilePolicy(long, { state: "enabled" }).entries)).toEqual([
      { key: KEY, valueName: "V", type: "REG_QWORD", size: 8, data: "18446744073709551615" },
    ]);
    expect(records(compilePolicy(long, { state: "disabled" }).entries)).toEqual([del(KEY, "V")]);
  });

  it("stores **del. as Microsoft's tools do: REG_SZ with the data 20 00 00 00", () => {
    const policy = onePolicy({ name: "Plain", valueName: "Switch" });
    const [entry] = compilePolicy(policy, { state: "disabled" }).entries;
    expect(entry).toMatchObject({ key: KEY, valueName: "**del.Switch", type: 1 });
    expect([...entry!.data]).toEqual([0x20, 0, 0, 0]);
  });
});

describe("enabledList and disabledList", () => {
  const policy = onePolicy({
    name: "Lists",
    enabledList: {
      defaultKey: OTHER,
      items: [
        { valueName: "A", value: value.decimal(1) },
        { key: KEY, valueName: "B", value: value.string("on") },
      ],
    },
    disabledList: {
      items: [
        { valueName: "A", value: value.delete() },
        { valueName: "C", value: value.decimal(0) },
      ],
    },
  });

  it("writes each item at its own key, else the list's defaultKey, else the policy's key", () => {
    expect(records(compilePolicy(policy, { state: "enabled" }).entries)).toEqual([
      // Tree order: ...\Other before ...\Test.
      dword(OTHER, "A", 1),
      sz(KEY, "B", "on"),
    ]);
    expect(records(compilePolicy(policy, { state: "disabled" }).entries)).toEqual([
      del(KEY, "A"),
      dword(KEY, "C", 0),
    ]);
  });

  it("writes the policy's value first, then the list, in one key", () => {
    const both = onePolicy({
      name: "Both",
      valueName: "Main",
      enabledList: { items: [{ valueName: "Extra", value: value.decimal(2) }] },
    });
    expect(records(compilePolicy(both, { state: "enabled" }).entries)).toEqual([
      dword(KEY, "Main", 1),
      dword(KEY, "Extra", 2),
    ]);
    expect(records(compilePolicy(both, { state: "disabled" }).entries)).toEqual([del(KEY, "Main")]);
  });
});
