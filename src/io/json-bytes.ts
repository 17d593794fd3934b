/**
 * The bytes of a JSON input file (a values file, a bundle) as text. JSON files are read as UTF-8 only,
 * as RFC 8259 requires of JSON exchanged between systems, with an optional UTF-8 byte order mark (what
 * Windows PowerShell's `Set-Content -Encoding utf8` writes). Two things are refused rather than guessed:
 *
 * - UTF-16 and UTF-32 (by byte order mark, or by the NUL bytes every ASCII character of such a file
 *   has): Windows PowerShell 5.1's `>` writes UTF-16LE, and read as UTF-8 that would be "not JSON" with
 *   raw NUL bytes in the message. The encoding is named instead. admxkit does not convert it, because a
 *   reviewer's diff tool shows a UTF-16 file as binary: what is compiled must be what was reviewed.
 * - Bytes that are not valid UTF-8, with the byte offset of the first one. Decoding them as U+FFFD
 *   would compile a replacement character into the registry that nobody wrote.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";

/** The text of a JSON file, or why its bytes are not UTF-8 text. */
export type JsonBytesDecode =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** A UTF-16 or UTF-32 encoding recognized from a byte order mark or the NUL pattern of ASCII text. */
function wideEncoding(b: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = b;
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? "UTF-32LE" : "UTF-16LE";
  if (b0 === 0xfe && b1 === 0xff) return "UTF-16BE";
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return "UTF-32BE";
  // Without a mark: JSON starts with an ASCII character, which UTF-16/32 pad with NUL bytes.
  if (b.length >= 4 && b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return "UTF-32LE";
  if (b.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return "UTF-32BE";
  if (b.length >= 2 && b0 !== 0 && b1 === 0) return "UTF-16LE";
  if (b.length >= 2 && b0 === 0 && b1 !== 0) return "UTF-16BE";
  return undefined;
}

/**
 * The offset of the first byte that does not start or continue a valid UTF-8 sequence (WHATWG rules:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all are valid.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const lead = b[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes a JSON file's bytes (see the module comment); `file` goes into the diagnostic. */
export function decodeJsonBytes(bytes: Uint8Array, file?: string): JsonBytesDecode {
  const place = file === undefined ? {} : { file };
  const wide = wideEncoding(bytes);
  if (wide !== undefined) return { ok: false, diagnostic: diag("JSON_NOT_UTF8", { encoding: wide }, place) };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  try {
    return { ok: true, text: utf8.decode(body) };
  } catch {
    const offset = bom + Math.max(0, firstInvalidUtf8(body));
    const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")}`;
    return { ok: false, diagnostic: diag("JSON_INVALID_UTF8", { offset, byte }, place) };
  }
}
