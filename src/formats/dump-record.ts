/**
 * The way back from a {@link PolDumpRecord} (what `dump --json` prints, and what the `registry` section
 * of a values file holds) to the entry it describes. Every record `toDumpRecord` makes reads back to
 * the same bytes: the typed form is tried first, and a hex string is the stored bytes whenever the typed
 * form does not give the record's `size` (that is how the dump shows data not well-formed for its type,
 * e.g. a 3-byte REG_DWORD or a string without its NUL).
 */
import { Buffer } from "node:buffer";
import { AdmxkitError, diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { quoteValue } from "../diagnostics/quote-value.js";
import { messageRef as phrase, type MessageRef } from "../i18n/messages.js";
import { REG_TYPES, regTypeName, type PolEntry, type PolValue, type RegTypeName } from "../pol/types.js";
import { encodeValue } from "../pol/value-codec.js";

/** A record as written by hand or by `dump --json`; `size` may be left out for the typed forms. */
export interface DumpRecordInput {
  readonly key: string;
  readonly valueName: string;
  readonly type: string | number;
  readonly size?: number;
  readonly data: number | string | readonly string[];
}

/**
 * The entry of a record, or why there is none, as the finding a raw registry entry of a values file
 * gets (the record form is that entry's): `VALUES_RAW_BAD_TYPE` (param `type`, quoted),
 * `VALUES_RAW_BAD_DATA` (params `type` and `expected`, what the data must be, as a message worded in
 * the language it is shown in) or `VALUES_RAW_SIZE_MISMATCH` (params `size` and `actual`). The caller
 * adds the place.
 */
export type DumpRecordResult =
  { readonly ok: true; readonly entry: PolEntry } | { readonly ok: false; readonly error: Diagnostic };

function typeNumber(type: string | number): number | undefined {
  if (typeof type === "number")
    return Number.isInteger(type) && type >= 0 && type <= 0xffffffff ? type : undefined;
  return Object.hasOwn(REG_TYPES, type) ? REG_TYPES[type as RegTypeName] : undefined;
}

/**
 * What the typed form of each type is, as a message (worded in the language the finding is shown in,
 * so that a Japanese message carries no English phrase).
 */
const EXPECTED: Partial<Record<RegTypeName, MessageRef>> = {
  REG_SZ: phrase("RECORD_EXPECT_STRING"),
  REG_EXPAND_SZ: phrase("RECORD_EXPECT_STRING"),
  REG_MULTI_SZ: phrase("RECORD_EXPECT_STRING_ARRAY"),
  REG_DWORD: phrase("RECORD_EXPECT_DWORD"),
  REG_DWORD_BIG_ENDIAN: phrase("RECORD_EXPECT_DWORD"),
  REG_QWORD: phrase("RECORD_EXPECT_QWORD"),
};
const HEX_FORM = phrase("RECORD_EXPECT_HEX");

/** The typed value the record's data gives for its type, or undefined when it is not in that form. */
function typedValue(name: RegTypeName | undefined, data: DumpRecordInput["data"]): PolValue | undefined {
  switch (name) {
    case "REG_SZ":
    case "REG_EXPAND_SZ":
      return typeof data === "string" && !data.includes("\0") ? { type: name, value: data } : undefined;
    case "REG_MULTI_SZ":
      return Array.isArray(data) && data.every((s) => typeof s === "string" && !s.includes("\0"))
        ? { type: name, value: data }
        : undefined;
    case "REG_DWORD":
    case "REG_DWORD_BIG_ENDIAN":
      return typeof data === "number" && Number.isInteger(data) && data >= 0 && data <= 0xffffffff
        ? { type: name, value: data }
        : undefined;
    case "REG_QWORD": {
      // The dump writes QWORDs as strings (beyond 2^53 a JSON number loses precision); a small number
      // written by hand is accepted too.
      const digits =
        typeof data === "number" && Number.isSafeInteger(data) && data >= 0 ? String(data) : data;
      if (typeof digits !== "string" || !/^[0-9]{1,20}$/.test(digits)) return undefined;
      const value = BigInt(digits);
      return value <= 0xffffffffffffffffn ? { type: name, value } : undefined;
    }
    default:
      return undefined;
  }
}

function hexBytes(data: DumpRecordInput["data"]): Uint8Array | undefined {
  if (typeof data !== "string" || data.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(data)) return undefined;
  return new Uint8Array(Buffer.from(data, "hex"));
}

/** The entry a record describes (the inverse of `toDumpRecord`). */
export function fromDumpRecord(record: DumpRecordInput): DumpRecordResult {
  const type = typeNumber(record.type);
  if (type === undefined)
    return { ok: false, error: diag("VALUES_RAW_BAD_TYPE", { type: quoteValue(String(record.type)) }) };
  const { key, valueName, size } = record;
  const name = regTypeName(type);
  const typed = typedValue(name, record.data);
  let typedData: Uint8Array | undefined;
  if (typed) {
    try {
      typedData = encodeValue(typed).data;
    } catch (error) {
      if (!(error instanceof AdmxkitError)) throw error;
    }
  }
  if (typedData && (size === undefined || size === typedData.length))
    return { ok: true, entry: { key, valueName, type, data: typedData } };
  const hex = hexBytes(record.data);
  if (hex && (size === undefined || size === hex.length))
    return { ok: true, entry: { key, valueName, type, data: hex } };
  const actual = typedData?.length ?? hex?.length;
  if (size !== undefined && actual !== undefined)
    return { ok: false, error: diag("VALUES_RAW_SIZE_MISMATCH", { size, actual }) };
  const typedForm = name === undefined ? undefined : EXPECTED[name];
  const expected: MessageRef = typedForm
    ? phrase("RECORD_EXPECT_TYPED_OR_HEX", { typed: typedForm, hex: HEX_FORM })
    : HEX_FORM;
  return { ok: false, error: diag("VALUES_RAW_BAD_DATA", { type: String(record.type), expected }) };
}
