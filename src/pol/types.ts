/**
 * Registry value types and the two views of a Registry.pol entry: the raw {@link PolEntry} (bytes as
 * stored) and the decoded {@link PolValue}.
 */

/** Registry value type numbers from WinNT.h, by name. */
export const REG_TYPES = {
  REG_NONE: 0,
  REG_SZ: 1,
  REG_EXPAND_SZ: 2,
  REG_BINARY: 3,
  REG_DWORD: 4,
  REG_DWORD_BIG_ENDIAN: 5,
  REG_LINK: 6,
  REG_MULTI_SZ: 7,
  REG_RESOURCE_LIST: 8,
  REG_FULL_RESOURCE_DESCRIPTOR: 9,
  REG_RESOURCE_REQUIREMENTS_LIST: 10,
  REG_QWORD: 11,
} as const;

/** A registry value type name such as `"REG_SZ"`. */
export type RegTypeName = keyof typeof REG_TYPES;

const NAMES_BY_NUMBER: ReadonlyMap<number, RegTypeName> = new Map(
  (Object.keys(REG_TYPES) as RegTypeName[]).map((name) => [REG_TYPES[name], name]),
);

/** The name of a registry type number, or `undefined` for numbers WinNT.h does not define. */
export function regTypeName(type: number): RegTypeName | undefined {
  return NAMES_BY_NUMBER.get(type);
}

/**
 * One Registry.pol instruction exactly as stored: key path (without hive), value name, type number and
 * the data bytes. Special value names (`**del.X`, `**delvals.` …) are kept as plain names here; see
 * `classifyEntry` for their meaning.
 */
export interface PolEntry {
  readonly key: string;
  readonly valueName: string;
  readonly type: number;
  readonly data: Uint8Array;
}

/** Types whose decoded value is the raw bytes. */
export type BytesTypeName =
  | "REG_NONE"
  | "REG_BINARY"
  | "REG_LINK"
  | "REG_RESOURCE_LIST"
  | "REG_FULL_RESOURCE_DESCRIPTOR"
  | "REG_RESOURCE_REQUIREMENTS_LIST";

/**
 * A decoded registry value. `RAW` holds data that cannot be read as its declared type (an unknown type
 * number, or bytes that are not well-formed for it, e.g. a DWORD of 3 bytes or a string without its
 * NUL), so that every entry has a lossless decoded form.
 */
export type PolValue =
  | { readonly type: "REG_SZ"; readonly value: string }
  | { readonly type: "REG_EXPAND_SZ"; readonly value: string }
  | { readonly type: "REG_MULTI_SZ"; readonly value: readonly string[] }
  | { readonly type: "REG_DWORD"; readonly value: number }
  | { readonly type: "REG_DWORD_BIG_ENDIAN"; readonly value: number }
  | { readonly type: "REG_QWORD"; readonly value: bigint }
  | { readonly type: BytesTypeName; readonly value: Uint8Array }
  | { readonly type: "RAW"; readonly regType: number; readonly value: Uint8Array };

/** Which Registry.pol a list of entries belongs to: Machine (applies to HKLM) or User (HKCU). */
export type PolHive = "machine" | "user";
