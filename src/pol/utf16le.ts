/**
 * UTF-16LE conversion through Node's Buffer, which (unlike `TextDecoder`) keeps lone surrogates, so any
 * string read from a file is written back as the same bytes.
 */
import { Buffer } from "node:buffer";

/** The UTF-16LE bytes of `text`, without a terminator. */
export function utf16leBytes(text: string): Uint8Array {
  // Copied out of Buffer's shared pool so the result owns its ArrayBuffer.
  return new Uint8Array(Buffer.from(text, "utf16le"));
}

/** Views `bytes` as a Buffer without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads the UTF-16LE code units in `bytes[start, end)`; `end - start` must be even. */
export function readUtf16le(bytes: Buffer, start: number, end: number): string {
  return bytes.toString("utf16le", start, end);
}

/** The string of NUL-terminated UTF-16LE `data`, or `undefined` when `data` is odd-sized or not terminated. */
export function readTerminatedUtf16le(data: Uint8Array): string | undefined {
  const n = data.length;
  if (n < 2 || n % 2 !== 0 || data[n - 1] !== 0 || data[n - 2] !== 0) return undefined;
  return readUtf16le(asBuffer(data), 0, n - 2);
}
