/**
 * admxkit parses XML itself (src/read/xml/parse-xml.ts). Its verdict — well-formed or not — must be
 * libxml2's: on every file of both real central stores, and on random character-level mutations of real
 * templates (markup characters, references, comments, CDATA, namespaces and control characters inserted,
 * spans deleted or repeated). Runs: ADMXKIT_FUZZ_RUNS (default 300 documents, read by libxml2 in one run).
 *
 * One deliberate difference: libxml2 reports namespace errors (an undeclared prefix, `a:b:c`, `xmlns:p=""`)
 * and reads on; MSXML, the parser GPMC uses, refuses the file ("Reference to undeclared namespace
 * prefix"), and so does admxkit. Where admxkit refuses with one of those codes, libxml2 may accept.
 * And a second one: libxml2 takes `version="1."` in the XML declaration, which XML 1.0's VersionNum
 * (`'1.' [0-9]+`) does not allow; admxkit refuses it (XML_DECLARATION_INVALID).
 *
 * Not differences, but places where the parser alone is not all of admxkit: a DOCTYPE is refused on its
 * own (XML_DOCTYPE) and skipped unparsed, so when libxml2 refuses a malformed one both refuse the file;
 * and an unknown encoding name is refused by the decoder (XML_ENCODING_UNSUPPORTED), checked here when
 * libxml2 refuses one. `npm run fuzz` (20,000 documents a run) found all three.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { decodeXmlBytes } from "../../src/read/decode.js";
import { parseXml } from "../../src/read/xml/parse-xml.js";
import { SHARED } from "../helpers/cli.js";
import { inLibxml2Runs, LIBXML2_RUN } from "../helpers/xsd.js";

const RUNS = Number(process.env.ADMXKIT_FUZZ_RUNS ?? 300);

/** libxml2's verdict: does it parse (well-formed and namespace-well-formed)? */
async function libxml2Parses(text: string): Promise<{ ok: boolean; message: string }> {
  const result = await validateXML({
    xml: { fileName: "input.xml", contents: text },
    normalization: "format",
  });
  return { ok: result.valid, message: result.errors.map((e) => e.rawMessage).join(" | ") };
}

/**
 * libxml2's verdicts on many documents in one run: a document parses unless an error (not a warning,
 * not a namespace error) names it. libxml2 prefixes each message with the file's name; the lines that quote the source and
 * point at the column follow without one.
 */
async function libxml2Verdicts(texts: readonly string[]): Promise<{ ok: boolean; message: string }[]> {
  if (texts.length > LIBXML2_RUN) return inLibxml2Runs(texts, libxml2Verdicts);
  const result = await validateXML({
    xml: texts.map((contents, i) => ({ fileName: `doc-${i}.xml`, contents })),
    normalization: "format",
  });
  const messages = new Map<string, string[]>();
  for (const error of result.errors) {
    const name = error.loc?.fileName;
    // Namespace errors never made a single run fail, and a run of many documents reports some a single
    // run does not (a namespace URI with "]]>" in it, seen under `npm run fuzz`): they are no verdict.
    if (name === undefined || / warning : | namespace error : /.test(error.rawMessage)) continue;
    messages.set(name, [...(messages.get(name) ?? []), error.rawMessage]);
  }
  return texts.map((_, i) => {
    const found = messages.get(`doc-${i}.xml`);
    return { ok: found === undefined, message: found?.join(" | ") ?? "" };
  });
}

/** A declaration whose version is "1." with no digit after the dot (the second difference above). */
const VERSION_WITHOUT_DIGITS = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.\1/;

const NAMESPACE_ERRORS = new Set([
  "XML_PREFIX_UNDECLARED",
  "XML_QNAME_INVALID",
  "XML_NAMESPACE_DECLARATION_INVALID",
]);

function admxkitParses(text: string): {
  ok: boolean;
  namespaceError: boolean;
  doctype: boolean;
  message: string;
} {
  const parsed = parseXml(text, "input.xml");
  const fatal = parsed.diagnostics.find((d) => d.code !== "XML_DOCTYPE");
  return {
    ok: parsed.document !== undefined,
    namespaceError: fatal !== undefined && NAMESPACE_ERRORS.has(fatal.code),
    // A DOCTYPE is an error of its own (GPMC prohibits DTDs) and is skipped, not parsed: when libxml2
    // refuses a malformed one, both refuse the file.
    doctype: parsed.diagnostics.some((d) => d.code === "XML_DOCTYPE" && d.severity === "error"),
    message: fatal ? `${fatal.code} at column ${fatal.column}` : "",
  };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const STORES = ["windows11-21h2", "windows10-1903"].map((s) =>
  join(SHARED, "corpus", s, "PolicyDefinitions"),
);

describe("the XML parser agrees with libxml2", () => {
  it("every file of both corpus stores is well-formed for both", () => {
    const all = STORES.flatMap(files);
    expect(all.length).toBeGreaterThan(800);
    const refused = all.filter((path) => {
      const { text } = decodeXmlBytes(readFileSync(path), path);
      return !parseXml(text, path).document;
    });
    expect(refused).toEqual([]);
  });

  // Small real templates of the 21H2 store: the mutations land in every construct a template has.
  const seeds = ["AddRemovePrograms.admx", "en-US/AddRemovePrograms.adml", "Search.admx"].map((name) => {
    const path = join(STORES[0]!, name);
    // The text is already decoded: its declaration must not name another encoding (Search.admx says
    // "unicode", which libxml2 does not know; that is the decoder's business, tested in decode.test.ts).
    const { text } = decodeXmlBytes(readFileSync(path), path);
    return text.replace(/^\uFEFF/, "").replace(/encoding=(["'])unicode\1/, "encoding='utf-8'");
  });
  const TOKENS = [
    "<",
    ">",
    "&",
    "&amp;",
    "&#1;",
    "&#x41;",
    "&#0;",
    "&#x10FFFF;",
    "&#xD800;",
    "&nbsp;",
    '"',
    "'",
    "=",
    "]]>",
    "<!--",
    "-->",
    "--",
    "<![CDATA[",
    "]]",
    "<?pi x?>",
    "<?xml?>",
    '<?xml version="1.0"?>',
    "\u0001",
    "\uD800",
    "\uFFFE",
    ":",
    'xmlns:p="urn:p"',
    ' p:a="1"',
    ' xmlns:p=""',
    ' xml:a="1"',
    "</a>",
    "<a>",
    "<a/>",
    "<p:a/>",
    "<!DOCTYPE x>",
    "\r",
    " ",
    'a="1"',
    "\u00E9",
    "\u{1F600}",
    "<1a/>",
    "<a:b:c/>",
  ];
  const edit = fc.oneof(
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      token: fc.constantFrom(...TOKENS),
    }),
    fc.record({
      kind: fc.constant("delete" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 6 }),
    }),
    fc.record({
      kind: fc.constant("repeat" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 40 }),
    }),
  );
  type Edit =
    { kind: "insert"; at: number; token: string } | { kind: "delete" | "repeat"; at: number; length: number };
  const apply = (text: string, edits: readonly Edit[]) =>
    edits.reduce((t: string, e) => {
      const at = Math.floor(e.at * t.length);
      if (e.kind === "insert") return t.slice(0, at) + e.token + t.slice(at);
      if (e.kind === "delete") return t.slice(0, at) + t.slice(at + e.length);
      return t.slice(0, at + e.length) + t.slice(at, at + e.length) + t.slice(at + e.length);
    }, text);

  it("gives libxml2's verdict on mutated real templates", async () => {
    // The documents are drawn first (the seed is in every message) and libxml2 reads them all in one
    // run: a run costs about 0.3 s to start, and one run per document was most of this file's time.
    // ADMXKIT_FUZZ_SEED replays a failure: its message names the seed (and the run count matters too).
    const seed = process.env.ADMXKIT_FUZZ_SEED
      ? Number(process.env.ADMXKIT_FUZZ_SEED)
      : Date.now() ^ (Math.random() * 0x7fffffff);
    const texts = fc
      .sample(fc.tuple(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 })), {
        numRuns: RUNS,
        seed,
      })
      // Both parsers must read the same characters: libxml2 is handed UTF-8, in which a lone surrogate
      // (an inserted "\uD800" token) becomes U+FFFD, so the text is taken through UTF-8 for admxkit too.
      // Lone surrogates in the bytes themselves are the decoder's business (decode.test.ts).
      .map(([from, edits]) => Buffer.from(apply(seeds[from]!, edits), "utf8").toString("utf8"));
    // Anchors: the seeds as they are must parse and an unclosed element must not, or the verdicts
    // are not matched to their documents.
    const anchors = await libxml2Verdicts([...seeds, "<policyDefinitions>"]);
    expect(anchors.map((v) => v.ok)).toEqual([...seeds.map(() => true), false]);
    const verdicts = await libxml2Verdicts(texts);
    texts.forEach((text, i) => {
      const ours = admxkitParses(text);
      const theirs = verdicts[i]!;
      if (ours.namespaceError && theirs.ok) return;
      if (!ours.ok && theirs.ok && VERSION_WITHOUT_DIGITS.test(text)) return;
      if (ours.doctype && !theirs.ok && /doctype/i.test(theirs.message)) return;
      // The encoding a declaration names is the decoder's business, not the parser's: it refuses a name
      // it does not know (XML_ENCODING_UNSUPPORTED) before anything is parsed, as libxml2 does.
      if (!theirs.ok && /Unsupported encoding/.test(theirs.message)) {
        const decoded = decodeXmlBytes(Buffer.from(text, "utf8"), "input.xml");
        expect(decoded.diagnostics.map((d) => d.code)).toContain("XML_ENCODING_UNSUPPORTED");
        return;
      }
      expect(
        ours.ok,
        `seed ${seed}, document ${i}: admxkit: ${ours.message}; libxml2: ${theirs.message}\n${text}`,
      ).toBe(theirs.ok);
    });
  });
});
