/**
 * Property: for random structural mutations of a schema-valid ADMX and ADML (lines deleted, duplicated
 * or swapped, attributes dropped, added or changed, stray text), admxkit's structural verdict equals
 * xmllint's, except where a listed tolerance (warning) explains the difference. Runs:
 * ADMXKIT_FUZZ_RUNS (default 60 per file). The mutations are drawn first (seed printed on failure) and
 * xmllint judges them all in one run: compiling the schema per document would cost half a second each.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { xmllintVerdicts } from "../helpers/xsd.js";
import { FIXTURES } from "../helpers/fixture-markers.js";

const RUNS = Number(process.env.ADMXKIT_FUZZ_RUNS ?? 60);
// XSD_UNKNOWN_ATTRIBUTE: GPMC ignores attributes it does not know, a warning since issue 10.
const TOLERATED = new Set([
  "XSD_TOLERATED_ATTRIBUTE",
  "XSD_UNKNOWN_ATTRIBUTE",
  "XSD_STRAY_TEXT",
  "XSD_ID_HYPHEN",
  "XSD_LABEL_TEXT",
  // Vendors' templates GPMC loads: an empty default, spaces or dots in a prefix, a line break inside an
  // empty element, a `<string>` value over 255 characters.
  "XSD_DEFAULT_EMPTY",
  "XSD_ID_PREFIX",
  "XSD_EMPTY_WHITESPACE",
  "XSD_STRING_TOO_LONG",
]);
const STRICTER = new Set(["XML_DOCTYPE", "ADMX_ROOT_MISMATCH"]);

const VALUES = [
  "",
  "x",
  "-1",
  "+3",
  " 7 ",
  "1.0",
  "1.04.0000",
  "true",
  "TRUE",
  "Both",
  "$(string.A)",
  "$(string.A-B)",
  "a.b",
  "a-b",
  "4294967296",
  "18446744073709551616",
  "{35378EAC-683F-11D2-A89A-00C04FBBCFA2}",
  "en_US",
];
const NAMES = [
  "foo",
  "required",
  "minValue",
  "maxValue",
  "clientExtension",
  "key",
  "valueName",
  "soft",
  "ref",
  "spin",
];

type Mutation =
  | { op: "delete" | "duplicate" | "swap" | "text"; line: number }
  | { op: "drop"; line: number; attr: number }
  | { op: "set"; line: number; attr: number; value: string }
  | { op: "add"; line: number; name: string; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("delete", "duplicate", "swap", "text"), line: fc.nat() }),
  fc.record({ op: fc.constant("drop"), line: fc.nat(), attr: fc.nat() }),
  fc.record({ op: fc.constant("set"), line: fc.nat(), attr: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({
    op: fc.constant("add"),
    line: fc.nat(),
    name: fc.constantFrom(...NAMES),
    value: fc.constantFrom(...VALUES),
  }),
) as fc.Arbitrary<Mutation>;

/** A line holding one whole element (`<a …/>` or `<a …>…</a>`): safe to delete, copy or move. */
const WHOLE = /^\s*<([A-Za-z]+)\b[^<>]*(?:\/>|>[^<]*<\/\1>)\s*$/;
const ATTRIBUTE = /\s([A-Za-z:]+)="([^"]*)"/g;

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const whole = out.map((l, i) => (WHOLE.test(l) ? i : -1)).filter((i) => i >= 0);
  const tagged = out.map((l, i) => (/<[A-Za-z][^>]*\s[A-Za-z]+="/.test(l) ? i : -1)).filter((i) => i > 1);
  if (m.op !== "add" && m.op !== "drop" && m.op !== "set") {
    const i = whole[m.line % whole.length]!;
    if (m.op === "delete") out.splice(i, 1);
    if (m.op === "duplicate") out.splice(i, 0, out[i]!);
    if (m.op === "swap" && WHOLE.test(out[i + 1] ?? "")) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
    if (m.op === "text") out.splice(i, 0, "  stray");
    return out;
  }
  const i = tagged[m.line % tagged.length]!;
  const line = out[i]!;
  const attributes = [...line.matchAll(ATTRIBUTE)];
  if (m.op === "add") {
    out[i] = line.replace(/^(\s*<[A-Za-z]+)/, `$1 ${m.name}="${m.value}"`);
    if ([...out[i]!.matchAll(ATTRIBUTE)].filter((a) => a[1] === m.name).length > 1) out[i] = line; // keep it well-formed
    return out;
  }
  const target = attributes[m.attr % attributes.length]!;
  const replacement = m.op === "set" ? ` ${target[1]}="${m.value}"` : "";
  out[i] = line.slice(0, target.index) + replacement + line.slice(target.index! + target[0].length);
  return out;
}

function agree(name: string, text: string, valid: boolean, context: string): void {
  const found: Diagnostic[] = (name.endsWith(".adml") ? parseAdml(text, name) : parseAdmx(text, name))
    .diagnostics;
  const structural = found.filter(
    (d) =>
      d.severity === "error" && /^(XML_|XSD_|ADMX_REVISION_INVALID)/.test(d.code) && !STRICTER.has(d.code),
  );
  const tolerated = found.filter((d) => TOLERATED.has(d.code));
  if (valid) {
    expect(structural, `${context}: xmllint accepts:\n${text}`).toEqual([]);
    expect(tolerated, `${context}: tolerance where xmllint accepts:\n${text}`).toEqual([]);
  } else if (structural.length === 0) {
    expect(tolerated.length, `${context}: xmllint rejects:\n${text}`).toBeGreaterThan(0);
  }
}

describe("random mutations: admxkit and xmllint agree", () => {
  for (const file of ["Kitchen.admx", "en-US/Kitchen.adml"]) {
    it(
      file,
      async () => {
        const lines = readFileSync(join(FIXTURES, "stores", "valid", file), "utf8").split("\r\n");
        const seed = Date.now() ^ (Math.random() * 0x7fffffff);
        const texts = fc
          .sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { numRuns: RUNS, seed })
          .map((mutations) => mutations.reduce(apply, lines).join("\r\n"));
        const extension = file.slice(file.lastIndexOf("."));
        const named = texts.map((contents, i) => ({ fileName: `mutation-${i}${extension}`, contents }));
        const verdicts = await xmllintVerdicts(named);
        named.forEach(({ fileName, contents }) =>
          agree(file, contents, verdicts.get(fileName)!, `${fileName} (seed ${seed})`),
        );
        // About 3 ms a document: `npm run fuzz` (20,000) needs more than the default 30 s.
      },
      30_000 + RUNS * 10,
    );
  }
});
