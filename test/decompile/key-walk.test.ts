/**
 * What the decoder's walks over key spellings cost per entry. A Registry.pol of millions of entries
 * names a few hundred keys; the key-spelling check (key-spelling.ts) and the policy order
 * (policy-order.ts) split each distinct key into its components once, not once per entry: each split
 * makes an array and a string per component, and with the arrays of a key per entry that went with
 * them it cost `values --from` about 150 MB at the 64 MiB bound (bench/README.md, goal 5).
 */
import { describe, expect, it, vi } from "vitest";
import { compileValues } from "../../src/compile/index.js";
import { decodeValues } from "../../src/decompile/index.js";
import { dwordEntry, szEntry, type PolEntry } from "../../src/pol/index.js";
import { KEY, onePolicy, records } from "../helpers/compile-kit.js";

/** How many keys were split into components since the last reset. */
const splits = vi.hoisted(() => ({ count: 0 }));

vi.mock("../../src/pol/registry-case.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/pol/registry-case.js")>();
  return {
    ...actual,
    componentPaths: (key: string) => {
      splits.count++;
      return actual.componentPaths(key);
    },
  };
});

const policy = onePolicy({ name: "Switch", valueName: "On" });

/** `count` raw entries cycling over three keys (no two neighbours share one), as the bench file does. */
function rawEntries(count: number): PolEntry[] {
  const keys = ["Software\\Contoso\\A", "Software\\Contoso\\B", "Software\\Fabrikam"];
  return Array.from({ length: count }, (_, i) => szEntry(keys[i % 3]!, `V${i}`, "x"));
}

describe("the decoder splits each distinct key once, whatever the number of entries", () => {
  it("3,000 raw entries under 3 keys and one decoded policy: a handful of splits, the same values file", () => {
    const entries = [dwordEntry(KEY, "On", 1), ...rawEntries(3_000)];
    splits.count = 0;
    const result = decodeValues([policy], { machine: entries });
    // Before, every raw entry's key was split four times (12,004 here): the file's spellings for the
    // policy order and for the key-spelling check, the raw keys for each of them.
    expect(splits.count).toBeLessThan(40);
    expect(result.values.machine).toEqual({ Switch: { state: "enabled" } });
    expect(result.values.registry?.machine).toHaveLength(3_000);
    expect(result.values.keySpelling).toBeUndefined();
    const back = compileValues([policy], result.values, "machine").entries;
    // The compiler writes the entries grouped by key, so compare them as sets.
    const sorted = (list: PolEntry[]) =>
      records(list)
        .map((r) => JSON.stringify(r))
        .sort();
    expect(sorted(back)).toEqual(sorted(entries));
  });

  it("a file no template explains: the count of splits does not grow with the entries", () => {
    const counts = [300, 3_000].map((count) => {
      splits.count = 0;
      const result = decodeValues([policy], { machine: rawEntries(count) });
      expect(result.values.registry?.machine).toHaveLength(count);
      return splits.count;
    });
    expect(counts[1]).toBe(counts[0]);
  });
});
