import { describe, expect, it } from "vitest";
import { szEntry } from "../../src/pol/index.js";
import { encodeRegFile, formatRegText } from "../../src/formats/index.js";
import { wrapHex } from "../../src/formats/reg-file.js";
import { hex } from "../helpers/pol-kit.js";
import { K, SAMPLE } from "../helpers/sample-entries.js";

const EXPECTED = [
  "Windows Registry Editor Version 5.00",
  "",
  "[HKEY_LOCAL_MACHINE\\Software\\Policies\\Test]",
  "; **delvals.: Group Policy deletes every value of this key here (no .reg syntax)",
  '"Sz"="C:\\\\Path \\"q\\""',
  '"Exp"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,\\',
  "  25,00,5c,00,78,00,00,00",
  '"Multi"=hex(7):61,00,00,00,62,00,00,00,00,00',
  '"Dw"=dword:0000000a',
  '"Qw"=hex(b):00,00,00,00,01,00,00,00',
  '"Bin"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,\\',
  "  17,18,19,1a,1b,1c,1d,1e,1f,20,21,22,23,24,25,26,27,28,29,2a,2b,2c,2d,2e,2f,\\",
  "  30,31,32,33,34,35,36,37,38,39,3a,3b",
  '@="default"',
  '"Old"=-',
  '"x"=-',
  '"y"=-',
  "",
  "[-HKEY_LOCAL_MACHINE\\Software\\Policies\\Test\\Sub1]",
  "",
  "[-HKEY_LOCAL_MACHINE\\Software\\Policies\\Test\\Sub2]",
  "",
  "[HKEY_LOCAL_MACHINE\\Software\\Policies\\Test]",
  '"After"=dword:00000001',
  "",
  "[HKEY_LOCAL_MACHINE\\Software\\Policies\\Test\\Secure]",
  "; **SecureKey=1: Group Policy sets this key's permissions (no .reg syntax)",
  "; **soft.Soft: Group Policy sets this value only when it is absent:",
  '; "Soft"=dword:00000005',
  '"Be"=hex(5):00,00,00,01',
  "",
  "",
].join("\r\n");

describe(".reg export", () => {
  it("writes every type and deletion kind as regedit would", () => {
    expect(formatRegText(SAMPLE, "machine")).toBe(EXPECTED);
  });

  it("keeps lines within 80 characters", () => {
    for (const line of EXPECTED.split("\r\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("wraps hex like regedit's export of StuckRects3 (21 bytes, then 25 per line)", () => {
    const settings = hex(`30 00 00 00 fe ff ff ff 02 00 00 00 03 00 00 00 3e 00 00 00 28 00 00 00
      00 00 00 00 10 04 00 00 80 07 00 00 38 04 00 00 60 00 00 00 01 00 00 00`);
    expect(wrapHex('"Settings"=hex:', settings)).toEqual([
      '"Settings"=hex:30,00,00,00,fe,ff,ff,ff,02,00,00,00,03,00,00,00,3e,00,00,00,28,\\',
      "  00,00,00,00,00,00,00,10,04,00,00,80,07,00,00,38,04,00,00,60,00,00,00,01,00,\\",
      "  00,00",
    ]);
    expect(wrapHex('"Empty"=hex:', new Uint8Array(0))).toEqual(['"Empty"=hex:']);
  });

  it("uses HKEY_CURRENT_USER for the user hive and hex(1) for text with line breaks", () => {
    const text = formatRegText([szEntry(K, "T", "a\nb")], "user");
    expect(text).toBe(
      "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Policies\\Test]\r\n" +
        '"T"=hex(1):61,00,0a,00,62,00,00,00\r\n\r\n',
    );
  });

  it("encodes as UTF-16LE with a byte-order mark", () => {
    const bytes = encodeRegFile([szEntry(K, "Name", "日本")], "machine");
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x57, 0x00]);
    expect(Buffer.from(bytes.subarray(2)).toString("utf16le")).toBe(
      formatRegText([szEntry(K, "Name", "日本")], "machine"),
    );
  });
});
