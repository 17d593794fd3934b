/**
 * JSON input files (values files, bundles; issue 15 items 6 and 12): UTF-8 only, invalid bytes refused
 * with their offset, UTF-16/UTF-32 named instead of read as garbage, a key given twice in one object
 * refused with both positions, syntax errors coded and worded in both languages — and the strict reader
 * agrees with `JSON.parse` on every text that has no duplicate key.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { decodeJsonBytes, firstInvalidUtf8 } from "../../src/io/json-bytes.js";
import { parseJsonText } from "../../src/io/json-text.js";
import { readValuesFile } from "../../src/values/read-values.js";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { expectTypedDiagnostic } from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

describe("bytes: UTF-8 only", () => {
  it.each([
    ["a Latin-1 ö", Uint8Array.from([...utf8('{"a":"'), 0xf6, ...utf8('"}')]), 6, "0xF6"],
    ["a lone continuation byte", Uint8Array.from([...utf8("{}  "), 0x80]), 4, "0x80"],
    ["an overlong slash", Uint8Array.from([...utf8('["'), 0xc0, 0xaf, ...utf8('"]')]), 2, "0xC0"],
    ["a UTF-8 surrogate", Uint8Array.from([...utf8('["'), 0xed, 0xa0, 0x80, ...utf8('"]')]), 2, "0xED"],
    ["a truncated sequence at the end", Uint8Array.from([...utf8('"x'), 0xe3, 0x81]), 2, "0xE3"],
    ["after a BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("[1]"), 0xff]), 6, "0xFF"],
  ])("%s: JSON_INVALID_UTF8 at its byte offset", (_, bytes, offset, byte) => {
    const decoded = decodeJsonBytes(bytes, "v.json");
    expect(decoded).toMatchObject({
      ok: false,
      diagnostic: { code: "JSON_INVALID_UTF8", file: "v.json", params: { offset, byte } },
    });
    if (!decoded.ok) expectTypedDiagnostic(decoded.diagnostic);
  });

  it.each([
    ["UTF-16LE with a BOM", Buffer.from('\ufeff{"machine":{}}', "utf16le"), "UTF-16LE"],
    ["UTF-16LE without a BOM", Buffer.from('{"machine":{}}', "utf16le"), "UTF-16LE"],
    ["UTF-16BE with a BOM", Buffer.from('\ufeff{"machine":{}}', "utf16le").swap16(), "UTF-16BE"],
    ["UTF-16BE without a BOM", Buffer.from('{"machine":{}}', "utf16le").swap16(), "UTF-16BE"],
    ["UTF-32LE", Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]), "UTF-32LE"],
    ["UTF-32BE", Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b]), "UTF-32BE"],
  ])("%s: JSON_NOT_UTF8 names the encoding", (_, bytes, encoding) => {
    const decoded = decodeJsonBytes(bytes);
    expect(decoded).toMatchObject({ ok: false, diagnostic: { code: "JSON_NOT_UTF8", params: { encoding } } });
    if (!decoded.ok) expect(formatDiagnostic(decoded.diagnostic)).not.toContain("\0");
  });

  it("a UTF-8 byte order mark is dropped; the text is exact", () => {
    expect(decodeJsonBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{"a":"é"}')]))).toEqual({
      ok: true,
      text: '{"a":"é"}',
    });
  });

  it("the offset is where valid UTF-8 stops (property, against the platform decoder)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.string({ unit: "grapheme", maxLength: 8 }),
        (noise, text) => {
          const bytes = Uint8Array.from([...utf8(`[${JSON.stringify(text)}`), ...noise]);
          const offset = firstInvalidUtf8(bytes);
          let valid = true;
          try {
            strict.decode(bytes);
          } catch {
            valid = false;
          }
          expect(offset === -1).toBe(valid);
          if (offset < 0) return;
          expect(() => strict.decode(bytes.subarray(0, offset))).not.toThrow();
          expect(() => strict.decode(bytes.subarray(offset))).toThrow();
        },
      ),
      { numRuns: fuzzRuns(500) },
    );
  });
});

describe("text: strict JSON", () => {
  it("a key twice in one object: JSON_DUPLICATE_KEY with the path and both positions", () => {
    const text =
      '{\n  "machine": {\n    "ProxyServer": {"state": "enabled"},\n    "ProxyServer": {"state": "disabled"}\n  }\n}';
    const parsed = parseJsonText(text, "v.json");
    expect(parsed).toMatchObject({
      ok: false,
      diagnostics: [
        {
          code: "JSON_DUPLICATE_KEY",
          file: "v.json",
          line: 4,
          column: 5,
          params: { key: '"ProxyServer"', path: "machine.ProxyServer", line: 3, column: 5 },
        },
      ],
    });
    // Escapes count: "\u0061" is the key "a".
    expect(parseJsonText('{"a":1,"\\u0061":2}').ok).toBe(false);
    // The same key in different objects, and case variants, are different keys.
    expect(parseJsonText('{"a":{"b":1},"c":{"b":2},"A":3}').ok).toBe(true);
    expect(parseJsonText('[{"k":1},{"k":2}]').ok).toBe(true);
  });

  it.each([
    ["", "JSON_EMPTY"],
    ["{", "JSON_UNEXPECTED_END"],
    ['{"a"', "JSON_UNEXPECTED_END"],
    ['{"a" 1}', "JSON_EXPECTED_COLON"],
    ['{"a":}', "JSON_EXPECTED_VALUE"],
    ["{,}", "JSON_EXPECTED_KEY"],
    ["{'a':1}", "JSON_EXPECTED_KEY"],
    ['{"a":1 "b":2}', "JSON_EXPECTED_COMMA_BRACE"],
    ["[1 2]", "JSON_EXPECTED_COMMA_BRACKET"],
    ["[1,]", "JSON_EXPECTED_VALUE"],
    ["{} {}", "JSON_TRAILING"],
    ['"abc', "JSON_STRING_UNTERMINATED"],
    ['"a\u0000b"', "JSON_STRING_CONTROL"],
    ['"a\\qb"', "JSON_STRING_ESCAPE"],
    ['"\\u12G4"', "JSON_STRING_ESCAPE"],
    ["01", "JSON_BAD_NUMBER"],
    ["+1", "JSON_EXPECTED_VALUE"],
    ["1.", "JSON_BAD_NUMBER"],
    ["0x10", "JSON_BAD_NUMBER"],
    ["NaN", "JSON_EXPECTED_VALUE"],
    ["tru", "JSON_EXPECTED_VALUE"],
    ["\u0000{}", "JSON_EXPECTED_VALUE"],
  ])("%j → %s, worded in both languages with nothing raw", (text, code) => {
    const parsed = parseJsonText(text, "x.json");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics.map((d) => d.code)).toEqual([code]);
    for (const d of parsed.diagnostics) {
      expectTypedDiagnostic(d);
      for (const locale of ["en-US", "ja-JP"] as const)
        expect(formatDiagnostic(d, locale)).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it("agrees with JSON.parse on any JSON value, whatever the white space (property)", () => {
    const ws = fc.constantFrom("", " ", "\n", "\r\n", "\t", "  \n ");
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), ws, ws, (value, indent, around) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = parseJsonText(`${around}${text}${around}`);
        // JSON.stringify writes every double so that it parses back to itself: no number to keep as text.
        expect(parsed).toEqual({ ok: true, value: JSON.parse(text), written: new Map() });
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("accepts exactly what JSON.parse accepts, less duplicate keys, on mutated texts (property)", () => {
    const base = JSON.stringify({
      machine: { P: { state: "enabled", options: { a: [1, -2.5e3, "x\\y\u00e9"], b: null, c: true } } },
    });
    const mutated = fc
      .tuple(fc.nat(base.length), fc.nat(3), fc.string({ unit: "binary-ascii", maxLength: 3 }))
      .map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: "binary-ascii", maxLength: 12 })), (text) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(text);
        } catch {
          nativeOk = false;
        }
        const ours = parseJsonText(text);
        if (ours.ok) {
          expect(nativeOk).toBe(true);
          expect(ours.value).toEqual(native);
        } else if (nativeOk) {
          expect(
            ours.diagnostics.every((d) => d.code === "JSON_DUPLICATE_KEY" || d.code === "JSON_EMPTY"),
          ).toBe(true);
        }
      }),
      { numRuns: fuzzRuns(1000) },
    );
  });

  it("keeps the text of each number a double does not hold, by its path", () => {
    const text =
      '{"a": [1, 9007199254740993, {"b": 1e999}], "c": 18446744073709551615, "d": 1e-999, "e": 0.1, "f": 1E2}';
    const parsed = parseJsonText(text);
    expect(parsed.ok && [...parsed.written]).toEqual([
      ['["a",1]', "9007199254740993"],
      ['["a",2,"b"]', "1e999"],
      ['["c"]', "18446744073709551615"],
      ['["d"]', "1e-999"],
    ]);
    const root = parseJsonText("-1e999");
    expect(root.ok && [...root.written]).toEqual([["[]", "-1e999"]]);
  });

  it("a text nested 100,000 levels deep is read without a stack overflow", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(parseJsonText(deep).ok).toBe(true);
    expect(parseJsonText(deep.slice(0, -1)).ok).toBe(false);
  });
});

describe("values files end to end", () => {
  it("readValuesFile refuses invalid UTF-8 instead of compiling U+FFFD", async () => {
    const dir = await tempDir();
    const file = join(dir, "v.json");
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from('{"machine":{"ProxyServer":{"state":"enabled","options":{"ProxyServer":"http://pr'),
        Buffer.from([0xf6]),
        Buffer.from('xy:8080"}}}}'),
      ]),
    );
    await expect(readValuesFile(file)).rejects.toMatchObject({
      diagnostics: [{ code: "JSON_INVALID_UTF8", params: { offset: 80 } }],
    });
  });

  it("pol: UTF-16 named, a duplicate key refused, both without output (en-US and ja-JP)", async () => {
    const dir = await tempDir();
    const example = join(REPO_ROOT, "examples", "defender-proxy.values.json");
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(example, "utf8");
    await writeFile(join(dir, "utf16.json"), Buffer.from(`\ufeff${text}`, "utf16le"));
    await writeFile(
      join(dir, "twice.json"),
      text.replace('"machine": {', '"machine": {\n    "ProxyServer": { "state": "disabled" },'),
    );
    const utf16 = await runCli(["pol", "--values", "utf16.json", "--out", "R.pol"], { cwd: dir });
    expect(utf16.code).toBe(1);
    expect(utf16.stderr).toContain("utf16.json: error JSON_NOT_UTF8: the file is encoded in UTF-16LE");
    expect(utf16.stderr).not.toContain("\0");
    const twice = await runCli(["pol", "--values", "twice.json", "--out", "R.pol", "--lang", "ja-JP"], {
      cwd: dir,
    });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(
      /twice\.json:\d+:\d+: エラー JSON_DUPLICATE_KEY: 1 つのオブジェクトにキー "ProxyServer" が 2 回出てきます \(machine\.ProxyServer。1 回目は 3 行 5 列\)/,
    );
    const { readdir } = await import("node:fs/promises");
    expect((await readdir(dir)).sort()).toEqual(["twice.json", "utf16.json"]);
  });
});
