import { describe, expect, it } from "vitest";
import {
  createKeyEntry,
  decodePolOrThrow,
  delEntry,
  delvalsEntry,
  dwordEntry,
  encodePol,
  multiSzEntry,
  qwordEntry,
  szEntry,
} from "../../src/pol/index.js";
import { hex, toHex } from "../helpers/pol-kit.js";

// Expected bytes written by hand from MS-GPREG §2.2.1: "PReg", version 1 LE, then
// '[' key NUL ';' name NUL ';' type u32 ';' size u32 ';' data ']' with UTF-16LE delimiters.
const HEADER = "50 52 65 67 01 00 00 00";

describe("encodePol golden bytes", () => {
  it("writes only the header for no entries", () => {
    expect(toHex(encodePol([]))).toBe(toHex(hex(HEADER)));
  });

  it("writes one **del.X entry as Microsoft does (REG_SZ ' ' NUL, size 4)", () => {
    const expected = hex(`${HEADER}
      5b 00 | 4b 00 00 00 | 3b 00
      2a 00 2a 00 64 00 65 00 6c 00 2e 00 58 00 00 00 | 3b 00
      01 00 00 00 | 3b 00 | 04 00 00 00 | 3b 00
      20 00 00 00 | 5d 00`);
    expect(toHex(encodePol([delEntry("K", "X")]))).toBe(toHex(expected));
  });

  it("writes **delvals., a DWORD, a key-only entry and an empty REG_SZ", () => {
    const expected = hex(`${HEADER}
      5b 00 | 41 00 5c 00 42 00 00 00 | 3b 00
      2a 00 2a 00 64 00 65 00 6c 00 76 00 61 00 6c 00 73 00 2e 00 00 00 | 3b 00
      01 00 00 00 | 3b 00 | 04 00 00 00 | 3b 00 | 20 00 00 00 | 5d 00
      5b 00 | 41 00 5c 00 42 00 00 00 | 3b 00 | 4e 00 00 00 | 3b 00
      04 00 00 00 | 3b 00 | 04 00 00 00 | 3b 00 | 0a 00 00 00 | 5d 00
      5b 00 | 43 00 00 00 | 3b 00 | 00 00 | 3b 00
      00 00 00 00 | 3b 00 | 00 00 00 00 | 3b 00 | 5d 00
      5b 00 | 43 00 00 00 | 3b 00 | 00 00 | 3b 00
      01 00 00 00 | 3b 00 | 02 00 00 00 | 3b 00 | 00 00 | 5d 00`);
    const entries = [
      delvalsEntry("A\\B"),
      dwordEntry("A\\B", "N", 10),
      createKeyEntry("C"),
      szEntry("C", "", ""),
    ];
    const bytes = encodePol(entries);
    expect(toHex(bytes)).toBe(toHex(expected));
    expect(decodePolOrThrow(bytes)).toEqual(entries);
  });

  it("writes MULTI_SZ with each string's NUL plus a final NUL, and QWORD little-endian", () => {
    const expected = hex(`${HEADER}
      5b 00 | 4b 00 00 00 | 3b 00 | 4d 00 00 00 | 3b 00
      07 00 00 00 | 3b 00 | 0a 00 00 00 | 3b 00 | 61 00 00 00 62 00 00 00 00 00 | 5d 00
      5b 00 | 4b 00 00 00 | 3b 00 | 51 00 00 00 | 3b 00
      0b 00 00 00 | 3b 00 | 08 00 00 00 | 3b 00 | 08 07 06 05 04 03 02 01 | 5d 00`);
    const bytes = encodePol([multiSzEntry("K", "M", ["a", "b"]), qwordEntry("K", "Q", 0x0102030405060708n)]);
    expect(toHex(bytes)).toBe(toHex(expected));
  });

  it("writes non-BMP characters as surrogate pairs", () => {
    const expected = hex(`${HEADER}
      5b 00 | 4b 00 00 00 | 3b 00 | 3d d8 00 de 00 00 | 3b 00
      01 00 00 00 | 3b 00 | 06 00 00 00 | 3b 00 | e5 65 2c 67 00 00 | 5d 00`);
    expect(toHex(encodePol([szEntry("K", "😀", "日本")]))).toBe(toHex(expected));
  });
});
