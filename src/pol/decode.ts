/**
 * Registry.pol reader. Malformed input gives a diagnostic (never an exception; its codes and params are
 * listed with `POL_DECODE_ERROR_CODES`); every
 * loop advances through the input, so decoding ends in time linear in its length.
 *
 * The reader accepts what the format allows structurally (any type number, any data size that fits the
 * file) and rejects: a bad header, a wrong delimiter, a key or value name without its NUL, a size past
 * the end and bytes after the last entry. Data that does not fit its type — an odd size for a string
 * type, which UTF-16 cannot have, among them — is kept as it is (the value decodes to `RAW`): one such
 * entry must not make a whole GPO unreadable, and Samba's reader takes it too. Entries keep their data
 * bytes exactly, so a decoded file re-encodes to the same bytes.
 */
import type { Buffer } from "node:buffer";
import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";
import { messageRef, type MessageRef } from "../i18n/messages.js";
import type { PolDecodeDiagnostic, PolDecodeErrorCode } from "./errors.js";
import type { PolEntry } from "./types.js";
import { asBuffer, readUtf16le } from "./utf16le.js";

/** The outcome of {@link decodePol}. */
export type PolDecodeResult =
  | { readonly ok: true; readonly entries: PolEntry[] }
  | { readonly ok: false; readonly error: PolDecodeDiagnostic };

/** Thrown inside the reader to unwind straight to `decodePol`, which turns it into a result; never escapes. */
class Stop {
  constructor(readonly error: PolDecodeDiagnostic) {}
}

function showUnit(bytes: Uint8Array, at: number): string {
  if (at + 1 >= bytes.length) return `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")}`;
  const unit = bytes[at]! | (bytes[at + 1]! << 8);
  const char = unit >= 0x20 && unit < 0x7f ? ` '${String.fromCharCode(unit)}'` : "";
  return `U+${unit.toString(16).toUpperCase().padStart(4, "0")}${char}`;
}

/**
 * What the decoder expected: literal bytes or delimiters as text (`'['`, `50 52 65 67 ('PReg')`), which
 * read the same in every language, or a phrase as a message, worded when the error is shown.
 */
type Expected = string | MessageRef;

const EXPECT_KEY = messageRef("POL_EXPECT_KEY");
const EXPECT_VALUE_NAME = messageRef("POL_EXPECT_VALUE_NAME");
const EXPECT_TYPE = messageRef("POL_EXPECT_TYPE");
const EXPECT_SIZE = messageRef("POL_EXPECT_SIZE");
const EXPECT_VERSION = messageRef("POL_EXPECT_VERSION");
const EXPECT_BRACKET_OR_END = messageRef("POL_EXPECT_BRACKET_OR_END");

/** Where decoding stopped, besides the byte offset: the entry being read (none in the header), what was found. */
interface Place {
  readonly entry?: number;
  readonly found?: string;
}

/** The finding of a decoding failure; each code's message words exactly the parts of `place` it has. */
function failure(code: PolDecodeErrorCode, offset: number, expected: Expected, place: Place = {}): Stop {
  const { entry, found } = place;
  const params = {
    offset,
    expected,
    ...(entry === undefined ? {} : { entry }),
    ...(found === undefined ? {} : { found }),
  };
  return new Stop({ ...diag(code, params), code, params });
}

/**
 * How many distinct keys the decoder shares. Real GPOs have hundreds; past this many, a file is made of
 * keys that are each used about once and sharing them would only add a table.
 */
const MAX_SHARED_KEYS = 1 << 16;

/** Decoder state: the input and the index of the entry being read, for error reports. */
class Reader {
  entry = 0;
  /** Where the next entry starts; 0 until the header is read. */
  next = 0;
  lastKeyStart = -1;
  lastKeyEnd = -1;
  lastKey = "";
  readonly buffer: Buffer;
  /**
   * What entry data are views into (one allocation instead of one per entry): a private copy of the
   * input, or the input itself when the caller hands it over (`adopt`).
   */
  readonly copy: Uint8Array;
  /** The data of every entry of size 0 (key-only entries, empty binaries): one view, not one each. */
  readonly empty: Uint8Array;
  /** Keys read so far, so that an entry whose key was seen before shares its string (see `key`). */
  private readonly keys = new Map<string, string>();
  constructor(
    readonly bytes: Uint8Array,
    adopt = false,
  ) {
    this.buffer = asBuffer(bytes);
    this.copy = adopt ? bytes : bytes.slice();
    this.empty = this.copy.subarray(0, 0);
  }

  fail(code: PolDecodeErrorCode, offset: number, expected: Expected, found?: string): never {
    throw failure(
      code,
      offset,
      expected,
      found === undefined ? { entry: this.entry } : { entry: this.entry, found },
    );
  }

  delimiter(at: number, char: number): number {
    const b = this.bytes;
    if (at + 1 >= b.length) this.fail("POL_TRUNCATED", b.length, `'${String.fromCharCode(char)}'`);
    if (b[at] !== char || b[at + 1] !== 0) {
      this.fail("POL_BAD_DELIMITER", at, `'${String.fromCharCode(char)}'`, showUnit(b, at));
    }
    return at + 2;
  }

  u32(at: number, what: Expected): number {
    const b = this.bytes;
    if (at + 4 > b.length) this.fail("POL_TRUNCATED", b.length, what);
    return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
  }

  /** Finds the NUL ending the UTF-16LE string at `start`; returns its offset. */
  terminator(start: number, what: Expected): number {
    const b = this.bytes;
    const last = b.length - 1;
    let i = start;
    while (i < last && (b[i] !== 0 || b[i + 1] !== 0)) i += 2;
    if (i >= last) this.fail("POL_UNTERMINATED_STRING", start, what);
    return i;
  }

  /**
   * The key at `[start, end)`. Consecutive entries usually share one, so the last string is reused when
   * the bytes match; any other key seen before is looked up, so a file of millions of entries under a
   * few keys holds each key once, not once per entry (up to {@link MAX_SHARED_KEYS} distinct keys).
   */
  key(start: number, end: number): string {
    const b = this.bytes;
    const length = end - start;
    if (length === this.lastKeyEnd - this.lastKeyStart) {
      const offset = this.lastKeyStart - start;
      let i = start;
      while (i < end && b[i] === b[i + offset]) i++;
      if (i === end) return this.lastKey;
    }
    const read = readUtf16le(this.buffer, start, end);
    let shared = this.keys.get(read);
    if (shared === undefined) {
      shared = read;
      if (this.keys.size < MAX_SHARED_KEYS) this.keys.set(read, read);
    }
    this.lastKey = shared;
    this.lastKeyStart = start;
    this.lastKeyEnd = end;
    return this.lastKey;
  }
}

/** Reads the entry at `start`; returns it, and leaves where the next entry starts in `r.next`. */
function readEntry(r: Reader, start: number): PolEntry {
  const b = r.bytes;
  let p = r.delimiter(start, 0x5b);
  const keyEnd = r.terminator(p, EXPECT_KEY);
  const key = r.key(p, keyEnd);
  p = r.delimiter(keyEnd + 2, 0x3b);
  const nameEnd = r.terminator(p, EXPECT_VALUE_NAME);
  const valueName = nameEnd === p ? "" : readUtf16le(r.buffer, p, nameEnd);
  p = r.delimiter(nameEnd + 2, 0x3b);
  const type = r.u32(p, EXPECT_TYPE);
  p = r.delimiter(p + 4, 0x3b);
  const sizeAt = p;
  const size = r.u32(p, EXPECT_SIZE);
  p = r.delimiter(p + 4, 0x3b);
  if (size > b.length - p)
    r.fail(
      "POL_SIZE_PAST_END",
      sizeAt,
      messageRef("POL_EXPECT_AT_MOST", { limit: b.length - p }),
      String(size),
    );
  const data = size === 0 ? r.empty : r.copy.subarray(p, p + size);
  r.next = r.delimiter(p + size, 0x5d);
  return { key, valueName, type, data };
}

/** The four bytes a Registry.pol starts with: `PReg`. */
const POL_SIGNATURE = [0x50, 0x52, 0x65, 0x67] as const;

/**
 * Whether `bytes` start with the Registry.pol signature `PReg`: what tells a Registry.pol from a values
 * file wherever either may come (`admxkit diff`'s sides, the editor's import).
 */
export function hasPolSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && POL_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

function readHeader(r: Reader): void {
  const b = r.bytes;
  for (let i = 0; i < 4; i++) {
    if (i >= b.length) throw failure("POL_TRUNCATED_HEADER", b.length, "'PReg'");
    if (b[i] !== POL_SIGNATURE[i]) {
      const found = Array.from(b.subarray(0, 4), (x) => x.toString(16).padStart(2, "0")).join(" ");
      throw failure("POL_BAD_SIGNATURE", 0, "50 52 65 67 ('PReg')", { found });
    }
  }
  if (b.length < 8) throw failure("POL_TRUNCATED_HEADER", b.length, EXPECT_VERSION);
  const version = (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0;
  if (version !== 1) throw failure("POL_BAD_VERSION", 4, "1", { found: String(version) });
}

/**
 * The entry after the one read last (the first: the header is read first), or undefined after the
 * last; throws {@link Stop} at the first problem. The one reading loop of {@link decodePol} and of
 * {@link decodePolStream}'s check and walks.
 */
function nextEntry(r: Reader): PolEntry | undefined {
  const bytes = r.bytes;
  if (r.next === 0) {
    readHeader(r);
    r.next = 8;
  } else r.entry++;
  const p = r.next;
  if (p >= bytes.length) return undefined;
  if (bytes[p] !== 0x5b || p + 1 >= bytes.length || bytes[p + 1] !== 0) {
    r.fail("POL_TRAILING_BYTES", p, EXPECT_BRACKET_OR_END, showUnit(bytes, p));
  }
  return readEntry(r, p);
}

/** Options of {@link decodePol}. */
export interface PolDecodeOptions {
  /**
   * The caller hands `bytes` over and never changes them: the entries' data are views into `bytes`
   * itself rather than into a private copy (a file just read needs no second copy in memory).
   */
  readonly adopt?: boolean;
}

/**
 * Decodes Registry.pol bytes. Returns the entries in file order, or the first problem found with its
 * byte offset. Never throws for malformed input. The entries' data are views into one private copy of
 * `bytes` (changing `bytes` later does not change them), unless `adopt` hands `bytes` over.
 */
export function decodePol(bytes: Uint8Array, options: PolDecodeOptions = {}): PolDecodeResult {
  const r = new Reader(bytes, options.adopt);
  const entries: PolEntry[] = [];
  try {
    for (let entry = nextEntry(r); entry !== undefined; entry = nextEntry(r)) entries.push(entry);
  } catch (caught) {
    if (caught instanceof Stop) return { ok: false, error: caught.error };
    throw caught;
  }
  return { ok: true, entries };
}

/**
 * Entries read from the bytes each time they are walked, for a reader that only passes over them (a
 * dump): memory holds the file, not an object per entry. Walk it as often as needed; each walk makes
 * new entry objects, equal to those of {@link decodePol}.
 */
export interface PolEntryStream extends Iterable<PolEntry> {
  /** How many entries the file holds. */
  readonly length: number;
}

/** The outcome of {@link decodePolStream}. */
export type PolStreamResult =
  | { readonly ok: true; readonly entries: PolEntryStream }
  | { readonly ok: false; readonly error: PolDecodeDiagnostic };

/**
 * Checks Registry.pol bytes as {@link decodePol} does, keeping no entry, and returns entries that are
 * read again from the bytes at each walk. Same errors, same entries, same `adopt` option.
 */
export function decodePolStream(bytes: Uint8Array, options: PolDecodeOptions = {}): PolStreamResult {
  const own = options.adopt ? bytes : bytes.slice();
  let length = 0;
  try {
    const r = new Reader(own, true);
    while (nextEntry(r) !== undefined) length++;
  } catch (caught) {
    if (caught instanceof Stop) return { ok: false, error: caught.error };
    throw caught;
  }
  const entries: PolEntryStream = {
    length,
    *[Symbol.iterator]() {
      // One entry at a time: the checks passed above, so reading cannot stop here.
      const r = new Reader(own, true);
      for (let entry = nextEntry(r); entry !== undefined; entry = nextEntry(r)) yield entry;
    },
  };
  return { ok: true, entries };
}

/** Like {@link decodePol} but returns the entries, throwing an {@link AdmxkitError} carrying the error. */
export function decodePolOrThrow(bytes: Uint8Array): PolEntry[] {
  const result = decodePol(bytes);
  if (!result.ok) throw new AdmxkitError([result.error]);
  return result.entries;
}
