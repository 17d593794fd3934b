/**
 * Reads LGPO.exe text back into Registry.pol entries (the inverse of `formatLgpoText`). Records are four
 * lines — scope, key, value name, action — taken literally (a value name may be empty or start with `;`);
 * blank lines and `;` comment lines are skipped only between records.
 */
import { Buffer } from "node:buffer";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../i18n/codes.js";
import { messageRef, type MessageRef } from "../i18n/messages.js";
import { createKeyEntry, deleteKeysEntry, delEntry, delvalsEntry } from "../pol/actions.js";
import { LGPO_SCOPE_WORDS, unescapeLgpoText } from "./lgpo-escape.js";
import { REG_TYPES } from "../pol/types.js";
import type { PolEntry, PolHive } from "../pol/types.js";
import { utf16leBytes } from "../pol/utf16le.js";

/**
 * Every reason `parseLgpoText` can reject its input; each is worded in both catalogs. The finding's
 * `line` (a field and a param) counts from 1; its params `expected` (a phrase, as a message) and
 * `found` (the text read, absent when the text ends early) are the parser's data.
 */
export const LGPO_PARSE_ERROR_CODES = [
  "LGPO_BAD_SCOPE",
  "LGPO_INCOMPLETE_RECORD",
  "LGPO_BAD_ACTION",
  "LGPO_BAD_DATA",
] as const satisfies readonly DiagnosticCode[];

/** The outcome of {@link parseLgpoText}: entries per hive, each in text order. */
export type LgpoParseResult =
  | { readonly ok: true; readonly machine: PolEntry[]; readonly user: PolEntry[] }
  | { readonly ok: false; readonly error: Diagnostic };

/** Why a record's action could not be read: the line is added where the record's place is known. */
interface Refusal {
  readonly code: (typeof LGPO_PARSE_ERROR_CODES)[number];
  readonly expected: MessageRef;
  readonly found: string;
}

type Parsed = PolEntry | Refusal;

/** A finding of the parser at `line`. */
function refusal(line: number, code: Refusal["code"], expected: MessageRef, found?: string): Diagnostic {
  return diag(code, { line, expected, ...(found === undefined ? {} : { found }) }, { line });
}

/** An expected phrase, as the message that words it in any language. */
function expecting(code: DiagnosticCode, params: MessageRef["params"] = {}): { expected: MessageRef } {
  return { expected: messageRef(code, params) };
}

function stringEntry(key: string, valueName: string, type: number, text: string): PolEntry {
  return { key, valueName, type, data: utf16leBytes(unescapeLgpoText(text) + "\0") };
}

function numberEntry(key: string, valueName: string, digits: string, qword: boolean): Parsed {
  if (!/^\d{1,20}$/.test(digits))
    return { code: "LGPO_BAD_DATA", ...expecting("LGPO_EXPECT_DECIMAL"), found: digits };
  const value = BigInt(digits);
  const bytes = qword ? 8 : 4;
  if (value >= 1n << BigInt(8 * bytes))
    return { code: "LGPO_BAD_DATA", ...expecting("LGPO_EXPECT_BITS", { bits: 8 * bytes }), found: digits };
  const data = Buffer.alloc(bytes);
  if (qword) data.writeBigUInt64LE(value);
  else data.writeUInt32LE(Number(value));
  return {
    key,
    valueName,
    type: qword ? REG_TYPES.REG_QWORD : REG_TYPES.REG_DWORD,
    data: new Uint8Array(data),
  };
}

function binaryEntry(key: string, valueName: string, text: string): Parsed {
  const hex = text.replace(/[\s,]/g, "");
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex))
    return { code: "LGPO_BAD_DATA", ...expecting("LGPO_EXPECT_HEX"), found: text };
  return { key, valueName, type: REG_TYPES.REG_BINARY, data: new Uint8Array(Buffer.from(hex, "hex")) };
}

function multiSzEntry(key: string, valueName: string, text: string): PolEntry {
  // `MULTISZ:` is the empty list (one NUL); otherwise each item's NUL plus the list's final NUL.
  const data = text === "" ? "\0" : unescapeLgpoText(text) + "\0\0";
  return { key, valueName, type: REG_TYPES.REG_MULTI_SZ, data: utf16leBytes(data) };
}

function parseAction(key: string, valueName: string, action: string): Parsed {
  const colon = action.indexOf(":");
  const word = colon < 0 ? action : action.slice(0, colon);
  const rest = colon < 0 ? undefined : action.slice(colon + 1);
  if (rest === undefined) {
    if (word === "DELETE") return delEntry(key, valueName);
    if (word === "DELETEALLVALUES") return delvalsEntry(key);
    if (word === "CREATEKEY") return createKeyEntry(key);
  } else {
    if (word === "DWORD" || word === "QWORD") return numberEntry(key, valueName, rest, word === "QWORD");
    if (word === "SZ") return stringEntry(key, valueName, REG_TYPES.REG_SZ, rest);
    if (word === "EXSZ") return stringEntry(key, valueName, REG_TYPES.REG_EXPAND_SZ, rest);
    if (word === "MULTISZ") return multiSzEntry(key, valueName, rest);
    if (word === "BINARY") return binaryEntry(key, valueName, rest);
    if (word === "DELETEKEYS")
      return deleteKeysEntry(
        key,
        rest.split(";").filter((name) => name !== ""),
      );
  }
  return {
    code: "LGPO_BAD_ACTION",
    ...expecting("LGPO_EXPECT_ACTION", {
      actions: "DWORD:, QWORD:, SZ:, EXSZ:, MULTISZ:, BINARY:, DELETE, DELETEALLVALUES, DELETEKEYS:",
    }),
    found: action,
  };
}

const HIVES_BY_WORD = new Map<string, PolHive>(
  (Object.keys(LGPO_SCOPE_WORDS) as PolHive[]).map((hive) => [LGPO_SCOPE_WORDS[hive], hive]),
);

/** Parses LGPO text (CRLF or LF line ends, an optional leading BOM character). */
export function parseLgpoText(text: string): LgpoParseResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop(); // the final line break ends a line, it does not start one
  const out: Record<PolHive, PolEntry[]> = { machine: [], user: [] };
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (first.trim() === "" || first.startsWith(";")) {
      i++;
      continue;
    }
    const hive = HIVES_BY_WORD.get(first.trim());
    if (hive === undefined) {
      const error = refusal(i + 1, "LGPO_BAD_SCOPE", messageRef("LGPO_EXPECT_SCOPE"), first);
      return { ok: false, error };
    }
    const [key, valueName, action] = [lines[i + 1], lines[i + 2], lines[i + 3]];
    if (key === undefined || valueName === undefined || action === undefined) {
      const error = refusal(lines.length + 1, "LGPO_INCOMPLETE_RECORD", messageRef("LGPO_EXPECT_RECORD"));
      return { ok: false, error };
    }
    const parsed = parseAction(key, valueName, action);
    if ("code" in parsed)
      return { ok: false, error: refusal(i + 4, parsed.code, parsed.expected, parsed.found) };
    out[hive].push(parsed);
    i += 4;
  }
  return { ok: true, machine: out.machine, user: out.user };
}

/** Text of an LGPO file's bytes: UTF-16LE after a FF FE byte-order mark, Latin-1 otherwise (as LGPO reads). */
export function decodeLgpoBytes(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return buffer.toString("utf16le", 2);
  return buffer.toString("latin1");
}
