import { describe, expect, it } from "vitest";
import {
  classifyEntry,
  createKeyEntry,
  deleteKeysEntry,
  deleteValuesEntry,
  delEntry,
  delvalsEntry,
  dwordEntry,
  secureKeyEntry,
  softEntry,
  szEntry,
} from "../../src/pol/index.js";
import type { PolAction, PolEntry } from "../../src/pol/index.js";
import { toHex } from "../helpers/pol-kit.js";

const K = "Software\\Policies\\X";
const named = (valueName: string, entry: PolEntry = szEntry(K, "x", " ")): PolEntry => ({
  ...entry,
  valueName,
});

describe("action constructors write Microsoft's bytes", () => {
  it("**del.X and **delvals. are lowercase REG_SZ ' ' + NUL (size 4)", () => {
    expect(delEntry(K, "Name")).toMatchObject({ valueName: "**del.Name", type: 1 });
    expect(toHex(delEntry(K, "Name").data)).toBe("20 00 00 00");
    expect(delvalsEntry(K)).toMatchObject({ valueName: "**delvals.", type: 1 });
    expect(toHex(delvalsEntry(K).data)).toBe("20 00 00 00");
  });

  it("**DeleteValues / **DeleteKeys carry a ';'-joined REG_SZ", () => {
    expect(toHex(deleteValuesEntry(K, ["a", "b"]).data)).toBe("61 00 3b 00 62 00 00 00");
    expect(deleteKeysEntry(K, ["S"])).toMatchObject({ valueName: "**DeleteKeys", type: 1 });
  });

  it("**SecureKey is a DWORD; key-only is empty name, REG_NONE, no data", () => {
    expect(secureKeyEntry(K, true)).toMatchObject({ valueName: "**SecureKey", type: 4 });
    expect(toHex(secureKeyEntry(K, true).data)).toBe("01 00 00 00");
    expect(createKeyEntry(K)).toEqual({ key: K, valueName: "", type: 0, data: new Uint8Array(0) });
  });

  it("entries do not share data buffers", () => {
    const a = delEntry(K, "a");
    a.data[0] = 0x41;
    expect(toHex(delEntry(K, "b").data)).toBe("20 00 00 00");
  });
});

describe("classifyEntry", () => {
  it.each<[string, PolEntry, PolAction]>([
    ["plain value", dwordEntry(K, "Enabled", 1), { kind: "value" }],
    ["**del.", delEntry(K, "Foo"), { kind: "del", name: "Foo" }],
    ["**DEL. uppercase keeps the name's case", named("**DEL.FooBar"), { kind: "del", name: "FooBar" }],
    ["**delvals.", delvalsEntry(K), { kind: "delvals" }],
    ["**DelVals (documented spelling)", named("**DelVals"), { kind: "delvals" }],
    ["**DeleteValues", deleteValuesEntry(K, ["a", "b"]), { kind: "deleteValues", names: ["a", "b"] }],
    [
      "**deletekeys lowercase",
      named("**deletekeys", deleteKeysEntry(K, ["x", "y"])),
      { kind: "deleteKeys", keys: ["x", "y"] },
    ],
    [
      "**DeleteKeys with a trailing space",
      named("**DeleteKeys ", deleteKeysEntry(K, ["x"])),
      { kind: "deleteKeys", keys: ["x"] },
    ],
    ["**SecureKey 1", secureKeyEntry(K, true), { kind: "secureKey", on: true }],
    ["**securekey 0", named("**securekey", secureKeyEntry(K, false)), { kind: "secureKey", on: false }],
    ["**soft.", softEntry(K, "Bar", { type: "REG_DWORD", value: 2 }), { kind: "soft", name: "Bar" }],
    ["key-only", createKeyEntry(K), { kind: "createKey" }],
    ["empty name with data is the default value", szEntry(K, "", "x"), { kind: "value" }],
    [
      "empty name, REG_SZ, no data is a value",
      { key: K, valueName: "", type: 1, data: new Uint8Array(0) },
      { kind: "value" },
    ],
    ["unknown ** name", named("**Comment:hello"), { kind: "value" }],
    ["a single *", named("*x"), { kind: "value" }],
  ])("%s", (_, entry, action) => {
    expect(classifyEntry(entry)).toEqual(action);
  });
});
