import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { visibleText } from "../../src/i18n/visible-text.js";
import { encodePol, type PolEntry } from "../../src/pol/index.js";
import { formatPolTable } from "../../src/formats/index.js";
import { runCli, tempDir } from "../helpers/cli.js";

/** Every character a terminal acts on, and none of them may come out raw (issue 15.8). */
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE: PolEntry = {
  key: "Software\\Evil\u001b[31mRED\u202e",
  valueName: "a\rforged\nrow\tx\u0085",
  type: 1,
  data: new Uint8Array([0x78, 0, 0, 0]),
};

describe("terminal control characters are shown, never obeyed", () => {
  it("visibleText writes each control visibly and keeps backslashes", () => {
    expect(visibleText("Software\\A\u001b[2J\r\n\t\u0000\u007f\u009b\u2028\u202e\u2066")).toBe(
      "Software\\A\\u001b[2J\\r\\n\\t\\u0000\\u007f\\u009b\\u2028\\u202e\\u2066",
    );
    expect(visibleText("日本語 Software\\Policies")).toBe("日本語 Software\\Policies");
  });

  it("the dump table keeps one line per entry with the names escaped", () => {
    const lines = formatPolTable([HOSTILE]).trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain("Software\\Evil\\u001b[31mRED\\u202e");
    expect(lines[2]).toContain("a\\rforged\\nrow\\tx\\u0085");
    for (const line of lines) expect(line).not.toMatch(RAW_CONTROL);
  });

  it("dump's table and the diagnostics about values-file keys print no raw control (binary)", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "evil.pol"), encodePol([HOSTILE]));
    const dump = await runCli(["dump", "evil.pol"], { cwd });
    expect(dump.code).toBe(0);
    expect(dump.stdout.trimEnd().split("\n")).toHaveLength(3);
    for (const line of dump.stdout.trimEnd().split("\n")) expect(line).not.toMatch(RAW_CONTROL);
    await writeFile(
      join(cwd, "v.json"),
      JSON.stringify({ machine: { "Pro\u001bxy\u0000": { state: "enabled" } } }),
    );
    const pol = await runCli(["pol", "--values", "v.json", "--out", "R.pol", "--lang", "ja-JP"], { cwd });
    expect(pol.code).toBe(1);
    expect(pol.stderr).toContain("Pro\\u001bxy\\u0000");
    expect(pol.stderr.replace(/\n/g, "")).not.toMatch(RAW_CONTROL);
  });
});
