/**
 * Property: for random Registry.pol files — entries `pol` writes, mixed with every shape the decoder
 * keeps as raw bytes (an odd-sized string, a string without its NUL or with a NUL inside, a DWORD or
 * QWORD of the wrong size) — `values --from` then `pol` gives the entries back, and every file admxkit
 * writes from them and reads again is accepted: the values file (within the values-file bound per
 * Registry.pol byte), the JSON lines of `dump --json` and the LGPO text of `dump --format lgpo`.
 * Entries Windows' tools never write are kept, reported by `values --from` (VALUES_FROM_UNWRITABLE)
 * and refused by `pol` one by one (VALUES_RAW_UNSTORABLE), never silently changed. And `dump`'s reader,
 * `decodePolStream`, agrees with `decodePol` on any bytes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileValues, createPolicyIndex } from "../../src/compile/index.js";
import { decodeValues } from "../../src/decompile/index.js";
import { findUnsafeNameChar } from "../../src/pol/registry-names.js";
import { checkPolEntries, decodePol, decodePolStream, type PolEntry } from "../../src/pol/index.js";
import {
  checkLgpoEntries,
  formatLgpoText,
  fromDumpRecord,
  jsonLinesChunks,
  parseLgpoText,
} from "../../src/formats/index.js";
import { toRegistryRecords } from "../../src/values/registry-section.js";
import { parseValuesText } from "../../src/values/parse-values.js";
import { valuesTextChunks, VALUES_PER_POL_BYTE } from "../../src/values/values-text.js";
import { entry, key, text } from "../helpers/pol-arbitraries.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const RUNS = fuzzRuns(100);
const NO_POLICIES = createPolicyIndex([]);

/** Registry.pol bytes of any entries, also those the encoder refuses. */
function polBytes(entries: readonly PolEntry[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from("PReg\x01\x00\x00\x00", "latin1")];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  for (const e of entries) {
    parts.push(Buffer.from(`[${e.key}\0;${e.valueName}\0;`, "utf16le"), u32(e.type));
    parts.push(Buffer.from(";", "utf16le"), u32(e.data.length), Buffer.from(";", "utf16le"));
    parts.push(Buffer.from(e.data), Buffer.from("]", "utf16le"));
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** An entry as plain data, to compare entries whose data are different kinds of byte array. */
const plain = (e: PolEntry) => [e.key, e.valueName, e.type, Buffer.from(e.data).toString("hex")];

const units = (s: string) => new Uint8Array(Buffer.from(s, "utf16le"));
const name = text(10, 1).filter((s) => findUnsafeNameChar(s) === undefined);
const safeKey = key.filter((k) => findUnsafeNameChar(k) === undefined);

/** The data shapes the decoder keeps as raw bytes: none of them is a value `pol` writes. */
const rawShape: fc.Arbitrary<{ type: number; data: Uint8Array }> = fc.oneof(
  // Odd-sized string data: UTF-16 cannot have it.
  fc
    .tuple(fc.constantFrom(1, 2, 7), fc.uint8Array({ minLength: 1, maxLength: 9 }))
    .map(([type, bytes]) => ({ type, data: bytes.length % 2 === 1 ? bytes : bytes.subarray(1) })),
  // A string without its NUL, or with a NUL inside.
  fc.tuple(fc.constantFrom(1, 2), text(6, 1)).map(([type, s]) => ({ type, data: units(s) })),
  fc
    .tuple(fc.constantFrom(1, 2), text(3), text(3))
    .map(([type, a, b]) => ({ type, data: units(`${a}\0${b}\0`) })),
  // A DWORD, big-endian DWORD or QWORD of the wrong size.
  fc
    .tuple(fc.constantFrom(4, 5, 11), fc.uint8Array({ maxLength: 9 }))
    .filter(([type, data]) => data.length !== (type === 11 ? 8 : 4))
    .map(([type, data]) => ({ type, data })),
);

const rawEntry: fc.Arbitrary<PolEntry> = fc
  .tuple(safeKey, name, rawShape)
  .map(([k, valueName, { type, data }]) => ({ key: k, valueName, type, data }));

/** Entries `pol` writes, in the order and spelling `pol` gives them (a values file's raw entries compiled). */
const writable: fc.Arbitrary<PolEntry[]> = fc
  .array(entry, { maxLength: 10 })
  .map((entries) => entries.filter((e) => !findUnsafeNameChar(e.key) && !findUnsafeNameChar(e.valueName)))
  .map(
    (entries) =>
      compileValues(NO_POLICIES, { registry: { machine: toRegistryRecords(entries) } }, "machine").entries,
  );

/** A file: the writable entries with raw-shaped ones put anywhere among them. */
const file = fc
  .tuple(writable, fc.array(fc.tuple(fc.nat(), rawEntry), { maxLength: 4 }))
  .map(([entries, raws]) => {
    const all = [...entries];
    for (const [at, raw] of raws) all.splice(at % (all.length + 1), 0, raw);
    return { all, written: entries };
  });

describe("values --from → pol, and every file admxkit writes from a Registry.pol, read back", () => {
  it("gives the entries back, and refuses only the raw shapes, one by one", () => {
    fc.assert(
      fc.property(file, ({ all, written }) => {
        const bytes = polBytes(all);
        const decoded = decodePol(bytes);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.entries.map(plain)).toEqual(all.map(plain));
        const stream = decodePolStream(bytes);
        expect(stream.ok && [...stream.entries].map(plain)).toEqual(all.map(plain));

        // values --from: every entry is kept (no template explains any), the raw shapes are reported.
        const result = decodeValues([], { machine: decoded.entries });
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const unwritable = result.diagnostics.filter((d) => d.code === "VALUES_FROM_UNWRITABLE");
        expect(unwritable).toHaveLength(checkPolEntries(all).length);

        // The values file: the same values as JSON.stringify, within the bound per Registry.pol byte.
        const valuesText = [...valuesTextChunks(result.values)].join("");
        expect(JSON.parse(valuesText)).toEqual(JSON.parse(JSON.stringify(result.values)));
        // As values --from makes it: records made from the raw entries as they are written.
        const lean = decodeValues([], { machine: decoded.entries }, { rawAsEntries: true });
        expect(lean.values.registry).toBeUndefined();
        expect([...valuesTextChunks(lean.values, lean.raw)].join("")).toBe(valuesText);
        const frame = `{\n  "machine": {},\n  "registry": {\n    "machine": [\n\n    ]\n  }\n}\n`.length;
        expect(Buffer.byteLength(valuesText)).toBeLessThanOrEqual(VALUES_PER_POL_BYTE * bytes.length + frame);

        // pol reads it back: the writable entries exactly; each raw shape refused on its own.
        const parsed = parseValuesText(valuesText);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const compiled = compileValues(NO_POLICIES, parsed.values, "machine");
        const refused = compiled.diagnostics.filter((d) => d.severity === "error");
        expect(refused.map((d) => d.code)).toEqual(unwritable.map(() => "VALUES_RAW_UNSTORABLE"));
        // Without refusals, the file's entries in pol's order: the writable ones as generated, each raw
        // shape pol writes (a string without its NUL, say) where pol's key order puts it.
        if (refused.length === 0) {
          const again = compileValues(
            NO_POLICIES,
            { registry: { machine: toRegistryRecords(all) } },
            "machine",
          );
          expect(compiled.entries.map(plain)).toEqual(again.entries.map(plain));
          if (all.length === written.length) expect(compiled.entries.map(plain)).toEqual(written.map(plain));
        }

        // dump --json: every line is a record that reads back as its entry.
        const lines = [...jsonLinesChunks(decoded.entries)].join("").split("\n").slice(0, -1);
        expect(lines).toHaveLength(all.length);
        lines.forEach((line, i) => {
          const back = fromDumpRecord(JSON.parse(line));
          expect(back.ok && plain(back.entry)).toEqual(plain(all[i]!));
        });

        // dump --format lgpo: the entries LGPO text can carry parse back as themselves.
        const carried = all.filter((e) => checkLgpoEntries([e], "machine").length === 0);
        const lgpo = parseLgpoText(formatLgpoText(carried, "machine"));
        expect(lgpo.ok && lgpo.machine.map(plain)).toEqual(carried.map(plain));
      }),
      { numRuns: RUNS },
    );
  });

  it("decodePolStream agrees with decodePol on any bytes: the same error, or the same entries at each walk", () => {
    const mutated = fc
      .tuple(file, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }))
      .map(([{ all }, flips]) => {
        const bytes = polBytes(all);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        return bytes;
      });
    fc.assert(
      fc.property(mutated, (bytes) => {
        const whole = decodePol(bytes);
        const stream = decodePolStream(bytes);
        expect(stream.ok).toBe(whole.ok);
        if (!whole.ok || !stream.ok) {
          expect(stream.ok || stream.error).toEqual(whole.ok || whole.error);
          return;
        }
        expect(stream.entries.length).toBe(whole.entries.length);
        expect([...stream.entries].map(plain)).toEqual(whole.entries.map(plain));
        expect([...stream.entries].map(plain)).toEqual(whole.entries.map(plain));
      }),
      { numRuns: RUNS },
    );
  });
});
