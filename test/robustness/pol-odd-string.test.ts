/**
 * A string entry (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ) whose size is odd cannot be UTF-16, but it is a
 * well-formed record: the reader keeps it as raw bytes with its size, as it keeps an unterminated
 * string, and the rest of the file stays readable — through the built binary, for every command that
 * reads a Registry.pol. (Before, the whole file was refused with POL_FILE_INVALID.)
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePol, encodePol } from "../../src/pol/index.js";
import { runCli, tempDir } from "../helpers/cli.js";

/** One Registry.pol record with any data (the encoder refuses odd strings, so it is built here). */
function record(key: string, valueName: string, type: number, data: Uint8Array): Buffer {
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const text = (s: string) => Buffer.from(s, "utf16le");
  return Buffer.concat([
    text(`[${key}\0;${valueName}\0;`),
    u32(type),
    text(";"),
    u32(data.length),
    text(";"),
    data,
    text("]"),
  ]);
}

const KEY = "Software\\Policies\\Contoso";
const HEADER = Buffer.from("PReg\x01\x00\x00\x00", "latin1");
/** "ab" and half of its NUL: 5 bytes. */
const ODD = Uint8Array.of(0x61, 0x00, 0x62, 0x00, 0x00);

/** A DWORD, a REG_SZ of 5 bytes, a REG_MULTI_SZ of 3 bytes and a DWORD. */
const FILE = Buffer.concat([
  HEADER,
  record(KEY, "Before", 4, Uint8Array.of(1, 0, 0, 0)),
  record(KEY, "Odd", 1, ODD),
  record(KEY, "OddList", 7, Uint8Array.of(0x61, 0x00, 0x00)),
  record(KEY, "After", 4, Uint8Array.of(2, 0, 0, 0)),
]);

async function polFile(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir("admxkit-odd-string-");
  const file = join(dir, "Registry.pol");
  await writeFile(file, FILE);
  return { dir, file };
}

describe("an odd-sized string entry is kept as raw bytes", () => {
  it("decodePol keeps it with its size and re-encodes the same bytes", () => {
    const decoded = decodePol(FILE);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.entries.map((e) => [e.valueName, e.type, e.data.length])).toEqual([
      ["Before", 4, 4],
      ["Odd", 1, 5],
      ["OddList", 7, 3],
      ["After", 4, 4],
    ]);
    // The writer still refuses what Windows' tools do not write.
    expect(() => encodePol(decoded.entries)).toThrow(/odd number of bytes/);
  });

  it("dump --json shows it as hex with its size, and the entries around it", async () => {
    const { file } = await polFile();
    const result = await runCli(["dump", file, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const records = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual([
      { key: KEY, valueName: "Before", type: "REG_DWORD", size: 4, data: 1 },
      { key: KEY, valueName: "Odd", type: "REG_SZ", size: 5, data: "6100620000" },
      { key: KEY, valueName: "OddList", type: "REG_MULTI_SZ", size: 3, data: "610000" },
      { key: KEY, valueName: "After", type: "REG_DWORD", size: 4, data: 2 },
    ]);
  });

  it("dump shows it in the table", async () => {
    const { file } = await polFile();
    const result = await runCli(["dump", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Odd\s+REG_SZ\s+5\s+6100620000/);
  });

  it("values --from keeps it as a raw entry and says compiling will refuse it (en-US and ja-JP)", async () => {
    const { dir, file } = await polFile();
    for (const [lang, words] of [
      ["en-US", /odd number of bytes/],
      ["ja-JP", /バイト数が奇数/],
    ] as const) {
      const out = join(dir, `${lang}.values.json`);
      const result = await runCli(["values", "--from", file, "--out", out, "--lang", lang]);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain("POL_FILE_INVALID");
      const unwritable = result.stderr.split("\n").filter((l) => l.includes("VALUES_FROM_UNWRITABLE"));
      expect(unwritable).toHaveLength(2);
      expect(unwritable[0]).toMatch(words);
      const values = JSON.parse(await readFile(out, "utf8")) as {
        registry: { machine: Record<string, unknown>[] };
      };
      expect(values.registry.machine).toContainEqual({
        key: KEY,
        valueName: "Odd",
        type: "REG_SZ",
        size: 5,
        data: "6100620000",
      });
    }
  });

  it("diff of the file against itself runs and finds no difference", async () => {
    const { file } = await polFile();
    const result = await runCli(["diff", file, file]);
    expect(result.stderr).not.toContain("POL_FILE_INVALID");
    expect(result.code).toBe(0);
  });
});
