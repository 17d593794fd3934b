/**
 * Constructors of ordinary value entries, for the policy compiler. Special instructions (`**del.` …) are
 * built in `actions.ts`.
 */
import type { PolEntry, PolValue } from "./types.js";
import { encodeValue } from "./value-codec.js";

/** An entry setting `valueName` under `key` to `value`. Throws `AdmxkitError` for unstorable values. */
export function valueEntry(key: string, valueName: string, value: PolValue): PolEntry {
  const { type, data } = encodeValue(value);
  return { key, valueName, type, data };
}

/** A REG_SZ entry. */
export function szEntry(key: string, valueName: string, value: string): PolEntry {
  return valueEntry(key, valueName, { type: "REG_SZ", value });
}

/** A REG_EXPAND_SZ entry. */
export function expandSzEntry(key: string, valueName: string, value: string): PolEntry {
  return valueEntry(key, valueName, { type: "REG_EXPAND_SZ", value });
}

/** A REG_MULTI_SZ entry. */
export function multiSzEntry(key: string, valueName: string, value: readonly string[]): PolEntry {
  return valueEntry(key, valueName, { type: "REG_MULTI_SZ", value });
}

/** A REG_DWORD entry (0 … 0xFFFFFFFF). */
export function dwordEntry(key: string, valueName: string, value: number): PolEntry {
  return valueEntry(key, valueName, { type: "REG_DWORD", value });
}

/** A REG_QWORD entry (0 … 2^64-1). */
export function qwordEntry(key: string, valueName: string, value: bigint): PolEntry {
  return valueEntry(key, valueName, { type: "REG_QWORD", value });
}

/** A REG_BINARY entry. */
export function binaryEntry(key: string, valueName: string, value: Uint8Array): PolEntry {
  return valueEntry(key, valueName, { type: "REG_BINARY", value });
}
