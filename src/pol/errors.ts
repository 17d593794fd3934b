/**
 * Errors of the Registry.pol codec, as data with string codes. Wording is kept apart from the data
 * (`describePolDecodeError`, the messages of {@link PolEncodeError}) so callers can localize by code.
 */

/** Every reason `decodePol` can reject its input, as the codes of {@link PolDecodeError}. */
export const POL_DECODE_ERROR_CODES = [
  "POL_BAD_SIGNATURE",
  "POL_BAD_VERSION",
  "POL_BAD_DELIMITER",
  "POL_TRUNCATED",
  "POL_SIZE_PAST_END",
  "POL_TRAILING_BYTES",
  "POL_ODD_STRING",
  "POL_UNTERMINATED_STRING",
] as const;

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
  readonly expected: string;
  readonly found?: string;
  readonly entry?: number;
}

/** Why `encodePol` (or `encodeValue`) refused an entry. */
export type PolEncodeErrorCode =
  | "POL_KEY_EMPTY_COMPONENT"
  | "POL_KEY_COMPONENT_TOO_LONG"
  | "POL_NUL_IN_KEY"
  | "POL_VALUE_NAME_TOO_LONG"
  | "POL_NUL_IN_VALUE_NAME"
  | "POL_BAD_TYPE"
  | "POL_BAD_DATA_SIZE"
  | "POL_ODD_STRING"
  | "POL_DATA_TOO_LARGE"
  | "POL_BAD_VALUE";

/** An encoding refusal as data: `index` is the entry's position in the list, -1 for a lone value. */
export interface PolEncodeIssue {
  readonly code: PolEncodeErrorCode;
  readonly index: number;
  readonly detail: string;
}

const ENCODE_MESSAGES: Record<PolEncodeErrorCode, string> = {
  POL_KEY_EMPTY_COMPONENT: "key path has an empty component",
  POL_KEY_COMPONENT_TOO_LONG: "key path component is longer than 255 characters",
  POL_NUL_IN_KEY: "key path contains a NUL character",
  POL_VALUE_NAME_TOO_LONG: "value name is longer than 16,383 characters",
  POL_NUL_IN_VALUE_NAME: "value name contains a NUL character",
  POL_BAD_TYPE: "type is not a 32-bit unsigned integer",
  POL_BAD_DATA_SIZE: "data size does not fit the type",
  POL_ODD_STRING: "string data has an odd number of bytes",
  POL_DATA_TOO_LARGE: "data is larger than 65,535 bytes",
  POL_BAD_VALUE: "value cannot be stored in its type",
};

/** The throwing form of a {@link PolEncodeIssue}. */
export class PolEncodeError extends Error {
  readonly code: PolEncodeErrorCode;
  readonly index: number;
  readonly detail: string;

  constructor(issue: PolEncodeIssue) {
    const where = issue.index >= 0 ? `entry ${issue.index}: ` : "";
    super(`${where}${ENCODE_MESSAGES[issue.code]} (${issue.detail})`);
    this.name = "PolEncodeError";
    this.code = issue.code;
    this.index = issue.index;
    this.detail = issue.detail;
  }
}

const DECODE_MESSAGES: Record<PolDecodeErrorCode, string> = {
  POL_BAD_SIGNATURE: "not a Registry.pol file (no PReg signature)",
  POL_BAD_VERSION: "unsupported Registry.pol version",
  POL_BAD_DELIMITER: "unexpected character where a delimiter belongs",
  POL_TRUNCATED: "file ends inside an entry",
  POL_SIZE_PAST_END: "data size runs past the end of the file",
  POL_TRAILING_BYTES: "bytes after the last entry",
  POL_ODD_STRING: "string data has an odd number of bytes",
  POL_UNTERMINATED_STRING: "key or value name has no NUL terminator",
};

/** English text for a decode error, e.g. for CLI output. */
export function describePolDecodeError(error: PolDecodeError): string {
  const found = error.found === undefined ? "" : `, found ${error.found}`;
  const entry = error.entry === undefined ? "" : ` in entry ${error.entry}`;
  return `${DECODE_MESSAGES[error.code]} at byte ${error.offset}${entry}: expected ${error.expected}${found}`;
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
