/**
 * Conversion between a {@link PolValue} and the (type, bytes) pair stored in Registry.pol.
 * Invariant: `encodeValue(decodeValue(type, data))` gives back exactly `type` and `data`; a typed value is
 * produced only when re-encoding it reproduces the bytes, anything else decodes to `RAW`.
 */
import { Buffer } from "node:buffer";
import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";
import { REG_TYPES, regTypeName } from "./types.js";
import type { PolValue } from "./types.js";
import { asBuffer, readTerminatedUtf16le, readUtf16le, utf16leBytes } from "./utf16le.js";

/** A value in its stored form. */
export interface EncodedValue {
  readonly type: number;
  readonly data: Uint8Array;
}

function refuse(detail: string): never {
  throw new AdmxkitError([diag("POL_BAD_VALUE", { detail })]);
}

function stringData(text: string): Uint8Array {
  if (text.includes("\0")) refuse("a registry string cannot contain NUL");
  return utf16leBytes(text + "\0");
}

function u32(value: number, bigEndian: boolean): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
    refuse(`${value} is not a 32-bit unsigned integer`);
  const out = Buffer.alloc(4);
  if (bigEndian) out.writeUInt32BE(value);
  else out.writeUInt32LE(value);
  return new Uint8Array(out.buffer, out.byteOffset, 4);
}

function u64(value: bigint): Uint8Array {
  if (value < 0n || value > 0xffffffffffffffffn) refuse(`${value} is not a 64-bit unsigned integer`);
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(value);
  return new Uint8Array(out.buffer, out.byteOffset, 8);
}

/**
 * Encodes a value: strings are UTF-16LE with their NUL (`""` → 2 bytes), MULTI_SZ is each string
 * NUL-terminated plus one final NUL (`[]` → 2 bytes), DWORD/QWORD little-endian, DWORD_BIG_ENDIAN
 * big-endian. Throws an {@link AdmxkitError} (`POL_BAD_VALUE`) for numbers out of range or NUL
 * inside a string.
 */
export function encodeValue(value: PolValue): EncodedValue {
  switch (value.type) {
    case "REG_SZ":
    case "REG_EXPAND_SZ":
      return { type: REG_TYPES[value.type], data: stringData(value.value) };
    case "REG_MULTI_SZ": {
      for (const item of value.value)
        if (item.includes("\0")) refuse("a REG_MULTI_SZ item cannot contain NUL");
      const text = value.value.map((item) => item + "\0").join("") + "\0";
      return { type: REG_TYPES.REG_MULTI_SZ, data: utf16leBytes(text) };
    }
    case "REG_DWORD":
      return { type: REG_TYPES.REG_DWORD, data: u32(value.value, false) };
    case "REG_DWORD_BIG_ENDIAN":
      return { type: REG_TYPES.REG_DWORD_BIG_ENDIAN, data: u32(value.value, true) };
    case "REG_QWORD":
      return { type: REG_TYPES.REG_QWORD, data: u64(value.value) };
    case "RAW":
      return { type: value.regType, data: value.value };
    default:
      return { type: REG_TYPES[value.type], data: value.value };
  }
}

function decodeMultiSz(data: Uint8Array): readonly string[] | undefined {
  const n = data.length;
  if (n < 2 || n % 2 !== 0 || data[n - 1] !== 0 || data[n - 2] !== 0) return undefined;
  if (n === 2) return [];
  // Every item carries its own NUL before the list's final NUL.
  if (data[n - 3] !== 0 || data[n - 4] !== 0) return undefined;
  return readUtf16le(asBuffer(data), 0, n - 4).split("\0");
}

function raw(type: number, data: Uint8Array): PolValue {
  return { type: "RAW", regType: type, value: data };
}

/**
 * Decodes stored data by its type number. Data that is not well-formed for its type (wrong size, a
 * string without its NUL or with a NUL inside, odd string size) and unknown types give `RAW`. Byte
 * values share `data` (no copy).
 */
export function decodeValue(type: number, data: Uint8Array): PolValue {
  const name = regTypeName(type);
  if (name === undefined) return raw(type, data);
  const view = asBuffer(data);
  switch (name) {
    case "REG_SZ":
    case "REG_EXPAND_SZ": {
      const text = readTerminatedUtf16le(data);
      return text === undefined || text.includes("\0") ? raw(type, data) : { type: name, value: text };
    }
    case "REG_MULTI_SZ": {
      const items = decodeMultiSz(data);
      return items === undefined ? raw(type, data) : { type: name, value: items };
    }
    case "REG_DWORD":
      return data.length === 4 ? { type: name, value: view.readUInt32LE(0) } : raw(type, data);
    case "REG_DWORD_BIG_ENDIAN":
      return data.length === 4 ? { type: name, value: view.readUInt32BE(0) } : raw(type, data);
    case "REG_QWORD":
      return data.length === 8 ? { type: name, value: view.readBigUInt64LE(0) } : raw(type, data);
    default:
      return { type: name, value: data };
  }
}
