/**
 * Registry.pol writer: header `PReg` + version 1, then `[key;valueName;type;size;data]` per entry with
 * UTF-16LE delimiters, NUL-terminated key and value name, 32-bit little-endian type and size.
 */
import { Buffer } from "node:buffer";
import { AdmxkitError } from "../diagnostics/diagnostic.js";
import { checkPolEntries } from "./limits.js";
import type { PolEntry } from "./types.js";

/** Size of the file header: signature and version. */
export const POL_HEADER_SIZE = 8;
/** Bytes of an entry besides its strings and data: 6 delimiters, 2 NULs, type and size. */
const ENTRY_OVERHEAD = 6 * 2 + 2 * 2 + 4 + 4;

/** The exact size `encodePol` will produce for `entries`. */
export function polSize(entries: readonly PolEntry[]): number {
  let total = POL_HEADER_SIZE;
  for (const entry of entries) {
    total += ENTRY_OVERHEAD + 2 * (entry.key.length + entry.valueName.length) + entry.data.length;
  }
  return total;
}

function writeDelimiter(out: Buffer, offset: number, char: number): number {
  out[offset] = char;
  out[offset + 1] = 0;
  return offset + 2;
}

function writeTerminated(out: Buffer, offset: number, text: string): number {
  const end = offset + out.write(text, offset, "utf16le");
  out[end] = 0;
  out[end + 1] = 0;
  return end + 2;
}

/**
 * Encodes entries into Registry.pol bytes, in the given order (order is meaningful: Windows applies
 * entries in file order). Entries are written as given — data bytes are kept exactly. Throws
 * an {@link AdmxkitError} carrying every entry Windows would not accept (see `limits.ts`).
 */
export function encodePol(entries: readonly PolEntry[]): Uint8Array {
  const issues = checkPolEntries(entries);
  if (issues.length > 0) throw new AdmxkitError(issues);
  // Not from the shared pool: the caller owns the whole ArrayBuffer. Every byte is written below.
  const out = Buffer.allocUnsafeSlow(polSize(entries));
  out.write("PReg", 0, "latin1");
  out.writeUInt32LE(1, 4);
  let p = POL_HEADER_SIZE;
  for (const entry of entries) {
    p = writeDelimiter(out, p, 0x5b); // [
    p = writeTerminated(out, p, entry.key);
    p = writeDelimiter(out, p, 0x3b); // ;
    p = writeTerminated(out, p, entry.valueName);
    p = writeDelimiter(out, p, 0x3b);
    p = out.writeUInt32LE(entry.type, p);
    p = writeDelimiter(out, p, 0x3b);
    p = out.writeUInt32LE(entry.data.length, p);
    p = writeDelimiter(out, p, 0x3b);
    out.set(entry.data, p);
    p += entry.data.length;
    p = writeDelimiter(out, p, 0x5d); // ]
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
