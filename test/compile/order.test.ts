import { describe, expect, it } from "vitest";
import { compilePolicy, compileValues, EntryCollector } from "../../src/compile/index.js";
import type { Element } from "../../src/model/types.js";
import { value } from "../../src/model/values.js";
import { decodePol, delEntry, delvalsEntry, dwordEntry, szEntry } from "../../src/pol/index.js";
import { readFixture } from "../helpers/pol-kit.js";
import { del, delvals, dword, KEY, onePolicy, records, sz, testBundle } from "../helpers/compile-kit.js";

const src = { policy: "A" };

describe("entry order (the editor's registry tree)", () => {
  it("puts keys in tree order: values of a key before its subkeys, siblings compared upper-cased", () => {
    const collector = new EntryCollector();
    for (const key of ["S\\b", "S\\a\\x", "S", "S\\DPNGRA", "S\\Disallowed", "S\\a"])
      collector.add(dwordEntry(key, "v", 1), src);
    expect(collector.entries().map((e) => e.key)).toEqual([
      "S",
      "S\\a",
      "S\\a\\x",
      "S\\b",
      "S\\Disallowed",
      "S\\DPNGRA",
    ]);
  });

  it("spells and orders alike however many keys a file writes (more than the compiler keeps taken apart)", () => {
    // 10,000 distinct keys, half of them of 40 components (about 2,600 characters of paths each, so
    // 13 million in all): past both bounds of the compiler's memo of keys (4,096 keys, 4 million
    // characters), which is emptied on the way; the collector's counts must not notice.
    const collector = new EntryCollector();
    const deep = Array.from({ length: 40 }, (_, i) => `c${i % 7}`).join("\\");
    for (let i = 0; i < 5000; i++) {
      collector.add(dwordEntry(`Software\\K${i}`, "v", i), src);
      collector.add(dwordEntry(`SOFTWARE\\${deep}\\D${i}`, "v", i), src);
    }
    collector.add(dwordEntry("software\\K0", "w", 1), src);
    const entries = collector.entries();
    expect(entries).toHaveLength(10_001);
    // "Software" and "SOFTWARE" are written 5,000 times each: on a tie the first written wins everywhere.
    expect(new Set(entries.map((e) => e.key.split("\\")[0]))).toEqual(new Set(["Software"]));
    expect(entries.slice(0, 2).map((e) => [e.key, e.valueName])).toEqual([
      [`Software\\${deep}\\D0`, "v"],
      [`Software\\${deep}\\D1`, "v"],
    ]);
    expect(entries.filter((e) => e.key === "Software\\K0").map((e) => e.valueName)).toEqual(["v", "w"]);
  });

  it("agrees with the key order of Microsoft's files in shared/reference", () => {
    for (const name of ["certificates-computer", "chrome-computer", "adobe-reader-computer"] as const) {
      const decoded = decodePol(readFixture(name));
      if (!decoded.ok) throw new Error(`fixture ${name} does not decode`);
      const collector = new EntryCollector();
      // Feed the entries in reverse: only the tree order can restore the file's key order.
      for (const entry of [...decoded.entries].reverse()) collector.add(entry, src);
      const keys = (list: readonly { key: string }[]) => [...new Set(list.map((e) => e.key))];
      expect(keys(collector.entries()), name).toEqual(keys(decoded.entries));
    }
  });

  it("keeps values in first-write order and puts **delvals. first in its key", () => {
    const collector = new EntryCollector();
    collector.add(szEntry("K", "b", "1"), src);
    collector.add(szEntry("K", "a", "2"), src);
    collector.add(delvalsEntry("K\\L"), src);
    collector.add(szEntry("K\\L", "1", "x"), src);
    expect(records(collector.entries())).toEqual([
      sz("K", "b", "1"),
      sz("K", "a", "2"),
      delvals("K\\L"),
      sz("K\\L", "1", "x"),
    ]);
  });

  it("writes the values of a policy in element order, with each element's own key in tree order", () => {
    const elements: Element[] = [
      { kind: "text", id: "Z", valueName: "Z", control: { type: "textBox", label: "L" } },
      { kind: "text", id: "A", valueName: "A", key: `${KEY}\\Sub`, control: { type: "textBox", label: "L" } },
      { kind: "decimal", id: "M", valueName: "M", control: { type: "decimalTextBox", label: "L" } },
    ];
    const policy = onePolicy({ name: "P", valueName: "On", elements });
    const result = compilePolicy(policy, { state: "enabled", options: { Z: "z", A: "a", M: 1 } });
    expect(records(result.entries)).toEqual([
      dword(KEY, "On", 1),
      sz(KEY, "Z", "z"),
      dword(KEY, "M", 1),
      sz(`${KEY}\\Sub`, "A", "a"),
    ]);
    expect(records(compilePolicy(policy, { state: "disabled" }).entries)).toEqual([
      del(KEY, "On"),
      del(KEY, "Z"),
      del(KEY, "M"),
      del(`${KEY}\\Sub`, "A"),
    ]);
  });
});

describe("de-duplication (last wins, case-insensitive)", () => {
  it("replaces an earlier write of the same value in place, whatever the case of key and name", () => {
    const collector = new EntryCollector();
    collector.add(dwordEntry("Software\\X", "First", 1), { policy: "A" });
    collector.add(dwordEntry("Software\\X", "Second", 2), { policy: "A" });
    collector.add(delEntry("SOFTWARE\\x", "FIRST"), { policy: "B", path: ["machine", "B"] });
    expect(records(collector.entries())).toEqual([
      del("Software\\X", "FIRST"),
      dword("Software\\X", "Second", 2),
    ]);
    expect(collector.diagnostics).toEqual([
      {
        code: "COMPILE_OVERRIDDEN",
        severity: "warning",
        params: { policy: "B", previous: "A", value: "Software\\X\\FIRST" },
        path: ["machine", "B"],
        message:
          "policy B writes Software\\X\\FIRST, which policy A also writes; the later one in the values file (B) wins",
      },
    ]);
  });

  it("drops values written before a **delvals. of their key, with a warning naming the policies", () => {
    const collector = new EntryCollector();
    collector.add(szEntry("K", "keep-not", "1"), { policy: "A" });
    collector.add(delvalsEntry("k"), { policy: "B" });
    collector.add(szEntry("K", "after", "2"), { policy: "B" });
    expect(records(collector.entries())).toEqual([delvals("K"), sz("K", "after", "2")]);
    expect(collector.diagnostics.map((d) => [d.code, d.params])).toEqual([
      ["COMPILE_KEY_CLEARED", { policy: "B", previous: "A", key: "K" }],
    ]);
  });

  it("lets the later policy of a values file win when two write one registry value", () => {
    const bundle = testBundle(
      { name: "On", valueName: "Shared", enabledValue: value.decimal(1) },
      { name: "Off", valueName: "shared", enabledValue: value.decimal(0) },
    );
    const result = compileValues(
      bundle.policies,
      { machine: { On: { state: "enabled" }, Off: { state: "enabled" } } },
      "machine",
    );
    expect(records(result.entries)).toEqual([dword(KEY, "shared", 0)]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["COMPILE_OVERRIDDEN"]);
    const reversed = compileValues(
      bundle.policies,
      { machine: { Off: { state: "enabled" }, On: { state: "enabled" } } },
      "machine",
    );
    expect(records(reversed.entries)).toEqual([dword(KEY, "Shared", 1)]);
  });
});
