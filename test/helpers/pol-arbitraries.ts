/** fast-check arbitraries of Registry.pol entries and values, shared by the property tests. */
import fc from "fast-check";
import { createKeyEntry, deleteKeysEntry, delEntry, delvalsEntry, valueEntry } from "../../src/pol/index.js";
import type { PolEntry, PolValue } from "../../src/pol/index.js";

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const anyUnit = fc.oneof(
  { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: loneSurrogate, weight: 1 },
);
/** Text without NUL, including non-BMP characters and lone surrogates. */
export const text = (maxLength: number, minLength = 0) =>
  fc.string({ unit: anyUnit, minLength, maxLength }).filter((s) => !s.includes("\0"));
export const component = text(12, 1).filter((s) => !s.includes("\\") && s.length <= 255);
export const key = fc.array(component, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("\\"));

export const value: fc.Arbitrary<PolValue> = fc.oneof(
  text(20).map((v) => ({ type: "REG_SZ", value: v }) as const),
  text(20).map((v) => ({ type: "REG_EXPAND_SZ", value: v }) as const),
  fc.array(text(8), { maxLength: 4 }).map((v) => ({ type: "REG_MULTI_SZ", value: v }) as const),
  fc.integer({ min: 0, max: 0xffffffff }).map((v) => ({ type: "REG_DWORD", value: v }) as const),
  fc.integer({ min: 0, max: 0xffffffff }).map((v) => ({ type: "REG_DWORD_BIG_ENDIAN", value: v }) as const),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((v) => ({ type: "REG_QWORD", value: v }) as const),
  fc.uint8Array({ maxLength: 40 }).map((v) => ({ type: "REG_BINARY", value: v }) as const),
  fc.uint8Array({ maxLength: 4 }).map((v) => ({ type: "REG_NONE", value: v }) as const),
  fc
    .tuple(fc.integer({ min: 12, max: 0xffffffff }), fc.uint8Array({ maxLength: 9 }))
    .map(([regType, v]) => ({ type: "RAW", regType, value: v }) as const),
);

export const entry: fc.Arbitrary<PolEntry> = fc.oneof(
  { arbitrary: fc.tuple(key, text(16), value).map(([k, n, v]) => valueEntry(k, n, v)), weight: 6 },
  { arbitrary: fc.tuple(key, text(8)).map(([k, n]) => delEntry(k, n)), weight: 1 },
  { arbitrary: key.map(delvalsEntry), weight: 1 },
  { arbitrary: key.map(createKeyEntry), weight: 1 },
  {
    arbitrary: fc.tuple(key, fc.array(component, { maxLength: 3 })).map(([k, s]) => deleteKeysEntry(k, s)),
    weight: 1,
  },
);
