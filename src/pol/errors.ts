/**
 * The codes of the Registry.pol codec's findings. A finding is a `Diagnostic` like every other (what
 * throws is `AdmxkitError` carrying them); the wording lives in `locales/<tag>.json` under
 * `messages.<code>`, so a code without wording in either language fails the type check (the lists
 * below are checked against `DiagnosticCode`).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../i18n/codes.js";
import type { MessageRef } from "../i18n/messages.js";

/**
 * Every reason `decodePol` can reject its input. Its diagnostic's params: `offset` (the byte offset of
 * the offending field, in `[0, length]`: the length when the input ends early), `expected` (literal
 * bytes as text, or a phrase as a message), and, by code, `entry` (the 0-based index of the entry being
 * read; absent from header errors) and `found`.
 */
export const POL_DECODE_ERROR_CODES = [
  "POL_BAD_SIGNATURE",
  "POL_BAD_VERSION",
  "POL_BAD_DELIMITER",
  "POL_TRUNCATED",
  "POL_TRUNCATED_HEADER",
  "POL_SIZE_PAST_END",
  "POL_TRAILING_BYTES",
  "POL_UNTERMINATED_STRING",
] as const satisfies readonly DiagnosticCode[];

/** Why a Registry.pol could not be decoded; one of {@link POL_DECODE_ERROR_CODES}. */
export type PolDecodeErrorCode = (typeof POL_DECODE_ERROR_CODES)[number];

/** A decoding failure: a diagnostic whose params are typed, for callers that read them. */
export interface PolDecodeDiagnostic extends Diagnostic {
  readonly code: PolDecodeErrorCode;
  readonly params: {
    readonly offset: number;
    readonly expected: string | MessageRef;
    readonly entry?: number;
    readonly found?: string;
  };
}

/**
 * Every reason `encodePol` (or `encodeValue`) can refuse an entry. Its diagnostic's params: `detail`
 * (data, such as the offending key quoted, or a phrase as a message) and, for an entry of a list,
 * `index` (its position), `key` and `valueName`.
 */
export const POL_ENCODE_ERROR_CODES = [
  "POL_KEY_EMPTY_COMPONENT",
  "POL_KEY_COMPONENT_TOO_LONG",
  "POL_NUL_IN_KEY",
  "POL_VALUE_NAME_TOO_LONG",
  "POL_NUL_IN_VALUE_NAME",
  "POL_BAD_TYPE",
  "POL_BAD_DATA_SIZE",
  "POL_ODD_STRING",
  "POL_DATA_TOO_LARGE",
  "POL_BAD_VALUE",
] as const satisfies readonly DiagnosticCode[];

/** Why `encodePol` (or `encodeValue`) refused an entry; one of {@link POL_ENCODE_ERROR_CODES}. */
export type PolEncodeErrorCode = (typeof POL_ENCODE_ERROR_CODES)[number];

/** An encoding refusal: a diagnostic whose params are typed, for callers that read them. */
export interface PolEncodeDiagnostic extends Diagnostic {
  readonly code: PolEncodeErrorCode;
  readonly params: {
    readonly detail: string | MessageRef;
    readonly index?: number;
    readonly key?: string;
    readonly valueName?: string;
  };
}
