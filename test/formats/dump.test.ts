import { describe, expect, it } from "vitest";
import { formatJsonLines, formatPolTable, toDumpRecord } from "../../src/formats/index.js";
import type { PolEntry } from "../../src/pol/index.js";
import type { PolDumpRecord } from "../../src/formats/index.js";
import { hex } from "../helpers/pol-kit.js";
import { K, SAMPLE } from "../helpers/sample-entries.js";

describe("JSON-lines dump", () => {
  it.each<[string, PolEntry, Partial<PolDumpRecord>]>([
    ["DWORD as a number", SAMPLE[5]!, { type: "REG_DWORD", size: 4, data: 10 }],
    ["QWORD as a decimal string", SAMPLE[6]!, { type: "REG_QWORD", size: 8, data: "4294967296" }],
    ["REG_SZ without its NUL", SAMPLE[2]!, { type: "REG_SZ", size: 24, data: 'C:\\Path "q"' }],
    ["REG_EXPAND_SZ as text", SAMPLE[3]!, { type: "REG_EXPAND_SZ", data: "%SystemRoot%\\x" }],
    ["MULTI_SZ as a list", SAMPLE[4]!, { type: "REG_MULTI_SZ", size: 10, data: ["a", "b"] }],
    ["big-endian DWORD as a number", SAMPLE[15]!, { type: "REG_DWORD_BIG_ENDIAN", data: 1 }],
    ["key-only as empty hex", SAMPLE[0]!, { type: "REG_NONE", size: 0, data: "" }],
    [
      "binary as hex",
      { key: K, valueName: "B", type: 3, data: hex("00 ff 1a") },
      { type: "REG_BINARY", data: "00ff1a" },
    ],
    [
      "a malformed REG_SZ as hex",
      { key: K, valueName: "S", type: 1, data: hex("41 00") },
      { type: "REG_SZ", data: "4100" },
    ],
    [
      "a 3-byte DWORD as hex",
      { key: K, valueName: "D", type: 4, data: hex("01 02 03") },
      { type: "REG_DWORD", data: "010203" },
    ],
    [
      "an unknown type by number",
      { key: K, valueName: "U", type: 99, data: hex("07") },
      { type: 99, size: 1, data: "07" },
    ],
  ])("%s", (_, entry, expected) => {
    expect(toDumpRecord(entry)).toMatchObject(expected);
  });

  it("writes one JSON object per line, fields in a fixed order", () => {
    expect(formatJsonLines(SAMPLE.slice(4, 6))).toBe(
      '{"key":"Software\\\\Policies\\\\Test","valueName":"Multi","type":"REG_MULTI_SZ","size":10,"data":["a","b"]}\n' +
        '{"key":"Software\\\\Policies\\\\Test","valueName":"Dw","type":"REG_DWORD","size":4,"data":10}\n',
    );
  });
});

describe("table dump", () => {
  it("aligns columns and shows special names as actions", () => {
    const table = formatPolTable([SAMPLE[0]!, SAMPLE[1]!, SAMPLE[5]!, SAMPLE[2]!, SAMPLE[9]!]);
    expect(table).toBe(
      [
        "KEY                     VALUE NAME  TYPE       SIZE  DATA",
        "----------------------  ----------  ---------  ----  --------------------",
        "Software\\Policies\\Test              REG_NONE      0  (create key)",
        "Software\\Policies\\Test  **delvals.  REG_SZ        4  (delete all values)",
        "Software\\Policies\\Test  Dw          REG_DWORD     4  10",
        'Software\\Policies\\Test  Sz          REG_SZ       24  "C:\\\\Path \\"q\\""',
        'Software\\Policies\\Test  **del.Old   REG_SZ        4  (delete value "Old")',
        "",
      ].join("\n"),
    );
  });

  it("cuts long cells", () => {
    const table = formatPolTable([SAMPLE[7]!], { maxCellWidth: 10 });
    expect(table.split("\n")[2]).toBe("Software\\…  Bin         REG_BINARY    60  000102030…");
  });
});
