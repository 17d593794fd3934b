import { Buffer, isUtf8 } from "node:buffer";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";

/** The encodings admxkit reads ADMX/ADML files in. */
export type XmlEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "iso-8859-1";

/** A file's text with the encoding it was read in, and what was wrong with its bytes. */
export interface DecodedXml {
  /** The text without a byte order mark; offsets into it are what positions refer to. */
  readonly text: string;
  readonly encoding: XmlEncoding;
  readonly diagnostics: Diagnostic[];
}

/**
 * Names an encoding declaration may use for each encoding we read (compared lowercase). A Map: the name
 * comes from the file, and must never reach an object's prototype (`encoding="constructor"`).
 */
const DECLARED_NAMES = new Map<string, XmlEncoding | "utf-16" | "us-ascii">([
  ["utf-8", "utf-8"],
  ["utf8", "utf-8"],
  ["utf-16", "utf-16"],
  // MSXML's name for UTF-16, which GPMC therefore accepts: Windows 11's own Search.admx declares it.
  ["unicode", "utf-16"],
  ["utf-16le", "utf-16le"],
  ["utf-16be", "utf-16be"],
  ["us-ascii", "us-ascii"],
  ["ascii", "us-ascii"],
  ["iso-8859-1", "iso-8859-1"],
  ["latin1", "iso-8859-1"],
  ["windows-1252", "windows-1252"],
  ["cp1252", "windows-1252"],
]);

/** What the first bytes say: a byte order mark, or the `<?` of a declaration in UTF-16 without one. */
function sniff(bytes: Uint8Array): { encoding: "utf-8" | "utf-16le" | "utf-16be"; bom: number } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: "utf-16be", bom: 2 };
  // XML 1.0 appendix F: without a mark, a UTF-16 file still starts with "<" as 3C 00 or 00 3C.
  if (b0 === 0x3c && b1 === 0x00) return { encoding: "utf-16le", bom: 0 };
  if (b0 === 0x00 && b1 === 0x3c) return { encoding: "utf-16be", bom: 0 };
  return { encoding: "utf-8", bom: 0 };
}

/** An unpaired UTF-16 surrogate: what a strict UTF-16 decoder refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The text of valid UTF-8 or UTF-16LE bytes through Buffer, or undefined to let TextDecoder decide. The
 * same text a strict TextDecoder gives, without its start-up cost: the first strict decode of a process
 * (and of each validate worker) costs tens of milliseconds, more than decoding a whole store this way.
 */
function decodeFast(bytes: Uint8Array, encoding: XmlEncoding): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === "utf-8") return isUtf8(bytes) ? buffer.toString("utf8") : undefined;
  if (encoding !== "utf-16le" || bytes.length % 2 !== 0) return undefined;
  const text = buffer.toString("utf16le");
  return LONE_SURROGATE.test(text) ? undefined : text;
}

function decode(bytes: Uint8Array, encoding: XmlEncoding): { text: string; valid: boolean } {
  const fast = decodeFast(bytes, encoding);
  if (fast !== undefined) return { text: fast, valid: true };
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), valid: true };
  } catch {
    return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), valid: false };
  }
}

/** The `encoding="…"` of an XML declaration at the very start of the text, lowercased. */
export function declaredEncoding(text: string): string | undefined {
  const declaration = /^<\?xml\s[^>]*?\?>/.exec(text)?.[0];
  return declaration && /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(declaration)?.[2]?.toLowerCase();
}

/**
 * Decodes the bytes of an ADMX/ADML file the way an XML parser must: a byte order mark decides (UTF-8,
 * UTF-16LE, UTF-16BE), else the declaration, else UTF-8. A declaration that contradicts the bytes is an
 * error: GPMC refuses such a file (a UTF-8 file labelled `encoding="utf-16"` is the classic case, seen in
 * generators that write a UTF-16 declaration with a UTF-8 writer). Bytes that are not valid in the
 * encoding are an error too; the text is still returned (with U+FFFD) so that later checks can run.
 */
export function decodeXmlBytes(bytes: Uint8Array, file: string): DecodedXml {
  const diagnostics: Diagnostic[] = [];
  const at = { file, line: 1, column: 1 };
  const sniffed = sniff(bytes);
  const body = bytes.subarray(sniffed.bom);
  let encoding: XmlEncoding = sniffed.encoding;
  let { text, valid } = decode(body, encoding);
  if (sniffed.bom === 0 && encoding !== "utf-8") {
    diagnostics.push(diag("XML_UTF16_WITHOUT_BOM", { encoding: encoding.toUpperCase() }, at, "warning"));
  }

  const declaredName = declaredEncoding(text);
  const declared = declaredName === undefined ? undefined : DECLARED_NAMES.get(declaredName);
  if (declaredName === "unicode")
    diagnostics.push(diag("XML_ENCODING_UNICODE", { declared: declaredName }, at, "warning"));
  const mismatch = (detected: string) =>
    diagnostics.push(diag("XML_ENCODING_MISMATCH", { declared: declaredName ?? "", detected }, at));

  if (declaredName !== undefined && declared === undefined) {
    diagnostics.push(diag("XML_ENCODING_UNSUPPORTED", { declared: declaredName }, at));
  } else if (encoding !== "utf-8") {
    if (declared !== undefined && !declared.startsWith("utf-16")) mismatch(encoding.toUpperCase());
  } else if (declared === "utf-16" || declared === "utf-16le" || declared === "utf-16be") {
    mismatch(sniffed.bom > 0 ? "UTF-8 (byte order mark)" : "UTF-8");
  } else if (declared === "us-ascii") {
    if (body.some((b) => b >= 0x80)) mismatch("non-ASCII bytes");
  } else if (declared === "windows-1252" || declared === "iso-8859-1") {
    if (sniffed.bom > 0) mismatch("UTF-8 (byte order mark)");
    else {
      encoding = declared;
      ({ text, valid } = decode(body, encoding));
    }
  }
  if (!valid) diagnostics.push(diag("XML_ENCODING_INVALID_BYTES", { encoding: encoding.toUpperCase() }, at));
  return { text, encoding, diagnostics };
}
