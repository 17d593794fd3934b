import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { decodePol, decodePolOrThrow, decodeValue, encodePol, encodeValue } from "../../src/pol/index.js";
import { checkLgpoEntries, formatLgpoText, parseLgpoText } from "../../src/formats/index.js";
import { POL_DECODE_ERROR_CODES, type PolDecodeErrorCode } from "../../src/pol/index.js";
import { entry, value } from "../helpers/pol-arbitraries.js";
import { FIXTURES, readFixture } from "../helpers/pol-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const RUNS = fuzzRuns(150);

describe("encode → decode round trip", () => {
  it("random entry lists survive byte for byte", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const bytes = encodePol(entries);
        const decoded = decodePolOrThrow(bytes);
        expect(decoded).toEqual(entries);
        expect(Buffer.from(encodePol(decoded)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("entries LGPO text can carry survive format → parse byte for byte", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 8 }),
        fc.constantFrom("machine", "user" as const),
        (entries, hive) => {
          const carried = entries.filter((e) => checkLgpoEntries([e], hive).length === 0);
          const parsed = parseLgpoText(formatLgpoText(carried, hive));
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed[hive === "machine" ? "user" : "machine"]).toEqual([]);
          expect(Buffer.from(encodePol(parsed[hive])).equals(Buffer.from(encodePol(carried)))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("typed values decode to themselves", () => {
    fc.assert(
      fc.property(value, (v) => {
        const { type, data } = encodeValue(v);
        const back = decodeValue(type, data);
        if (v.type !== "RAW") expect(back).toEqual(v);
        expect(encodeValue(back)).toEqual({ type, data });
      }),
      { numRuns: RUNS },
    );
  });

  it("any (type, bytes) re-encodes from its decoded value exactly", () => {
    const type = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 0xffffffff }));
    fc.assert(
      fc.property(type, fc.uint8Array({ maxLength: 24 }), (t, data) => {
        expect(encodeValue(decodeValue(t, data))).toEqual({ type: t, data });
      }),
      { numRuns: RUNS },
    );
  });
});

const CODES = new Set<PolDecodeErrorCode>(POL_DECODE_ERROR_CODES);

/** decodePol returns (never throws); an error is typed and inside the input; a success re-encodes to the input. */
function checkDecode(bytes: Uint8Array): void {
  const result = decodePol(bytes);
  if (!result.ok) {
    expect(CODES.has(result.error.code)).toBe(true);
    expect(result.error.params.offset).toBeGreaterThanOrEqual(0);
    expect(result.error.params.offset).toBeLessThanOrEqual(bytes.length);
    return;
  }
  try {
    expect(Buffer.from(encodePol(result.entries)).equals(Buffer.from(bytes))).toBe(true);
  } catch (caught) {
    // The reader accepts what the format allows; the writer also refuses what Windows would not take.
    if (!(caught instanceof AdmxkitError)) throw caught;
  }
}

type Mutation =
  | { readonly kind: "flip"; readonly at: number; readonly byte: number }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "insert"; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: "remove"; readonly at: number; readonly length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.at % bytes.length;
  switch (m.kind) {
    case "flip": {
      const copy = bytes.slice();
      copy[at] = m.byte;
      return copy;
    }
    case "truncate":
      return bytes.slice(0, at);
    case "insert":
      return new Uint8Array([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    case "remove":
      return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
  }
}

describe("decodePol on hostile input", () => {
  it("random bytes, with or without a valid header", () => {
    const header = Uint8Array.of(0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0);
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 120 }), (withHeader, tail) => {
        checkDecode(withHeader ? new Uint8Array([...header, ...tail]) : tail);
      }),
      { numRuns: RUNS },
    );
  });

  it("mutated fixture files (flip, truncate, insert, remove)", () => {
    const fixtures = FIXTURES.map(readFixture);
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (file, edits) => {
          checkDecode(edits.reduce(mutate, file));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("mutated encodings of random entries", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 5 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (entries, edits) => {
          checkDecode(edits.reduce(mutate, encodePol(entries)));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
