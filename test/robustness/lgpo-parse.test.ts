/**
 * LGPO.exe text (the other Registry.pol reader): `parseLgpoText` answers any text with entries or a
 * typed error carrying its line — never an exception — in time linear in the text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeLgpoBytes, formatLgpoText, parseLgpoText, type LgpoParseResult } from "../../src/pol/index.js";
import { entry } from "../pol/pol-arbitraries.js";
import { fuzzRuns, timed } from "./kit.js";

const CODES = ["LGPO_BAD_SCOPE", "LGPO_INCOMPLETE_RECORD", "LGPO_BAD_ACTION", "LGPO_BAD_DATA"];

function parseChecked(text: string): LgpoParseResult {
  let result: LgpoParseResult | undefined;
  expect(() => (result = parseLgpoText(text))).not.toThrow();
  const r = result!;
  if (!r.ok) {
    expect(CODES).toContain(r.error.code);
    expect(r.error.line).toBeGreaterThanOrEqual(1);
    expect(r.error.line).toBeLessThanOrEqual(text.split("\n").length + 1);
  }
  return r;
}

const TOKENS = [
  "\n",
  "\r\n",
  "Computer",
  "User",
  "DWORD:",
  "QWORD:",
  "SZ:",
  "MULTISZ:",
  "BINARY:",
  "DELETE",
  "DELETEKEYS:",
  "\\",
  "\\0",
  ";",
  "ff,",
  "99999999999999999999999",
  "\0",
  "\ud800",
];

describe("parseLgpoText on hostile text", () => {
  it("mutated LGPO text of random entries", () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 5 })),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(edit, { maxLength: 4 }), (entries, edits) => {
        let text: string;
        try {
          text = formatLgpoText(entries, "machine");
        } catch {
          text = "Computer\nSoftware\\X\nV\nDWORD:1\n";
        }
        for (const e of edits) {
          const at = text.length === 0 ? 0 : e.at % text.length;
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        parseChecked(text);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("random bytes through decodeLgpoBytes", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 400 }), (bom, bytes) => {
        const input = bom ? new Uint8Array([0xff, 0xfe, ...bytes]) : bytes;
        let text = "";
        expect(() => (text = decodeLgpoBytes(input))).not.toThrow();
        parseChecked(text);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("large inputs end in bounded time: 200,000 records, one 10 MB line, 1,000,000 blank lines", () => {
    const record = "Computer\nSoftware\\Policies\\X\nValue\nDWORD:1\n\n";
    for (const text of [
      record.repeat(200_000),
      `Computer\nK\nV\nSZ:${"x".repeat(10_000_000)}\n`,
      "\n".repeat(1_000_000),
    ]) {
      const { result, ms } = timed(() => parseChecked(text));
      expect(result.ok).toBe(true);
      expect(ms).toBeLessThan(10_000);
    }
  });
});
