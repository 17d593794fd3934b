/**
 * `admxkit build --bundle <hostile file>`: every bad bundle ends in exit code 1 with a diagnostic on
 * stderr that names the file — never a stack trace, never output on stdout, never a file written.
 */
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { deepJson } from "../helpers/hostile-kit.js";

const json = (edit: (b: any) => void) => {
  const b: any = smallBundle();
  edit(b);
  return JSON.stringify(b);
};

/** Hostile bundle files: name, content, and the code stderr must show. */
const FILES: [string, string | Uint8Array, string][] = [
  ["truncated.json", JSON.stringify(smallBundle()).slice(0, 200), "JSON_STRING_UNTERMINATED"],
  ["truncated-value.json", JSON.stringify(smallBundle()).slice(0, 6), "JSON_UNEXPECTED_END"],
  ["empty.json", "", "JSON_EMPTY"],
  // 00 25 4A…: the NUL pattern of UTF-16BE text; it is named rather than read as garbage.
  ["binary.json", Uint8Array.from({ length: 256 }, (_, i) => (i * 37) & 255), "JSON_NOT_UTF8"],
  [
    "latin1.json",
    Buffer.from(JSON.stringify(smallBundle()).replace("Proxy", "Pr\u00f6xy"), "latin1"),
    "JSON_INVALID_UTF8",
  ],
  ["utf16.json", Buffer.from(`\ufeff${JSON.stringify(smallBundle())}`, "utf16le"), "JSON_NOT_UTF8"],
  [
    "duplicate.json",
    JSON.stringify(smallBundle()).replace('"id":', '"id":"twice","id":'),
    "JSON_DUPLICATE_KEY",
  ],
  ["null.json", "null", "MODEL_INVALID"],
  ["number.json", "1e999", "MODEL_INVALID"],
  [
    "huge-number.json",
    json((b) => (b.policies[0].elements[1].items[0].value.value = 1e300)),
    "MODEL_INVALID",
  ],
  ["nul-text.json", json((b) => (b.locales["en-US"].Proxy = "a\u0000b")), "TEXT_INVALID_CHAR"],
  ["surrogate-text.json", json((b) => (b.locales["ja-JP"].Proxy = "\ud800")), "TEXT_INVALID_CHAR"],
  [
    "proto-top.json",
    json((b) => (b.fileName = "../x")).replace(/^\{/, '{"__proto__":{"polluted":1},'),
    "MODEL_INVALID",
  ],
  ["constructor-string.json", json((b) => (b.policies[0].displayName = "constructor")), "STRING_MISSING"],
  ["proto-string.json", json((b) => (b.policies[0].explainText = "__proto__")), "STRING_MISSING"],
  ["deep.json", json(() => {}).replace('"policies":[', `"policies":[${deepJson(100_000)},`), "MODEL_INVALID"],
  [
    "deep-text.json",
    json(() => {}).replace('"Proxy":"Proxy"', `"Proxy":${deepJson(100_000)}`),
    "MODEL_INVALID",
  ],
  [
    "wrong-types.json",
    JSON.stringify({ id: 1, fileName: [], policies: "all", locales: null }),
    "MODEL_INVALID",
  ],
];

/** JavaScript bundles: values JSON cannot carry. */
const MODULES: [string, string, string][] = [
  [
    "bigint.mjs",
    `const b = ${json(() => {})};\nb.policies[0].elements[1].items[0].value = { type: "longDecimal", value: 2n ** 70n };\nexport default b;`,
    "MODEL_INVALID",
  ],
  [
    "cyclic.mjs",
    `const b = ${json(() => {})};\nb.policies[0].elements[0].self = b.policies[0].elements[0];\nexport default b;`,
    "MODEL_INVALID",
  ],
  [
    "throwing-getter.mjs",
    `const b = ${json(() => {})};\nObject.defineProperty(b.policies[0], "name", { enumerable: true, get() { throw new Error("boom"); } });\nexport default b;`,
    "",
  ],
];

async function expectRefused(file: string, content: string | Uint8Array, code: string): Promise<void> {
  const dir = await tempDir();
  await writeFile(join(dir, file), content);
  const result = await runCli(["build", "--bundle", file, "--out", "out"], { cwd: dir });
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^\S.* error [A-Z0-9_]+: /m);
  expect(result.stderr).toContain(file);
  if (code) expect(result.stderr).toContain(`error ${code}:`);
  // A diagnostic, not a crash: no stack frames, no JavaScript error names.
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/\b(TypeError|RangeError|SyntaxError|ReferenceError)\b/);
  expect(await readdir(dir)).toEqual([file]);
}

describe("admxkit build refuses hostile JSON bundles", () => {
  const cases = FILES.map(([file, content, code]) => [file, code, content] as const);
  it.each(cases)("%s → exit 1, %s", async (file, code, content) => {
    await expectRefused(file, content, code);
  });
});

describe("admxkit build refuses hostile JavaScript bundles", () => {
  const cases = MODULES.map(([file, content, code]) => [file, code, content] as const);
  it.each(cases)("%s → exit 1 with a diagnostic %s", async (file, code, content) => {
    await expectRefused(file, content, code);
  });
});
