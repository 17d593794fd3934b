import { describe, expect, it } from "vitest";
import { AdmxkitError, formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { decodePol, decodePolOrThrow, dwordEntry, encodePol } from "../../src/pol/index.js";
import type { PolDecodeDiagnostic } from "../../src/pol/index.js";
import { hex, toHex } from "../helpers/pol-kit.js";

// One entry [K;N;4;4;01000000] — offsets: '[' 8, key 10, ';' 14, name 16, ';' 20, type 22, ';' 26,
// size 28, ';' 32, data 34, ']' 38, end 40.
const VALID = encodePol([dwordEntry("K", "N", 1)]);

function edit(change: (bytes: Uint8Array) => void, bytes = VALID): Uint8Array {
  const copy = bytes.slice();
  change(copy);
  return copy;
}

/** The decoding failure's code and params, where the tests below look for offset, entry and found. */
function errorOf(bytes: Uint8Array): PolDecodeDiagnostic["params"] & { code: string } {
  const result = decodePol(bytes);
  if (result.ok) throw new Error("expected a decode error");
  expect(result.error.severity).toBe("error");
  return { code: result.error.code, ...result.error.params };
}

describe("decodePol errors", () => {
  it("accepts the valid sample and a header-only file", () => {
    expect(VALID.length).toBe(40);
    expect(decodePol(VALID).ok).toBe(true);
    expect(decodePol(hex("50 52 65 67 01 00 00 00"))).toEqual({ ok: true, entries: [] });
  });

  it("POL_BAD_SIGNATURE at 0", () => {
    const error = errorOf(edit((b) => (b[3] = 0x47)));
    expect(error).toMatchObject({ code: "POL_BAD_SIGNATURE", offset: 0, found: "50 52 65 47" });
  });

  it("POL_BAD_VERSION at 4", () => {
    expect(errorOf(edit((b) => (b[4] = 2)))).toMatchObject({
      code: "POL_BAD_VERSION",
      offset: 4,
      found: "2",
    });
  });

  it("POL_BAD_DELIMITER where ';' or ']' is wrong", () => {
    expect(errorOf(edit((b) => (b[14] = 0x2c)))).toMatchObject({
      code: "POL_BAD_DELIMITER",
      offset: 14,
      expected: "';'",
      found: "U+002C ','",
      entry: 0,
    });
    expect(errorOf(edit((b) => (b[39] = 1)))).toMatchObject({
      code: "POL_BAD_DELIMITER",
      offset: 38,
      expected: "']'",
    });
    // The delimiter after the type field.
    expect(errorOf(edit((b) => (b[26] = 0x3a)))).toMatchObject({ code: "POL_BAD_DELIMITER", offset: 26 });
  });

  it("POL_TRUNCATED when the input ends inside an entry, POL_TRUNCATED_HEADER inside the header", () => {
    expect(errorOf(VALID.subarray(0, 39))).toMatchObject({ code: "POL_TRUNCATED", offset: 39, entry: 0 });
    expect(errorOf(VALID.subarray(0, 30))).toMatchObject({
      code: "POL_TRUNCATED",
      offset: 30,
      expected: { code: "POL_EXPECT_SIZE" },
    });
    const header = errorOf(VALID.subarray(0, 6));
    expect(header).toMatchObject({ code: "POL_TRUNCATED_HEADER", offset: 6 });
    expect(header).not.toHaveProperty("entry");
    expect(errorOf(new Uint8Array(0))).toMatchObject({ code: "POL_TRUNCATED_HEADER", offset: 0 });
  });

  it("POL_SIZE_PAST_END at the size field", () => {
    expect(errorOf(edit((b) => (b[28] = 100)))).toMatchObject({
      code: "POL_SIZE_PAST_END",
      offset: 28,
      found: "100",
    });
  });

  it("POL_TRAILING_BYTES after the last entry", () => {
    const padded = new Uint8Array([...VALID, 0, 0]);
    expect(errorOf(padded)).toMatchObject({ code: "POL_TRAILING_BYTES", offset: 40, entry: 1 });
    expect(errorOf(new Uint8Array([...VALID, 0x5b]))).toMatchObject({
      code: "POL_TRAILING_BYTES",
      offset: 40,
    });
  });

  it("an odd size on a string type is no error: the entry keeps its bytes", () => {
    const odd = hex(`50 52 65 67 01 00 00 00 5b 00 4b 00 00 00 3b 00 4e 00 00 00 3b 00
      01 00 00 00 3b 00 05 00 00 00 3b 00 61 00 62 00 00 5d 00`);
    const decoded = decodePol(odd);
    expect(decoded.ok && decoded.entries.map((e) => [e.type, toHex(e.data)])).toEqual([
      [1, "61 00 62 00 00"],
    ]);
  });

  it("POL_UNTERMINATED_STRING when a key or value name has no NUL", () => {
    expect(errorOf(hex("50 52 65 67 01 00 00 00 5b 00 4b 00 4c 00"))).toMatchObject({
      code: "POL_UNTERMINATED_STRING",
      offset: 10,
      expected: { code: "POL_EXPECT_KEY" },
    });
    expect(errorOf(VALID.subarray(0, 17))).toMatchObject({ code: "POL_UNTERMINATED_STRING", offset: 16 });
  });

  it("decodePolOrThrow throws an AdmxkitError carrying the error, with readable text", () => {
    const bad = edit((b) => (b[4] = 9));
    expect(() => decodePolOrThrow(bad)).toThrow(AdmxkitError);
    try {
      decodePolOrThrow(bad);
    } catch (caught) {
      const [error] = (caught as AdmxkitError).diagnostics;
      expect(error).toMatchObject({ code: "POL_BAD_VERSION", params: { offset: 4, found: "9" } });
      expect((caught as Error).message).toBe(formatDiagnostic(error!));
      expect(error!.message).toBe(
        "this Registry.pol version is not supported (only version 1 exists) at byte 4: expected 1, found 9",
      );
    }
  });

  it("words each place exactly as the code's message says: entry and found only where they are", () => {
    const messages = [
      VALID.subarray(0, 2),
      edit((b) => (b[14] = 0x2c)),
      VALID.subarray(0, 17),
      edit((b) => (b[0] = 0x51)),
    ].map((bytes) => {
      const result = decodePol(bytes);
      return result.ok ? "" : result.error.message;
    });
    expect(messages).toEqual([
      "the file ends inside an entry at byte 2: expected 'PReg'",
      "a character stands where a delimiter belongs at byte 14 in entry 0: expected ';', found U+002C ','",
      "a key or value name has no NUL at its end at byte 16 in entry 0: expected a NUL-terminated value name",
      "not a Registry.pol file (it does not start with the PReg signature) at byte 0: expected 50 52 65 67 ('PReg'), found 51 52 65 67",
    ]);
  });
});
