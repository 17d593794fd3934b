/**
 * `admxkit validate` on a store holding hostile files: exit code 1, every finding as a diagnostic line
 * (or a JSON line with --json) naming the file — never a stack trace.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';
const NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";
const admx = (inner: string) =>
  `${HEAD}<policyDefinitions xmlns="${NS}" revision="1.0" schemaVersion="1.0"><policyNamespaces><target prefix="h" namespace="Test.Hostile"/></policyNamespaces><resources minRequiredRevision="1.0"/>${inner}</policyDefinitions>`;

const FILES: [string, string | Uint8Array, string][] = [
  ["empty", "", "XML_ROOT_MISSING"],
  ["garbage", Uint8Array.from({ length: 512 }, (_, i) => (i * 151) & 255), ""],
  ["truncated", admx("<categories><category name=").slice(0, 300), "XML_ELEMENT_UNCLOSED"],
  ["doctype", admx("").replace(HEAD, `${HEAD}<!DOCTYPE x [<!ENTITY a "aaaa">]>`), "XML_DOCTYPE"],
  ["utf16-declared-utf8", Buffer.from(`\ufeff${admx("")}`, "utf16le"), "XML_ENCODING_MISMATCH"],
  ["deep", admx("<a>".repeat(5000) + "</a>".repeat(5000)), "XML_TOO_DEEP"],
  ["nul", admx("<categories>\u0000</categories>"), "XML_CHAR_INVALID"],
];

describe("admxkit validate on hostile files", () => {
  it.each(FILES.map(([name, content, code]) => [name, code, content] as const))(
    "%s.admx → exit 1, %s",
    async (name, code, content) => {
      const dir = await tempDir();
      const store = join(dir, "PolicyDefinitions");
      await mkdir(join(store, "en-US"), { recursive: true });
      await writeFile(join(store, `${name}.admx`), content);
      const result = await runCli(["validate", store]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`${name}.admx`);
      expect(result.stderr).toMatch(/\berror\s+[A-Z_]+\s/);
      if (code) expect(result.stderr).toContain(code);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toMatch(/\b(TypeError|RangeError|Error:)/);

      const json = await runCli(["validate", store, "--json"]);
      expect(json.code).toBe(1);
      const lines = json.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(lines.some((l) => l.severity === "error" && typeof l.code === "string")).toBe(true);
    },
  );
});
