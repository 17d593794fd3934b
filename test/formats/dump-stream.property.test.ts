import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dwordEntry, szEntry, type PolEntry } from "../../src/pol/index.js";
import {
  checkLgpoEntries,
  dumpFileChunks,
  dumpTextChunks,
  encodeLgpoText,
  formatJsonLines,
  formatLgpoText,
  formatPolTable,
  jsonLinesChunks,
  toDumpRecord,
} from "../../src/formats/index.js";
import { entry } from "../helpers/pol-arbitraries.js";
import { toHex } from "../helpers/pol-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const RUNS = fuzzRuns(150);

/** Enough entries for several chunks (a chunk is about 64 K characters). */
function manyEntries(count: number, last?: PolEntry): PolEntry[] {
  const entries = Array.from({ length: count }, (_, i) =>
    i % 3 === 0
      ? szEntry(`Software\\Policies\\K${i >> 4}`, `Name${i}`, `text ${i}`)
      : dwordEntry("Software\\Policies\\D", `V${i}`, i),
  );
  return last ? [...entries, last] : entries;
}

function concatBytes(chunks: Iterable<string | Uint8Array>): string {
  const parts = [...chunks].map((c) => (typeof c === "string" ? Buffer.from(c, "utf8") : c));
  return toHex(Buffer.concat(parts));
}

describe("JSON lines in chunks", () => {
  it("is JSON.stringify of toDumpRecord per entry, one line each", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const expected = entries.map((e) => JSON.stringify(toDumpRecord(e)) + "\n").join("");
        expect([...jsonLinesChunks(entries)].join("")).toBe(expected);
        expect(formatJsonLines(entries)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("cuts a large dump into several chunks, each ending at a line end", () => {
    const entries = manyEntries(5000);
    const chunks = [...jsonLinesChunks(entries)];
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.endsWith("\n")).toBe(true);
    const lines = chunks.join("").split("\n");
    expect(lines.length).toBe(entries.length + 1);
    expect(JSON.parse(lines[4999]!)).toEqual(toDumpRecord(entries[4999]!));
  });

  it("gives nothing for no entries", () => {
    expect([...jsonLinesChunks([])]).toEqual([]);
  });
});

describe("table in chunks", () => {
  it("measures the widths over every row, the first and the last alike", () => {
    const entries = manyEntries(
      3000,
      szEntry("Software\\Policies\\Last", "A-much-longer-value-name-at-the-end", "x"),
    );
    const text = [...dumpTextChunks(entries, "table", "machine")].join("");
    expect(text).toBe(formatPolTable(entries));
    const lines = text.split("\n");
    const nameColumn = lines[0]!.indexOf("VALUE NAME");
    // Every row's TYPE column starts at the same place, after the longest (last) value name.
    const typeColumn = lines[0]!.indexOf("TYPE");
    expect(typeColumn).toBe(nameColumn + "A-much-longer-value-name-at-the-end".length + 2);
    expect(lines[2]!.slice(typeColumn, typeColumn + 6)).toBe("REG_SZ");
    expect(lines.at(-2)!.slice(typeColumn, typeColumn + 6)).toBe("REG_SZ");
  });

  it("cuts the header like any cell when the width is below it", () => {
    const text = formatPolTable([dwordEntry("K", "V", 1)], { maxCellWidth: 4 });
    expect(text.split("\n")[0]).toBe("KEY  VAL…  TYPE  SIZE  DATA");
    expect(text.split("\n")[2]).toBe("K    V     REG…     4  1");
  });
});

describe("LGPO text in chunks", () => {
  it("saves as encodeLgpoText of the whole text: ASCII as single bytes", () => {
    const entries = manyEntries(4000);
    const expected = toHex(encodeLgpoText(formatLgpoText(entries, "user")));
    expect(concatBytes(dumpFileChunks(entries, "lgpo", "user"))).toBe(expected);
    expect(expected.startsWith("ff fe")).toBe(false);
  });

  it("saves as UTF-16LE with a BOM when only the last record is not ASCII", () => {
    const entries = manyEntries(4000, szEntry("Software\\Policies\\Last", "名前", "値 🙂"));
    const file = [...dumpFileChunks(entries, "lgpo", "machine")];
    expect(file.length).toBeGreaterThan(3);
    expect(concatBytes(file)).toBe(toHex(encodeLgpoText(formatLgpoText(entries, "machine"))));
    expect(toHex(file[0] as Uint8Array)).toBe("ff fe");
  });

  it("matches the whole-text encoding for any expressible entries", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (all) => {
        const entries = all.filter((e) => checkLgpoEntries([e], "machine").length === 0);
        const expected = toHex(encodeLgpoText(formatLgpoText(entries, "machine")));
        expect(concatBytes(dumpFileChunks(entries, "lgpo", "machine"))).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("JSON and table files are the text as UTF-8", () => {
    const entries = [szEntry("K", "名前", "値")];
    const json = concatBytes(dumpFileChunks(entries, "json", "machine"));
    expect(json).toBe(toHex(new TextEncoder().encode(formatJsonLines(entries))));
  });
});
