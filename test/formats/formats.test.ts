import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import {
  checkEntriesFor,
  encodeEntries,
  ENTRY_FORMATS,
  formatEntries,
} from "../../src/formats/entry-formats.js";
import { decodePol, encodePol, type PolEntry } from "../../src/pol/index.js";
import { formatJsonLines, formatLgpoText } from "../../src/formats/index.js";

const dword = (key: string, valueName: string, n: number): PolEntry => ({
  key,
  valueName,
  type: 4,
  data: new Uint8Array([n, 0, 0, 0]),
});

const GOOD = [dword("Software\\Policies\\Contoso", "A", 1), dword("Software\\Policies\\Contoso", "B", 2)];

describe("one output-format dispatch for pol and dump", () => {
  it("writes each format as its own encoder does", () => {
    expect(encodeEntries("pol", GOOD, "machine")).toEqual(encodePol(GOOD));
    expect(decodePol(encodeEntries("pol", GOOD, "machine") as Uint8Array)).toMatchObject({ ok: true });
    expect(encodeEntries("json", GOOD, "machine")).toBe(formatJsonLines(GOOD));
    expect(formatEntries("lgpo", GOOD, "user")).toBe(formatLgpoText(GOOD, "user"));
    const reg = encodeEntries("reg", GOOD, "machine") as Uint8Array;
    expect([...reg.slice(0, 2)]).toEqual([0xff, 0xfe]);
    for (const format of ENTRY_FORMATS) expect(checkEntriesFor(format, GOOD, "machine"), format).toEqual([]);
  });

  it("refuses, naming the entry, what a .reg file cannot represent", () => {
    const forged = [GOOD[0]!, dword("Software\\X]\r\n[HKEY_LOCAL_MACHINE\\Run", "V", 1)];
    const problems = checkEntriesFor("reg", forged, "machine", { file: "R.pol" });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: "R.pol", params: { index: 2 } });
    expect(() => encodeEntries("reg", forged, "machine")).toThrow(AdmxkitError);
  });
});
