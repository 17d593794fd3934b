/**
 * One comparison for registry names. The registry compares key and value names by upper-casing each
 * UTF-16 unit (src/pol/registry-case.ts, `registryUpcase`); JavaScript's `toUpperCase` maps `ß` to `SS`,
 * `toLowerCase` maps the Kelvin sign to `k`, and `localeCompare` depends on the machine's locale, so each
 * of them calls other names equal than the registry does. This test reads every module of `src/` and
 * refuses a call of those methods unless the allow-list below covers it and says why it is not a
 * registry name (a file name, a language tag, an ADMX id…). A new use gets a line here with its reason,
 * or goes through `registryUpcase`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { registryUpcase, sameRegistryName } from "../../src/pol/index.js";
import { REPO_ROOT } from "../helpers/cli.js";

const CASE_CALL = /\.(?:toUpperCase|toLowerCase|toLocaleUpperCase|toLocaleLowerCase|localeCompare)\(/;

interface Allowed {
  /** A file of src/, or "*" for a pattern that is never about a name wherever it appears. */
  readonly file: string;
  /** Text the line holds. */
  readonly match: string;
  readonly reason: string;
}

const HEX = "hexadecimal digits written upper-case in messages and output, not a name";
const ADMX_ID = "ADMX names (policies, categories, supportedOn, elements, prefixes): ids, not registry names";
const NAMESPACE = "ADMX target namespaces compare case-insensitively in GPMC; not a registry name";
const LOCALE = "language tags (en-US, ja-JP) and locale folders compare case-insensitively";
const FILE = "file and folder names: Windows file names are case-insensitive, not registry names";

const ALLOWED: readonly Allowed[] = [
  { file: "*", match: ".toString(16).toUpperCase()", reason: HEX },
  {
    file: "*",
    match: "policy.class.toLowerCase()",
    reason: "the ADMX class word Machine/User against a section name",
  },
  {
    file: "*",
    match: "p.class.toLowerCase()",
    reason: "the ADMX class word Machine/User against a section name",
  },
  {
    file: "src/pol/registry-case.ts",
    match: "toUpperCase()",
    reason: "the one home of the registry's comparison",
  },
  {
    file: "src/editor/site-data.ts",
    match: "name.toLowerCase()",
    reason: "policy names (ADMX ids) shared between stores",
  },
  { file: "src/model/inbox-templates.ts", match: 'replace(/\\.adm[xl]$/i, "").toLowerCase()', reason: FILE },
  { file: "src/model/inbox-templates.ts", match: "namespace.trim().toLowerCase()", reason: NAMESPACE },
  { file: "src/model/check-names.ts", match: "name.toLowerCase()", reason: ADMX_ID },
  { file: "src/model/check-names.ts", match: "prefix.toLowerCase()", reason: ADMX_ID },
  { file: "src/model/check-names.ts", match: "namespace.toLowerCase()", reason: NAMESPACE },
  {
    file: "src/model/device-names.ts",
    match: "stem.toUpperCase()",
    reason: "Windows device file names (CON, NUL…)",
  },
  { file: "src/model/check-policies.ts", match: "element.id.toLowerCase()", reason: ADMX_ID },
  {
    file: "src/model/check-policies.ts",
    match: "entry.toLowerCase()",
    reason: "element ids a presentation places",
  },
  {
    file: "src/values/formats.ts",
    match: 'entry.toLowerCase() === "<local>"',
    reason: "the proxy bypass word <local>",
  },
  {
    file: "src/values/suggest.ts",
    match: "toLowerCase()",
    reason: '"did you mean" suggestions: a hint, never a decision',
  },
  {
    file: "src/lint/validate-templates.ts",
    match: "localeCompare",
    reason: "sorting file names for the report",
  },
  { file: "src/intune/csp-map.ts", match: "admxFile.toLowerCase()", reason: FILE },
  { file: "src/intune/csp-map.ts", match: "admxFileName.toLowerCase()", reason: FILE },
  { file: "src/lint/check-template.ts", match: "locale", reason: LOCALE },
  { file: "src/lint/intune/intune-rules.ts", match: "locale", reason: LOCALE },
  { file: "src/intune/ingestion-refusals.ts", match: "l.toLowerCase()", reason: LOCALE },
  { file: "src/lint/rules/admx-rules.ts", match: "name.toLowerCase()", reason: ADMX_ID },
  { file: "src/lint/rules/admx-rules.ts", match: "prefix.toLowerCase()", reason: ADMX_ID },
  { file: "src/lint/rules/admx-rules.ts", match: "namespace.toLowerCase()", reason: NAMESPACE },
  { file: "src/lint/rules/store-index.ts", match: "namespace.toLowerCase()", reason: NAMESPACE },
  { file: "src/lint/rules/store-index.ts", match: "name.toLowerCase()", reason: ADMX_ID },
  { file: "src/load/load-bundle.ts", match: "extname(spec).toLowerCase()", reason: FILE },
  { file: "src/load/display-names.ts", match: "locale.toLowerCase() === tag.toLowerCase()", reason: LOCALE },
  { file: "src/gpo/guid.ts", match: "uuid.to", reason: "GUIDs as GPMC writes them, braces and hex digits" },
  {
    file: "src/read/xml/parse-xml.ts",
    match: 'target.toLowerCase() === "xml"',
    reason: "the reserved XML processing-instruction target",
  },
  { file: "src/read/store-files.ts", match: "", reason: `${FILE}; ${LOCALE}` },
  { file: "src/read/decode.ts", match: "encoding", reason: "encoding names (UTF-16, utf-8)" },
  { file: "src/read/to-bundle.ts", match: ".toLowerCase()", reason: "a bundle id made from the file name" },
  {
    file: "src/read/store-diagnostics.ts",
    match: "basename(file, extname(file)).toLowerCase()",
    reason: FILE,
  },
  { file: "src/read/read-store.ts", match: "locale", reason: LOCALE },
  { file: "src/read/read-store.ts", match: "prefix.toLowerCase()", reason: NAMESPACE },
  { file: "src/read/read-store.ts", match: "namespace?.toLowerCase() === q", reason: NAMESPACE },
  { file: "src/read/read-store.ts", match: 'path.toLowerCase().endsWith(".adml")', reason: FILE },
  {
    file: "src/io/read-gpo-input.ts",
    match: "name.toLowerCase()",
    reason: `${FILE} (a GPO backup's folders)`,
  },
  {
    file: "src/preview/store/search-index.ts",
    match: 'normalize("NFKC").toLowerCase()',
    reason: "the preview's text search",
  },
  { file: "src/preview/store/store-site.ts", match: "file.toLowerCase()", reason: FILE },
  {
    file: "src/preview/store/store-site.ts",
    match: "p.name.toLowerCase()",
    reason: "policy names (ADMX ids) in the preview",
  },
  { file: "src/preview/load-model.ts", match: "base.toLowerCase()", reason: FILE },
  { file: "src/i18n/messages.ts", match: "toLowerCase()", reason: LOCALE },
  {
    file: "src/compile/policy-index.ts",
    match: "q.toLowerCase() === prefix.toLowerCase()",
    reason: NAMESPACE,
  },
];

/** Every `.ts` file below `dir`, as paths relative to the repository root with `/`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [relative(REPO_ROOT, path).replaceAll("\\", "/")] : [];
  });
}

/** Each line of `src/` that upper- or lower-cases, with the allow-list entry covering it (if any). */
function caseCalls(): { where: string; line: string; allowed: Allowed | undefined }[] {
  return sourceFiles(join(REPO_ROOT, "src")).flatMap((file) =>
    readFileSync(join(REPO_ROOT, file), "utf8")
      .split("\n")
      .flatMap((line, i) => {
        if (!CASE_CALL.test(line)) return [];
        const allowed = ALLOWED.find((a) => (a.file === "*" || a.file === file) && line.includes(a.match));
        return [{ where: `${file}:${i + 1}`, line: line.trim(), allowed }];
      }),
  );
}

describe("registry names compare one way", () => {
  it("no upper- or lower-casing in src/ outside registryUpcase, except the allow-list's reasons", () => {
    const calls = caseCalls();
    expect(calls.length).toBeGreaterThan(50);
    const unexplained = calls.filter((c) => !c.allowed).map((c) => `${c.where}: ${c.line}`);
    expect(unexplained, "compare registry names with registryUpcase (src/pol/registry-case.ts)").toEqual([]);
  });

  it("has no stale allow-list entry", () => {
    const used = new Set(caseCalls().map((c) => c.allowed));
    expect(ALLOWED.filter((a) => !used.has(a)).map((a) => `${a.file}: ${a.match}`)).toEqual([]);
  });
});

describe("registryUpcase", () => {
  it("upper-cases each UTF-16 unit and never changes the length", () => {
    expect(registryUpcase("Software\\Policies\\äb")).toBe("SOFTWARE\\POLICIES\\ÄB");
    expect(registryUpcase("Straße")).toBe("STRAßE");
    expect(registryUpcase("ﬀ")).toBe("ﬀ");
    expect(registryUpcase("ŉx")).toBe("ŉX");
  });

  it("keeps surrogate pairs as they are (the registry folds one unit at a time)", () => {
    expect(registryUpcase("\u{10428}a")).toBe("\u{10428}A");
    expect(registryUpcase("a\ud800")).toBe("A\ud800");
  });

  it("calls names equal exactly when the registry does", () => {
    expect(sameRegistryName("Straße", "STRASSE")).toBe(false);
    expect(sameRegistryName("straße", "STRAßE")).toBe(true);
    expect(sameRegistryName("\u212a", "k")).toBe(false);
    expect(sameRegistryName("Value", "VALUE")).toBe(true);
  });
});
