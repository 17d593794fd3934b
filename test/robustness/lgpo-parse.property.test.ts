/**
 * LGPO.exe text (the other Registry.pol reader): `parseLgpoText` answers any text with entries or a
 * typed error carrying its line — never an exception — in time linear in the text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeLgpoBytes,
  formatLgpoText,
  parseLgpoText,
  type LgpoParseResult,
} from "../../src/formats/index.js";
import { entry } from "../helpers/pol-arbitraries.js";
import { costRatio } from "../helpers/growth.js";
import { expectNoThrow } from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const CODES = ["LGPO_BAD_SCOPE", "LGPO_INCOMPLETE_RECORD", "LGPO_BAD_ACTION", "LGPO_BAD_DATA"];

function parseChecked(text: string): LgpoParseResult {
  // Each check is made first and its `expect` only on a failure (hostile-kit.ts says why).
  const r = expectNoThrow(() => parseLgpoText(text));
  if (!r.ok) {
    const lines = text.split("\n").length + 1;
    const { code, line } = r.error;
    if (CODES.includes(code) && line !== undefined && line >= 1 && line <= lines) return r;
    expect(CODES).toContain(r.error.code);
    expect(r.error.line).toBeGreaterThanOrEqual(1);
    expect(r.error.line).toBeLessThanOrEqual(lines);
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
        parseChecked(expectNoThrow(() => decodeLgpoBytes(input)));
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("large inputs, with bounded work: 50,000 records, one 2.5 MB line, 250,000 blank lines", () => {
    const record = "Computer\nSoftware\\Policies\\X\nValue\nDWORD:1\n\n";
    // Not a time limit (a loaded machine misses it): the parse costs at most 500 plain passes over the
    // same text's characters, in the same process (test/helpers/growth.ts); a quadratic loop over
    // these inputs would cost tens of thousands (the full-size figures are `npm run bench -- --only=hostile`).
    const chars = (text: string) => {
      let sum = 0;
      for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
      return sum;
    };
    for (const [what, text] of [
      ["50,000 records", record.repeat(50_000)],
      ["a 2.5 MB line", `Computer\nK\nV\nSZ:${"x".repeat(2_500_000)}\n`],
      ["250,000 blank lines", "\n".repeat(250_000)],
    ] as const) {
      expect(parseChecked(text).ok).toBe(true);
      const ratio = costRatio(text, parseLgpoText, chars);
      if (process.env.ADMXKIT_GROWTH_LOG) console.log(`${what}: ${ratio.toFixed(2)}`);
      expect(ratio, `${what}: ${ratio.toFixed(1)} passes over its characters`).toBeLessThan(500);
    }
  });
});
