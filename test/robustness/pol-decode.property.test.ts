/**
 * Registry.pol bytes from anywhere: `decodePol` must return entries or a typed error — never throw,
 * never hang, never allocate more than the input calls for. (test/pol has the codec's own property
 * tests; these add field-aware mutations, large pathological files and a memory-capped process.)
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { decodePol, delvalsEntry, dwordEntry, encodePol, szEntry } from "../../src/pol/index.js";
import { POL_DECODE_ERROR_CODES, type PolDecodeErrorCode, type PolEntry } from "../../src/pol/index.js";
import { entry } from "../helpers/pol-arbitraries.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { distUrl, runBounded } from "../helpers/bounded-child.js";
import { costRatio } from "../helpers/growth.js";
import { expectNoThrow } from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const RUNS = fuzzRuns(200);

const CODES: readonly PolDecodeErrorCode[] = POL_DECODE_ERROR_CODES;

const HEADER = Uint8Array.of(0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0);

/** Decodes and checks the outcome is one of the two typed shapes; returns it. */
function decodeChecked(bytes: Uint8Array) {
  // Each check is made first and its `expect` only on a failure (hostile-kit.ts says why).
  const r = expectNoThrow(() => decodePol(bytes));
  if (r.ok) {
    for (const e of r.entries) {
      const typed =
        typeof e.key === "string" &&
        typeof e.valueName === "string" &&
        Number.isInteger(e.type) &&
        e.type >= 0 &&
        e.type <= 0xffffffff &&
        e.data.length <= bytes.length;
      if (typed) continue;
      expect(typeof e.key).toBe("string");
      expect(typeof e.valueName).toBe("string");
      expect(Number.isInteger(e.type) && e.type >= 0 && e.type <= 0xffffffff).toBe(true);
      expect(e.data.length).toBeLessThanOrEqual(bytes.length);
    }
    let encoded: Uint8Array | undefined;
    try {
      encoded = encodePol(r.entries);
    } catch (caught) {
      // The reader takes what the format allows; the writer also refuses what Windows would not take.
      if (!(caught instanceof AdmxkitError)) throw caught;
    }
    if (encoded !== undefined && Buffer.compare(encoded, bytes) !== 0)
      expect(Buffer.from(encoded).equals(Buffer.from(bytes))).toBe(true);
  } else {
    const { code, params, message } = r.error;
    const typed =
      CODES.includes(code) &&
      params.offset >= 0 &&
      params.offset <= bytes.length &&
      message.includes(`at byte ${params.offset}`);
    if (!typed) {
      expect(CODES).toContain(code);
      expect(params.offset).toBeGreaterThanOrEqual(0);
      expect(params.offset).toBeLessThanOrEqual(bytes.length);
      expect(message).toContain(`at byte ${params.offset}`);
    }
  }
  return r;
}

/** Byte offsets of each entry's fields in an encoding, so mutations can target fields, not just bytes. */
function fieldOffsets(entries: readonly PolEntry[]): {
  type: number[];
  size: number[];
  delimiters: number[];
} {
  const out = { type: [] as number[], size: [] as number[], delimiters: [] as number[] };
  let p = 8;
  for (const e of entries) {
    out.delimiters.push(p);
    p += 2 + 2 * e.key.length + 2;
    out.delimiters.push(p);
    p += 2 + 2 * e.valueName.length + 2;
    out.delimiters.push(p);
    out.type.push(p + 2);
    p += 2 + 4;
    out.delimiters.push(p);
    out.size.push(p + 2);
    p += 2 + 4;
    out.delimiters.push(p);
    p += 2 + e.data.length;
    out.delimiters.push(p);
    p += 2;
  }
  return out;
}

const HOSTILE_U32 = [0, 1, 2, 3, 4, 7, 8, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

describe("decodePol: field-aware mutations", () => {
  it("hostile type and size numbers, broken delimiters, removed terminators", () => {
    const edit = fc.record({
      field: fc.constantFrom("type", "size", "delimiter", "terminator", "duplicate", "splice"),
      pick: fc.nat(),
      u32: fc.oneof(fc.constantFrom(...HOSTILE_U32), fc.nat()),
      byte: fc.integer({ min: 0, max: 255 }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (entries, edits) => {
          const offsets = fieldOffsets(entries);
          let bytes = Buffer.from(encodePol(entries));
          for (const e of edits) {
            const at = (list: number[]) => list[e.pick % list.length]!;
            if (e.field === "type" || e.field === "size") {
              const offset = at(e.field === "type" ? offsets.type : offsets.size);
              if (offset + 4 <= bytes.length) bytes.writeUInt32LE(e.u32 >>> 0, offset);
            } else if (e.field === "delimiter") {
              const offset = at(offsets.delimiters);
              if (offset < bytes.length) bytes[offset] = e.byte;
            } else if (e.field === "terminator") {
              // Overwrite the NUL before a `;` so the key or value name runs on into the next field.
              const offset = at(offsets.delimiters) - 2;
              if (offset > 8 && offset + 1 < bytes.length) bytes.writeUInt16LE(0x41, offset);
            } else if (e.field === "duplicate") {
              const from = e.pick % bytes.length;
              bytes = Buffer.concat([bytes, bytes.subarray(from, from + (e.u32 % 64))]);
            } else {
              const cut = 8 + (e.pick % Math.max(1, bytes.length - 8));
              bytes = Buffer.concat([bytes.subarray(0, cut), HEADER, bytes.subarray(cut)]);
            }
          }
          decodeChecked(new Uint8Array(bytes));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("random bytes after a valid header, up to 4 KiB", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (tail) => {
        decodeChecked(new Uint8Array([...HEADER, ...tail]));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});

/** Header + one entry start whose size field claims `size` bytes. */
function claimingSize(size: number): Uint8Array {
  const b = Buffer.from(encodePol([dwordEntry("K", "V", 1)]));
  b.writeUInt32LE(size, fieldOffsets([dwordEntry("K", "V", 1)]).size[0]!);
  return new Uint8Array(b);
}

describe("decodePol: large pathological files, with bounded work", () => {
  const MB = 1024 * 1024;
  // A wall-clock limit fails on a loaded machine; these compare CPU time in one process instead
  // (test/helpers/growth.ts). A 16 MiB file must cost at most 50 plain passes over its bytes: it
  // takes about 5 today, and a quadratic loop over 16 MiB would take millions.
  const sumBytes = (b: Uint8Array) => {
    let sum = 0;
    for (let i = 0; i < b.length; i++) sum += b[i]!;
    return sum;
  };
  const expectBoundedWork = (
    bytes: Uint8Array,
    what: string,
    baseline: (b: Uint8Array) => unknown = sumBytes,
  ) => {
    const ratio = costRatio(bytes, decodePol, baseline);
    if (process.env.ADMXKIT_GROWTH_LOG) console.log(`${what}: ${ratio.toFixed(2)}`);
    expect(ratio, `${what}: ${ratio.toFixed(1)} passes over the bytes`).toBeLessThan(50);
  };

  it("a 16 MiB key without its NUL", () => {
    const bytes = new Uint8Array(8 + 2 + 16 * MB);
    bytes.set(HEADER);
    bytes.set([0x5b, 0], 8);
    bytes.fill(0x41, 10);
    for (let i = 11; i < bytes.length; i += 2) bytes[i] = 0x00; // 'A' as UTF-16LE, never a NUL unit
    const result = decodeChecked(bytes);
    expect(result.ok ? undefined : result.error.code).toBe("POL_UNTERMINATED_STRING");
    expectBoundedWork(bytes, "an endless key");
  });

  it("16 MiB of zero bytes, of 0xFF bytes, of '[' units", () => {
    for (const [fill, code] of [
      [0x00, "POL_TRAILING_BYTES"],
      [0xff, "POL_TRAILING_BYTES"],
    ] as const) {
      const bytes = new Uint8Array(8 + 16 * MB).fill(fill);
      bytes.set(HEADER);
      const result = decodeChecked(bytes);
      expect(result.ok ? undefined : result.error.code).toBe(code);
      expectBoundedWork(bytes, `0x${fill.toString(16)} bytes`);
    }
    const brackets = new Uint8Array(8 + 16 * MB);
    brackets.set(HEADER);
    for (let i = 8; i < brackets.length; i += 2) brackets[i] = 0x5b;
    expect(decodeChecked(brackets).ok).toBe(false);
    expectBoundedWork(brackets, "'[' units");
  });

  it("sizes far past the end: 0xFFFFFFFF, 2^31, one byte too many", () => {
    const valid = encodePol([dwordEntry("K", "V", 1)]);
    // After the size field come 4 data bytes and "]": 6 bytes, so 7 is the smallest size past the end.
    for (const size of [0xffffffff, 0x80000000, 0x7fffffff, 7]) {
      const result = decodeChecked(claimingSize(size));
      expect(result.ok ? undefined : result.error.code, `size ${size}`).toBe("POL_SIZE_PAST_END");
    }
    expect(decodeChecked(valid).ok).toBe(true);
  });

  it("200,000 tiny entries decode, with bounded work", () => {
    const one = encodePol([delvalsEntry("K")]).subarray(8);
    const entries = (count: number) => {
      const bytes = new Uint8Array(8 + one.length * count);
      bytes.set(HEADER);
      for (let i = 0; i < count; i++) bytes.set(one, 8 + i * one.length);
      return bytes;
    };
    const bytes = entries(200_000);
    const result = decodePol(bytes);
    expect(result.ok && result.entries.length).toBe(200_000);
    // Bounded against a pass that makes one object per entry, so that the collector weighs on both
    // alike (a ratio between two sizes depends on which of its generations they land in).
    const objectPerEntry = (b: Uint8Array) => {
      const out: { at: number; key: string }[] = [];
      for (let at = 8; at < b.length; at += one.length)
        out.push({ at, key: String.fromCharCode(b[at + 2]!) });
      return out;
    };
    expectBoundedWork(bytes, "tiny entries", objectPerEntry);
  });

  it("16 MiB of seeded random bytes after a valid header", () => {
    const random = (size: number) => {
      const bytes = new Uint8Array(8 + size);
      let state = 12345;
      for (let i = 8; i < bytes.length; i++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        bytes[i] = state >>> 24;
      }
      bytes.set(HEADER);
      return bytes;
    };
    const bytes = random(16 * MB);
    expectBoundedWork(bytes, "random bytes");
    decodeChecked(bytes);
  });
});

describe("decodePol: memory stays proportional to the input", () => {
  it("hostile 16 MiB files decode in a process capped at a 64 MiB heap", async () => {
    const source = `
      import { decodePol, encodePol, szEntry } from ${JSON.stringify(distUrl("pol/index.js"))};
      const MB = 1024 * 1024;
      const header = [0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0];
      const codes = [];
      // 1. A key that never ends.
      const a = new Uint8Array(8 + 16 * MB).fill(0x41); a.set(header); a.set([0x5b, 0], 8);
      for (let i = 11; i < a.length; i += 2) a[i] = 0;
      codes.push(decodePol(a).error?.code);
      // 2. Every entry claims 0xFFFFFFFF bytes of data.
      const b = Buffer.from(encodePol([szEntry("K", "V", "x")])); b.writeUInt32LE(0xffffffff, b.length - 12);
      codes.push(decodePol(new Uint8Array(b)).error?.code);
      // 3. 16 MiB of valid 64 KiB entries: the entries are views into one copy, not 256 copies.
      const big = encodePol(Array.from({ length: 256 }, (_, i) => szEntry("K", "V" + i, "x".repeat(32766))));
      const r = decodePol(big);
      codes.push(r.ok ? "ok:" + r.entries.length : r.error.code);
      console.log(JSON.stringify(codes));
    `;
    // The deadline guards against a hang (the decodes take well under a second); memory is the measure.
    const result = await runBounded(source, { heapMb: 64, timeoutMs: 120_000 });
    expect(result.timedOut, "the decoder hung (killed after 120 s)").toBe(false);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(["POL_UNTERMINATED_STRING", "POL_SIZE_PAST_END", "ok:256"]);
    // node itself takes ~40 MB; three 16 MiB inputs plus one copy each stay far below this.
    expect(result.peakRss).toBeLessThan(400 * 1024 * 1024);
  });
});

describe("admxkit dump on hostile Registry.pol files", () => {
  const valid = encodePol([
    szEntry("Software\\Policies\\X", "V", "value"),
    dwordEntry("Software\\Policies\\X", "D", 1),
  ]);
  it.each([
    ["empty", new Uint8Array(0)],
    ["no signature", Uint8Array.from({ length: 64 }, (_, i) => (i * 89) & 255)],
    ["truncated in an entry", valid.subarray(0, valid.length - 9)],
    ["a size past the end", claimingSize(0xffffffff)],
    ["a key without its NUL", new Uint8Array([...HEADER, 0x5b, 0, 0x41, 0, 0x42, 0])],
  ])("%s → exit 1 with POL_FILE_INVALID naming the file", async (_, bytes) => {
    const dir = await tempDir();
    const file = join(dir, "Registry.pol");
    await writeFile(file, bytes);
    const result = await runCli(["dump", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${file}: error POL_FILE_INVALID:`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
