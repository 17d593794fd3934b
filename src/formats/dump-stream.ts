/**
 * The dump formats (JSON lines, table, LGPO text) as a stream of text chunks, so that `admxkit dump`
 * writes as it goes: memory holds the decoded entries and one chunk, never the whole output (a
 * 100,000-entry Registry.pol prints about 14 MB of JSON). Chunks end at a record boundary, so a
 * surrogate pair is never split between two chunks and each one can be encoded on its own.
 *
 * The string formatters of dump.ts and lgpo.ts are these chunks joined: one implementation, the same
 * bytes either way.
 */
import { Buffer } from "node:buffer";
import { bytesToHex } from "./hex.js";
import { regTypeName, REG_TYPES } from "../pol/types.js";
import type { PolEntry } from "../pol/types.js";
import { decodeValue } from "../pol/value-codec.js";

/** Characters gathered before a chunk is handed out: large enough that a write costs little per byte. */
const CHUNK_CHARS = 1 << 16;

/** Text pieces gathered into chunks of about {@link CHUNK_CHARS} characters. */
export class ChunkBuffer {
  private text = "";

  /** Adds a piece; returns a full chunk to hand out, or undefined. */
  add(piece: string): string | undefined {
    this.text += piece;
    if (this.text.length < CHUNK_CHARS) return undefined;
    const chunk = this.text;
    this.text = "";
    return chunk;
  }

  /** What is left, or undefined when nothing is. */
  rest(): string | undefined {
    const chunk = this.text;
    this.text = "";
    return chunk === "" ? undefined : chunk;
  }
}

/** The JSON text of each type field: its name when WinNT.h has one, else the number (as toDumpRecord). */
const TYPE_JSON: ReadonlyMap<number, string> = new Map(
  Object.values(REG_TYPES).map((type) => [type, `"${regTypeName(type)}"`]),
);

/** The JSON of a record's `data` field, exactly as `JSON.stringify(toDumpRecord(entry).data)`. */
function dataJson(entry: PolEntry): string {
  const { type, data } = entry;
  // The hot case by far in real files: read the DWORD here rather than through a Buffer view.
  if (type === REG_TYPES.REG_DWORD && data.length === 4)
    return String((data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0);
  const value = decodeValue(type, data);
  switch (value.type) {
    case "REG_DWORD":
    case "REG_DWORD_BIG_ENDIAN":
      return String(value.value);
    case "REG_SZ":
    case "REG_EXPAND_SZ":
    case "REG_MULTI_SZ":
      return JSON.stringify(value.value);
    case "REG_QWORD":
      return `"${value.value}"`;
    default:
      return `"${bytesToHex(value.value)}"`;
  }
}

/**
 * The JSON-lines dump (one `toDumpRecord` object per `\n`-terminated line) in chunks. Built as text
 * rather than through `JSON.stringify` of an object per entry: the key's JSON is reused while
 * consecutive entries share it, as they usually do, and no record object is made.
 */
export function* jsonLinesChunks(entries: Iterable<PolEntry>): Generator<string, void, undefined> {
  const out = new ChunkBuffer();
  let lastKey: string | undefined;
  let keyJson = "";
  for (const entry of entries) {
    if (entry.key !== lastKey) {
      lastKey = entry.key;
      keyJson = `{"key":${JSON.stringify(entry.key)},"valueName":`;
    }
    const type = TYPE_JSON.get(entry.type) ?? String(entry.type);
    const line = `${keyJson}${JSON.stringify(entry.valueName)},"type":${type},"size":${entry.data.length},"data":${dataJson(entry)}}\n`;
    const chunk = out.add(line);
    if (chunk !== undefined) yield chunk;
  }
  const rest = out.rest();
  if (rest !== undefined) yield rest;
}

/** Lines joined into chunks, each line followed by `end`. */
export function* lineChunks(lines: Iterable<string>, end = "\n"): Generator<string, void, undefined> {
  const out = new ChunkBuffer();
  for (const line of lines) {
    const chunk = out.add(line + end);
    if (chunk !== undefined) yield chunk;
  }
  const rest = out.rest();
  if (rest !== undefined) yield rest;
}

/** True when every character of `text` is ASCII (LGPO text is then saved as single bytes). */
export function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/**
 * Encodes chunks of LGPO text as `encodeLgpoText` encodes their concatenation: single bytes when all of
 * it is ASCII, else UTF-16LE after a byte-order mark. Which one is known only at the end, so `chunks` is
 * called twice — once to look, once to write — rather than keeping the text.
 */
export function* lgpoByteChunks(chunks: () => Iterable<string>): Generator<Uint8Array, void, undefined> {
  let ascii = true;
  for (const chunk of chunks()) if (!(ascii &&= isAscii(chunk))) break;
  if (!ascii) yield Uint8Array.of(0xff, 0xfe);
  // UTF-16LE encodes each code unit alone, so chunk boundaries cannot change the bytes.
  for (const chunk of chunks()) yield Buffer.from(chunk, ascii ? "latin1" : "utf16le");
}
