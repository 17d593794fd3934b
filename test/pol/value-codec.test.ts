import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue, REG_TYPES, regTypeName } from "../../src/pol/index.js";
import type { PolValue } from "../../src/pol/index.js";
import { hex, toHex } from "../helpers/pol-kit.js";

describe("encodeValue", () => {
  it.each<[string, PolValue, number, string]>([
    ["empty REG_SZ is its NUL", { type: "REG_SZ", value: "" }, 1, "00 00"],
    ["REG_SZ", { type: "REG_SZ", value: "ab" }, 1, "61 00 62 00 00 00"],
    ["REG_EXPAND_SZ", { type: "REG_EXPAND_SZ", value: "%A%" }, 2, "25 00 41 00 25 00 00 00"],
    ["empty MULTI_SZ is one NUL", { type: "REG_MULTI_SZ", value: [] }, 7, "00 00"],
    ["MULTI_SZ of one empty string", { type: "REG_MULTI_SZ", value: [""] }, 7, "00 00 00 00"],
    ["MULTI_SZ", { type: "REG_MULTI_SZ", value: ["a", "bc"] }, 7, "61 00 00 00 62 00 63 00 00 00 00 00"],
    ["DWORD little-endian", { type: "REG_DWORD", value: 0x01020304 }, 4, "04 03 02 01"],
    ["DWORD max", { type: "REG_DWORD", value: 0xffffffff }, 4, "ff ff ff ff"],
    ["DWORD_BIG_ENDIAN", { type: "REG_DWORD_BIG_ENDIAN", value: 0x01020304 }, 5, "01 02 03 04"],
    ["QWORD", { type: "REG_QWORD", value: 0xfedcba9876543210n }, 11, "10 32 54 76 98 ba dc fe"],
    ["BINARY", { type: "REG_BINARY", value: hex("00 ff") }, 3, "00 ff"],
    ["NONE", { type: "REG_NONE", value: new Uint8Array(0) }, 0, ""],
    ["RAW keeps type and bytes", { type: "RAW", regType: 0x4242, value: hex("01") }, 0x4242, "01"],
  ])("%s", (_, value, type, bytes) => {
    const encoded = encodeValue(value);
    expect(encoded.type).toBe(type);
    expect(toHex(encoded.data)).toBe(bytes);
    expect(decodeValue(encoded.type, encoded.data)).toEqual(value);
  });
});

describe("decodeValue", () => {
  it.each<[string, number, string]>([
    ["REG_SZ without its NUL", 1, "61 00"],
    ["REG_SZ with a NUL inside", 1, "61 00 00 00 62 00 00 00"],
    ["odd REG_SZ", 1, "61 00 00"],
    ["empty REG_SZ data", 1, ""],
    ["MULTI_SZ whose last item lacks its NUL", 7, "61 00 00 00"],
    ["MULTI_SZ without the final NUL", 7, "61 00"],
    ["3-byte DWORD", 4, "01 02 03"],
    ["7-byte QWORD", 11, "01 02 03 04 05 06 07"],
    ["unknown type", 99, "01"],
  ])("gives RAW for %s", (_, type, bytes) => {
    const data = hex(bytes);
    const value = decodeValue(type, data);
    expect(value).toEqual({ type: "RAW", regType: type, value: data });
    expect(encodeValue(value)).toEqual({ type, data });
  });

  it("keeps lone surrogates (Buffer's UTF-16LE, unlike TextDecoder, does not replace them)", () => {
    const data = hex("00 d8 41 00 00 00");
    expect(decodeValue(1, data)).toEqual({ type: "REG_SZ", value: "\ud800A" });
    expect(toHex(encodeValue({ type: "REG_SZ", value: "\ud800A" }).data)).toBe("00 d8 41 00 00 00");
  });

  it("names the type numbers", () => {
    expect(regTypeName(REG_TYPES.REG_QWORD)).toBe("REG_QWORD");
    expect(regTypeName(6)).toBe("REG_LINK");
    expect(regTypeName(12)).toBeUndefined();
  });
});
