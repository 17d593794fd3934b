/**
 * What Windows accepts in a Registry.pol entry, checked before encoding.
 *
 * - Key path: components of 1…255 UTF-16 code units (the registry's key-name limit); an empty component
 *   (`a\\b`, a leading or trailing `\`, an empty path) names no key.
 * - Value name: at most 16,383 code units, the registry's value-name limit. MS-GPREG's grammar says 259
 *   but Windows reads longer names; we enforce the registry's own limit.
 * - Data: at most 0xFFFF bytes. The registry itself stores far larger values, but MS-GPREG §2.2.1
 *   declares `Size = %x00-FFFF` / `Data = *65535OCTET` and PolicyFileEditor refuses more, so a larger
 *   entry would be a file other tools reject. (The decoder still reads larger sizes, to inspect files.)
 * - Type: any 32-bit number (key-only entries use 0); DWORD and DWORD_BIG_ENDIAN data must be 4 bytes,
 *   QWORD 8 (salt#59059 wrote a DWORD of 10 bytes), string types an even size.
 * - No NUL inside a key or value name: the NUL is the field terminator.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { messageRef as detail, type MessageRef } from "../i18n/messages.js";
import type { PolEncodeDiagnostic, PolEncodeErrorCode } from "./errors.js";
import { REG_TYPES } from "./types.js";
import type { PolEntry } from "./types.js";

/** Longest key path component, in UTF-16 code units. */
export const MAX_KEY_COMPONENT = 255;
/** Longest value name, in UTF-16 code units. */
export const MAX_VALUE_NAME = 16_383;
/** Largest data size MS-GPREG allows. */
export const MAX_DATA_SIZE = 0xffff;

/** A problem: its code and its detail, data (a quoted key) or a phrase worded in any language. */
type Problem = readonly [PolEncodeErrorCode, string | MessageRef];

function checkKey(key: string): Problem | undefined {
  if (key.includes("\0")) return ["POL_NUL_IN_KEY", JSON.stringify(key)];
  let length = 0;
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) === 0x5c) {
      if (length === 0) return ["POL_KEY_EMPTY_COMPONENT", JSON.stringify(key)];
      length = 0;
    } else if (++length > MAX_KEY_COMPONENT) {
      return [
        "POL_KEY_COMPONENT_TOO_LONG",
        detail("POL_DETAIL_COMPONENT_OF", { key: `${JSON.stringify(key.slice(0, 40))}…` }),
      ];
    }
  }
  return length === 0 ? ["POL_KEY_EMPTY_COMPONENT", JSON.stringify(key)] : undefined;
}

function fixedSize(type: number): number | undefined {
  if (type === REG_TYPES.REG_DWORD || type === REG_TYPES.REG_DWORD_BIG_ENDIAN) return 4;
  return type === REG_TYPES.REG_QWORD ? 8 : undefined;
}

function isStringType(type: number): boolean {
  return type === REG_TYPES.REG_SZ || type === REG_TYPES.REG_EXPAND_SZ || type === REG_TYPES.REG_MULTI_SZ;
}

function checkRest(entry: PolEntry): Problem | undefined {
  const { valueName, type, data } = entry;
  if (valueName.length > MAX_VALUE_NAME)
    return ["POL_VALUE_NAME_TOO_LONG", detail("POL_DETAIL_CHARACTERS", { count: valueName.length })];
  if (valueName.includes("\0")) return ["POL_NUL_IN_VALUE_NAME", JSON.stringify(valueName)];
  if (!Number.isInteger(type) || type < 0 || type > 0xffffffff) return ["POL_BAD_TYPE", String(type)];
  if (data.length > MAX_DATA_SIZE)
    return ["POL_DATA_TOO_LARGE", detail("POL_DETAIL_BYTES", { count: data.length })];
  const size = fixedSize(type);
  if (size !== undefined && data.length !== size) {
    return ["POL_BAD_DATA_SIZE", detail("POL_DETAIL_TYPE_SIZE", { type, size, actual: data.length })];
  }
  if (isStringType(type) && data.length % 2 !== 0)
    return ["POL_ODD_STRING", detail("POL_DETAIL_BYTES", { count: data.length })];
  return undefined;
}

/**
 * Checks every entry against what Windows accepts; returns the problems found (at most one per entry),
 * in entry order, each naming its entry by `index`, `key` and `valueName`. Repeated keys are checked once.
 */
export function checkPolEntries(entries: readonly PolEntry[]): PolEncodeDiagnostic[] {
  const issues: PolEncodeDiagnostic[] = [];
  let lastGoodKey: string | undefined;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    let problem: Problem | undefined;
    if (entry.key !== lastGoodKey) {
      problem = checkKey(entry.key);
      if (problem === undefined) lastGoodKey = entry.key;
    }
    problem ??= checkRest(entry);
    if (problem !== undefined) {
      const [code, shown] = problem;
      const params = { index, key: entry.key, valueName: entry.valueName, detail: shown };
      issues.push({ ...diag(code, params), code, params });
    }
  }
  return issues;
}
