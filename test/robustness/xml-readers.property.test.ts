/**
 * ADMX/ADML readers on hostile files: truncated, mutated, wrongly encoded, deeply nested, huge,
 * carrying a DTD (entity expansion, external entities) or names that are special on JavaScript
 * objects. Every outcome is a document and/or typed diagnostics — never an exception, a hang, an
 * expanded entity or a file read from outside the input.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { validateTemplates } from "../../src/lint/validate-templates.js";
import { parseAdml, parseAdmx, type ReadResult } from "../../src/read/read-file.js";
import { REPO_ROOT, tempDir } from "../helpers/cli.js";
import { distUrl, runBounded } from "../helpers/bounded-child.js";
import { expectLinearGrowth, growth, GROWTH_NODE_FLAGS, growthSource } from "../helpers/growth.js";
import {
  expectNoThrow,
  expectPrototypesIntact,
  expectTypedDiagnostic,
  prototypeSnapshot,
  PROTOTYPE_NAMES,
} from "../helpers/hostile-kit.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

const EXAMPLE = join(REPO_ROOT, "examples/custom-bundle/PolicyDefinitions");
const ADMX = readFileSync(join(EXAMPLE, "ContosoSync.admx"), "utf8");
const ADML = readFileSync(join(EXAMPLE, "en-US/ContosoSync.adml"), "utf8");
const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';
const NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";

/** A minimal ADMX around `inner` (after the resources element). */
function admx(inner: string, rootAttributes = ""): string {
  return `${HEAD}<policyDefinitions xmlns="${NS}" revision="1.0" schemaVersion="1.0"${rootAttributes}><policyNamespaces><target prefix="t" namespace="Test.Hostile"/></policyNamespaces><resources minRequiredRevision="1.0"/>${inner}</policyDefinitions>`;
}

type Reader = (input: Uint8Array | string, file: string) => ReadResult<unknown>;
let prototypes: string[][];
beforeAll(() => {
  prototypes = prototypeSnapshot();
});

/** Reads, and asserts the outcome is typed: no exception, diagnostics with wording, nothing leaked. */
function read(reader: Reader, input: Uint8Array | string, file = "hostile.admx"): ReadResult<unknown> {
  return expectTyped(expectNoThrow(() => reader(input, file)));
}

/** Asserts a read's outcome is typed (see {@link read}) and returns it. */
function expectTyped(result: ReadResult<unknown>): ReadResult<unknown> {
  if (!Array.isArray(result.diagnostics)) expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics) expectTypedDiagnostic(d);
  if (!result.document && !result.diagnostics.some((d) => d.severity === "error"))
    expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
  expectPrototypesIntact(prototypes);
  return result;
}

const codes = (r: ReadResult<unknown>) => r.diagnostics.map((d) => d.code);

/** XML-significant fragments the mutations insert. */
const TOKENS = [
  "<",
  ">",
  "&",
  "&amp;",
  "&lt",
  "&#0;",
  "&#xD800;",
  "&#x110000;",
  "&nbsp;",
  '"',
  "'",
  "=",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  '<?xml version="1.0"?>',
  "<!DOCTYPE x>",
  "</policy>",
  "<policy>",
  "<a:b>",
  ' xmlns:a="urn:a"',
  ' xmlns=""',
  "\0",
  "\u0007",
  "\uFFFE",
  "\ud800",
  "\r",
  "\u0085",
  "__proto__",
  "constructor",
  "$(string.constructor)",
  "$(presentation.__proto__)",
  "\uFEFF",
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
  }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
);

function mutate(text: string, m: typeof mutation extends fc.Arbitrary<infer T> ? T : never): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case "truncate":
      return text.slice(0, at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "duplicate":
      return text.slice(0, at + m.length) + text.slice(at);
  }
}

/** Text as bytes in one of the encodings files come in, possibly disagreeing with the declaration. */
const ENCODERS: Record<string, (text: string) => Uint8Array> = {
  utf8: (t) => new Uint8Array(Buffer.from(t, "utf8")),
  utf8bom: (t) => new Uint8Array(Buffer.from(`\uFEFF${t}`, "utf8")),
  utf16le: (t) => new Uint8Array(Buffer.from(`\uFEFF${t}`, "utf16le")),
  utf16leNoBom: (t) => new Uint8Array(Buffer.from(t, "utf16le")),
  utf16be: (t) => new Uint8Array(Buffer.from(`\uFEFF${t}`, "utf16le").swap16()),
  latin1: (t) => new Uint8Array(Buffer.from(t, "latin1")),
};

describe("mutated ADMX and ADML", () => {
  it.each([
    ["ADMX", parseAdmx, ADMX],
    ["ADML", parseAdml, ADML],
  ] as const)("%s: random truncations, deletions, insertions, encodings", (_, reader, original) => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...Object.keys(ENCODERS)),
        (edits, encoding) => {
          const text = edits.reduce(mutate, original);
          read(reader, ENCODERS[encoding]!(text));
          read(reader, text);
        },
      ),
      { numRuns: fuzzRuns(120) },
    );
  });

  it("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        read(parseAdmx, bytes);
        read(parseAdml, bytes);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it("every truncation of the ADML's first 3,000 characters", () => {
    for (let at = 0; at < Math.min(3000, ADML.length); at += 7)
      read(parseAdml, ADML.slice(0, at), "cut.adml");
  });
});

describe("encodings", () => {
  it.each([
    [
      "UTF-16LE with BOM, declared utf-16",
      ENCODERS.utf16le!(ADMX.replace('encoding="utf-8"', 'encoding="utf-16"')),
      [],
    ],
    [
      "UTF-16BE with BOM, declared utf-16",
      ENCODERS.utf16be!(ADMX.replace('encoding="utf-8"', 'encoding="utf-16"')),
      [],
    ],
    ["UTF-16LE declared utf-8", ENCODERS.utf16le!(ADMX), ["XML_ENCODING_MISMATCH"]],
    [
      "UTF-8 declared utf-16",
      ENCODERS.utf8!(ADMX.replace('encoding="utf-8"', 'encoding="utf-16"')),
      ["XML_ENCODING_MISMATCH"],
    ],
    [
      "invalid UTF-8 (Latin-1 é)",
      ENCODERS.latin1!(admx('<categories><category name="é" displayName="$(string.x)"/></categories>')),
      ["XML_ENCODING_INVALID_BYTES"],
    ],
    [
      "overlong UTF-8 NUL",
      new Uint8Array([...Buffer.from(HEAD), 0xc0, 0x80]),
      ["XML_ENCODING_INVALID_BYTES"],
    ],
    [
      "a surrogate encoded in UTF-8 (CESU)",
      new Uint8Array([...Buffer.from(admx("")).subarray(0, 60), 0xed, 0xa0, 0x80]),
      ["XML_ENCODING_INVALID_BYTES"],
    ],
    ["a UTF-32 byte order mark", new Uint8Array([0xff, 0xfe, 0, 0, ...Buffer.from(ADMX, "utf16le")]), []],
    [
      "an unknown declared encoding",
      ENCODERS.utf8!(ADMX.replace('encoding="utf-8"', 'encoding="ebcdic-cp-us"')),
      ["XML_ENCODING_UNSUPPORTED"],
    ],
  ] as [string, Uint8Array, string[]][])("%s", (_, bytes, expected) => {
    const result = read(parseAdmx, bytes);
    for (const code of expected) expect(codes(result)).toContain(code);
  });
});

describe("DTDs: no entity is ever expanded, no external file is ever read", () => {
  let laughs = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) laughs += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  const useLaughs = '<categories><category name="a" displayName="&lol9;"/></categories>';

  it.each([
    ["billion laughs", `<!DOCTYPE p [${laughs}]>${admx(useLaughs).slice(HEAD.length)}`],
    [
      "billion laughs behind an empty DOCTYPE",
      `<!DOCTYPE p><!DOCTYPE p [${laughs}]>${admx(useLaughs).slice(HEAD.length)}`,
    ],
    ["lowercase doctype", `<!doctype p [${laughs}]>${admx(useLaughs).slice(HEAD.length)}`],
    ["DOCTYPE inside the root element", admx(`<!DOCTYPE p [${laughs}]>${useLaughs}`).slice(HEAD.length)],
    [
      "quadratic blow-up (one big entity used many times)",
      `<!DOCTYPE p [<!ENTITY a "${"x".repeat(50_000)}">]>${admx(`<categories><category name="a" displayName="${"&a;".repeat(50_000)}"/></categories>`).slice(HEAD.length)}`,
    ],
  ])("%s: refused in bounded time and memory", async (_, body) => {
    const file = join(await tempDir(), "laughs.admx");
    await writeFile(file, HEAD + body);
    const source = `
      import { readFileSync } from "node:fs";
      import { parseAdmx } from ${JSON.stringify(distUrl("read/read-file.js"))};
      const r = parseAdmx(readFileSync(${JSON.stringify(file)}), "laughs.admx");
      const text = JSON.stringify(r.document ?? null) ?? "";
      console.log(JSON.stringify({ codes: r.diagnostics.map((d) => d.code), size: text.length, expanded: text.includes("lollol") || text.includes("xxxxxxxxxx") }));
    `;
    // The deadline guards against a hang (the read takes well under a second); memory is the measure.
    const result = await runBounded(source, { heapMb: 64, timeoutMs: 120_000 });
    expect(result.timedOut, "the reader hung (killed after 120 s)").toBe(false);
    expect(result.stderr).toBe("");
    const outcome = JSON.parse(result.stdout);
    expect(outcome.expanded).toBe(false);
    expect(outcome.codes.length).toBeGreaterThan(0);
    expect(outcome.size).toBeLessThan(100_000);
    expect(result.peakRss).toBeLessThan(300 * 1024 * 1024);
  });

  it("external entities and an external DTD: reported, and the file's content never appears", async () => {
    const dir = await tempDir();
    const secret = join(dir, "secret.txt");
    const marker = "SECRET-CONTENT-3f1c9a";
    await writeFile(secret, marker);
    const url = `file://${secret}`;
    for (const body of [
      `<!DOCTYPE p [<!ENTITY xxe SYSTEM "${url}">]>${admx('<categories><category name="a" displayName="&xxe;"/></categories>').slice(HEAD.length)}`,
      `<!DOCTYPE p SYSTEM "${url}">${admx("").slice(HEAD.length)}`,
      `<!DOCTYPE p [<!ENTITY % x SYSTEM "${url}"> %x;]>${admx("").slice(HEAD.length)}`,
      `<!DOCTYPE p PUBLIC "-//X//Y" "${url}">${admx("").slice(HEAD.length)}`,
    ]) {
      const result = read(parseAdmx, HEAD + body);
      expect(codes(result)).toContain("XML_DOCTYPE");
      expect(JSON.stringify(result)).not.toContain(marker);
    }
  });
});

describe("nesting and size", () => {
  it.each([129, 1000, 100_000])(
    "%i nested elements: a diagnostic, not a stack overflow or exception",
    (depth) => {
      const result = read(parseAdmx, admx("<a>".repeat(depth) + "</a>".repeat(depth)));
      expect(result.document).toBeUndefined();
      expect(codes(result)).toContain("XML_TOO_DEEP");
    },
  );

  it("a 20 MB attribute value and a 20 MB text, with work linear in their length", () => {
    // 2.5 MB and 20 MB in one process (test/helpers/growth.ts): a quadratic loop takes 64 times as
    // long, a linear one about 8; no time limit a loaded machine could miss. The 20 MB reads are the
    // larger input of each measurement, whose outcome is checked as every hostile read is.
    const attribute = growth(
      (size) => admx(`<categories><category name="a" displayName="${"x".repeat(size)}"/></categories>`),
      (text) => expectNoThrow(() => parseAdmx(text, "big.admx")),
      { n: 2_500_000 },
    );
    expect(attribute.factor * 2_500_000).toBe(20_000_000);
    expectTyped(attribute.result);
    expectLinearGrowth(attribute, "parseAdmx over a long attribute");
    const text = growth(
      (size) => ADML.replace("Contoso Sync</string>", `${"x".repeat(size)}</string>`),
      (adml) => expectNoThrow(() => parseAdml(adml, "big.adml")),
      { n: 2_500_000 },
    );
    expectTyped(text.result);
    expectLinearGrowth(text, "parseAdml over a long text");
  });

  // Each case is read at n and 8n in one single-threaded process, comparing CPU time
  // (test/helpers/growth.ts): a quadratic loop takes 64 times as long, a linear one about 8, whatever
  // the machine's load. A quadratic loop could also take minutes, so the child process has a deadline;
  // it is a guard against a hang, twenty times what a loaded machine needs, not the measure. The
  // figures for the largest files (200,000 siblings, 9 MB) are in npm run bench ("hostile XML").
  it.each([
    [
      "100,000 attributes on one element (1.3 MB)",
      12_500,
      8,
      `admx(\`<categories><category name="a" \${Array.from({ length: n }, (_, i) => \`a\${i}="1"\`).join(" ")}/></categories>\`)`,
    ],
    [
      "20,000 namespace declarations on the root and 20,000 elements (1.3 MB)",
      2500,
      8,
      `admx(\`<categories>\${'<category name="a" displayName="$(string.a)"/>'.repeat(n)}</categories>\`, " " + Array.from({ length: n }, (_, i) => \`xmlns:p\${i}="urn:p"\`).join(" "))`,
    ],
    [
      "50,000 sibling elements (2.2 MB)",
      6250,
      8,
      `admx(\`<categories>\${'<category name="a" displayName="$(string.a)"/>'.repeat(n)}</categories>\`)`,
    ],
  ])("%s: read with work linear in the size", async (_, n, factor, expression) => {
    const source = `
      import { parseAdmx } from ${JSON.stringify(distUrl("read/read-file.js"))};
      const admx = ${admx.toString()};
      const HEAD = ${JSON.stringify(HEAD)}; const NS = ${JSON.stringify(NS)};
      ${growthSource()}
      const measured = growth((n) => ${expression}, (text) => parseAdmx(text, "big.admx"), { n: ${n}, factor: ${factor} });
      const codes = [...new Set(measured.result.diagnostics.map((d) => d.code))];
      console.log(JSON.stringify({ factor: measured.factor, ratio: measured.ratio, codes }));
    `;
    const result = await runBounded(source, {
      heapMb: 512,
      timeoutMs: 120_000,
      nodeFlags: GROWTH_NODE_FLAGS,
    });
    expect(result.timedOut, "the reader hung (killed after 120 s)").toBe(false);
    expect(result.stderr).toBe("");
    const measured = JSON.parse(result.stdout);
    expect(Array.isArray(measured.codes)).toBe(true);
    expectLinearGrowth(measured, "parseAdmx");
  });
});

describe("names that are special on JavaScript objects", () => {
  it.each(PROTOTYPE_NAMES)(
    "%s as policy, category, element and presentation names, string ids and prefixes",
    (name) => {
      const text = admx(
        `<categories><category name="${name}" displayName="$(string.${name})"/></categories>` +
          `<policies><policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name})" presentation="$(presentation.${name})" key="Software\\Policies\\X"><parentCategory ref="${name}"/><supportedOn ref="${name}:S"/><elements><text id="${name}" valueName="${name}"/></elements></policy></policies>`,
        ` xmlns:${name}="urn:${name}"`,
      ).replace('<target prefix="t"', `<target prefix="${name}"`);
      const result = read(parseAdmx, text) as ReadResult<any>;
      expect(result.document?.policies?.[0]?.name).toBe(name);
      const adml = read(
        parseAdml,
        `${HEAD}<policyDefinitionResources xmlns="${NS}" revision="1.0" schemaVersion="1.0"><displayName>x</displayName><description>x</description><resources><stringTable><string id="${name}">text</string><string id="${name}">again</string></stringTable><presentationTable><presentation id="${name}"><textBox refId="${name}"><label>L</label></textBox></presentation></presentationTable></resources></policyDefinitionResources>`,
        "hostile.adml",
      ) as ReadResult<any>;
      expect(adml.document?.strings.get(name)?.text).toBe("text");
      expect(adml.document?.duplicates.map((d: { id: string }) => d.id)).toEqual([name]);
      expect(adml.document?.presentations.get(name)?.id).toBe(name);
    },
  );

  it("validate resolves $(string.X) only to strings the ADML defines, whatever X is", async () => {
    const dir = await tempDir();
    const store = join(dir, "PolicyDefinitions");
    await mkdir(join(store, "en-US"), { recursive: true });
    const refs = PROTOTYPE_NAMES.map((n, i) => `<category name="C${i}" displayName="$(string.${n})"/>`).join(
      "",
    );
    await writeFile(join(store, "Hostile.admx"), admx(`<categories>${refs}</categories>`));
    // The ADML defines only "valueOf"; every other name must be reported missing.
    await writeFile(
      join(store, "en-US", "Hostile.adml"),
      `${HEAD}<policyDefinitionResources xmlns="${NS}" revision="1.0" schemaVersion="1.0"><displayName>x</displayName><description>x</description><resources><stringTable><string id="valueOf">v</string></stringTable></resources></policyDefinitionResources>`,
    );
    const result = await validateTemplates([store]);
    const missing = result.diagnostics
      .filter((d) => d.code === "ADML_STRING_MISSING")
      .map((d) => d.params.id);
    expect(missing.sort()).toEqual(PROTOTYPE_NAMES.filter((n) => n !== "valueOf").sort());
    expectPrototypesIntact(prototypes);
  });
});
