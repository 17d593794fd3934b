/**
 * Errors of the Registry.pol codec, as data with string codes. The wording lives with every other
 * diagnostic's, in `locales/<tag>.json` under `messages.<code>`, so callers can localize by code and a
 * code without wording in either language fails the type check (the lists below are checked against
 * `DiagnosticCode`).
 */
import type { DiagnosticCode } from "../i18n/codes.js";
import { formatMessage, type LocaleTag, type MessageRef } from "../i18n/messages.js";

/** Every reason `decodePol` can reject its input, as the codes of {@link PolDecodeError}. */
export const POL_DECODE_ERROR_CODES = [
  "POL_BAD_SIGNATURE",
  "POL_BAD_VERSION",
  "POL_BAD_DELIMITER",
  "POL_TRUNCATED",
  "POL_SIZE_PAST_END",
  "POL_TRAILING_BYTES",
  "POL_UNTERMINATED_STRING",
] as const satisfies readonly DiagnosticCode[];

/** Why a Registry.pol could not be decoded; one of {@link POL_DECODE_ERROR_CODES}. */
export type PolDecodeErrorCode = (typeof POL_DECODE_ERROR_CODES)[number];

/**
 * A decoding failure. `offset` is the byte offset of the offending field, in `[0, length]` (it equals
 * the length when the input ends early); `entry` is the 0-based index of the entry being read, absent
 * for header errors.
 */
export interface PolDecodeError {
  readonly code: PolDecodeErrorCode;
  readonly offset: number;
  /** What was expected, in en-US: literal bytes, a delimiter, a size, or a short phrase. */
  readonly expected: string;
  /** The phrase of `expected` as a message, so it is worded in the language the error is shown in. */
  readonly expectedMessage?: MessageRef;
  readonly found?: string;
  readonly entry?: number;
}

/** Every reason `encodePol` (or `encodeValue`) can refuse an entry. */
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

/** An encoding refusal as data: `index` is the entry's position in the list, -1 for a lone value. */
export interface PolEncodeIssue {
  readonly code: PolEncodeErrorCode;
  readonly index: number;
  /** Data (the offending key, quoted) or a phrase in en-US (`3 bytes`). */
  readonly detail: string;
  /** The phrase of `detail` as a message, worded in the language the issue is shown in. */
  readonly detailMessage?: MessageRef;
}

/**
 * An encoding refusal as a message to word later (e.g. the `{detail}` of a diagnostic that names the
 * entry itself): `entry 3: the value name contains a NUL character (…)`, without the entry part when
 * `index` is -1. `detail` is data (sizes, lengths, the offending number), not wording.
 */
export function polEncodeMessage(issue: PolEncodeIssue): MessageRef {
  const problem: MessageRef = { code: issue.code, params: {} };
  const detail = issue.detailMessage ?? issue.detail;
  return issue.index >= 0
    ? { code: "POL_ENCODE_ENTRY", params: { index: issue.index, problem, detail } }
    : { code: "POL_ENCODE_VALUE", params: { problem, detail } };
}

/** Text for an encoding refusal in `locale` ({@link polEncodeMessage}, worded). */
export function describePolEncodeIssue(issue: PolEncodeIssue, locale: LocaleTag = "en-US"): string {
  const message = polEncodeMessage(issue);
  return formatMessage(message.code, message.params, locale);
}

/** The throwing form of a {@link PolEncodeIssue}; its message is en-US (see {@link describePolEncodeIssue}). */
export class PolEncodeError extends Error {
  readonly code: PolEncodeErrorCode;
  readonly index: number;
  readonly detail: string;

  constructor(issue: PolEncodeIssue) {
    super(describePolEncodeIssue(issue));
    this.name = "PolEncodeError";
    this.code = issue.code;
    this.index = issue.index;
    this.detail = issue.detail;
  }
}

/**
 * A decode error as a message to word later: what is wrong, the byte offset and entry, what was
 * expected and what was found. `found` is the decoder's data (bytes, delimiters, sizes); `expected` is
 * data too, or a phrase worded in the message's language.
 */
export function polDecodeMessage(error: PolDecodeError): MessageRef {
  const entry: MessageRef | "" =
    error.entry === undefined ? "" : { code: "POL_DECODE_PLACE_ENTRY", params: { entry: error.entry } };
  const found: MessageRef | "" =
    error.found === undefined ? "" : { code: "POL_DECODE_PLACE_FOUND", params: { found: error.found } };
  const problem: MessageRef = { code: error.code, params: {} };
  return {
    code: "POL_DECODE_PLACE",
    params: {
      problem,
      offset: error.offset,
      entry,
      expected: error.expectedMessage ?? error.expected,
      found,
    },
  };
}

/** Text for a decode error in `locale` (en-US by default, e.g. for exception messages). */
export function describePolDecodeError(error: PolDecodeError, locale: LocaleTag = "en-US"): string {
  const message = polDecodeMessage(error);
  return formatMessage(message.code, message.params, locale);
}

/** The throwing form of a {@link PolDecodeError} (used by `decodePolOrThrow`). */
export class PolDecodeFailure extends Error {
  readonly error: PolDecodeError;

  constructor(error: PolDecodeError) {
    super(describePolDecodeError(error));
    this.name = "PolDecodeFailure";
    this.error = error;
  }
}
