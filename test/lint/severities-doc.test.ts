/**
 * The page of finding severities (docs/content/en/severities.md and its Japanese version) against the
 * code. Every code of the families `validate` reports (XML_, XSD_, ADMX_, ADML_, STORE_, READ_, INTUNE_,
 * REGISTRY_) must be named on both pages, in the first cell of a table row, either itself or by a family
 * row such as `XML_*` (which stands for every code of that prefix no other row names). The second cell
 * of a row states the severity; for every code the lint fixtures and a few made-up inputs make
 * `validate` report, it must be the severity `validate` reports, and the page's first table must be
 * exactly what `--strict` turns into errors.
 */
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Severity } from "../../src/diagnostics/diagnostic.js";
import { DIAGNOSTIC_CODES } from "../../src/i18n/codes.js";
import { DEVIATION_CODES } from "../../src/lint/strict.js";
import { validateTemplates, type ValidateOptions } from "../../src/lint/validate-templates.js";
import { REPO_ROOT, tempDir } from "../helpers/cli.js";
import { filesBelow, FIXTURES } from "../helpers/fixture-markers.js";

const FAMILIES = ["XML_", "XSD_", "ADMX_", "ADML_", "STORE_", "READ_", "INTUNE_", "REGISTRY_"];

/**
 * Codes of those families that `validate` never reports, and who does. They need not be on the page
 * (it mentions them outside its tables). The first test checks the list: no module `validate` loads
 * names any of them, and it names every other code of the families.
 */
const NOT_FROM_VALIDATE: Readonly<Record<string, string>> = {
  // `pol`/`gpo`/`dump`/`values --admx`: a store folder without policies (src/load/load-policies.ts) and
  // the summary of store findings that do not concern the policies used (src/read/store-diagnostics.ts).
  ADMX_STORE_NO_POLICIES: "src/load/load-policies.ts",
  ADMX_STORE_OTHER_FINDINGS: "src/read/store-diagnostics.ts",
  // Reading templates into a bundle (`decodeTemplates`: `preview`, the library), never done by `validate`.
  READ_DROPPED: "src/read/to-bundle.ts",
  READ_ELEMENT_WITHOUT_ADML: "src/read/to-bundle.ts",
  READ_ELEMENT_WITHOUT_CONTROL: "src/read/to-bundle.ts",
  READ_LOCALE_INCOMPLETE: "src/read/to-bundle.ts",
  READ_NOT_AUTHORED: "src/read/to-bundle.ts",
};

const FAMILY_CODES: readonly string[] = DIAGNOSTIC_CODES.filter((c) => FAMILIES.some((f) => c.startsWith(f)));
/** Every code `validate` can report among the families. */
const VALIDATE_CODES: readonly string[] = FAMILY_CODES.filter((c) => !Object.hasOwn(NOT_FROM_VALIDATE, c));

const PAGES = ["en", "ja"].map((lang) => [lang, join(REPO_ROOT, "docs", "content", lang, "severities.md")]);

const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  error: "error",
  warning: "warning",
  info: "info",
  エラー: "error",
  警告: "warning",
  情報: "info",
};

/** What a page says: codes and families with the severity of their row, and its first table's codes. */
interface Page {
  readonly codes: ReadonlyMap<string, Severity | undefined>;
  /** Family rows by prefix: `XML_*` is `XML_`. */
  readonly families: ReadonlyMap<string, Severity | undefined>;
  /** Codes named in more than one row. */
  readonly repeated: readonly string[];
  /** The codes of the first table: the deviations `--strict` makes errors. */
  readonly firstTable: ReadonlySet<string>;
}

/**
 * Reads the tables of a page: a row's codes are the backticked names in its first cell (`XML_*` is a
 * family); its severity is the first severity word of its second cell ("warning; error for a locale
 * named with `--locale`" states warning, the default).
 */
function readPage(markdown: string): Page {
  const codes = new Map<string, Severity | undefined>();
  const families = new Map<string, Severity | undefined>();
  const repeated: string[] = [];
  const firstTable = new Set<string>();
  let table = -1;
  let rowOfTable = 0;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      rowOfTable = 0;
      continue;
    }
    if (rowOfTable++ === 0) {
      table++; // the header row
      continue;
    }
    if (/^\|[\s|:-]+\|$/.test(line)) continue;
    const [first = "", second = ""] = line.split("|").slice(1, -1);
    const word = /error|warning|info|エラー|警告|情報/.exec(second)?.[0];
    const severity = word === undefined ? undefined : SEVERITY_WORDS[word];
    for (const [, name] of first.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?:_\*)?)`/g)) {
      if (!name!.includes("_")) continue;
      const family = name!.endsWith("_*");
      const key = family ? name!.slice(0, -1) : name!;
      const into = family ? families : codes;
      if (into.has(key)) repeated.push(name!);
      into.set(key, severity);
      if (table === 0) firstTable.add(name!);
    }
  }
  return { codes, families, repeated, firstTable };
}

/** The row that names a code: its own, else the family row of the longest matching prefix. */
function rowOf(page: Page, code: string): { severity: Severity | undefined } | undefined {
  if (page.codes.has(code)) return { severity: page.codes.get(code) };
  const prefix = [...page.families.keys()]
    .filter((p) => code.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : { severity: page.families.get(prefix) };
}

/** Codes `validate` can report that the page does not name. */
const unnamed = (page: Page) => VALIDATE_CODES.filter((c) => rowOf(page, c) === undefined);

/** The severity the page states for each code of `seen` whose stated severity differs from it. */
function misstated(page: Page, seen: ReadonlyMap<string, Severity>): string[] {
  return [...seen]
    .filter(([code, severity]) => rowOf(page, code)?.severity !== severity)
    .map(([code, severity]) => `${code}: page ${rowOf(page, code)?.severity}, validate ${severity}`);
}

/** Every module `validate` loads, following relative imports from its entry points. */
function validateModules(): string[] {
  const src = join(REPO_ROOT, "src");
  const seen = new Set<string>();
  const todo = ["lint/validate-templates.ts", "lint/validate-worker.ts"].map((f) => join(src, f));
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:from|import\()\s*"(\.[^"]+)"/g)) {
      const target = resolve(dirname(file), spec!).replace(/\.js$/, ".ts");
      expect(existsSync(target), `${file} imports ${spec}`).toBe(true);
      todo.push(target);
    }
  }
  return [...seen];
}

// ---------------------------------------------------------------------------------------------------
// What validate reports: each lint fixture, and inputs for the codes no fixture has.

/** A UTF-16 ADMX (with its mark) declaring `encoding="unicode"`, with a line feed in a key, and no ADML. */
const LONE_ADMX = `<?xml version="1.0" encoding="unicode"?>
<policyDefinitions revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="lone" namespace="Admxkit.Tests.Lone" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <categories>
    <category name="Lone" displayName="$(string.Lone)" />
  </categories>
  <policies>
    <policy name="Forged" class="Machine" displayName="$(string.Forged)" explainText="$(string.Forged_Help)" key="Software\\Policies\\Admxkit&#10;Forged" valueName="On">
      <parentCategory ref="Lone" />
    </policy>
  </policies>
</policyDefinitions>
`;

let tmp = "";
/** validate's arguments: each lint fixture, and the made-up inputs. */
const inputs: { paths: string[]; options?: ValidateOptions }[] = [];

beforeAll(async () => {
  tmp = await tempDir("admxkit-severities-");
  const files = join(FIXTURES, "files");
  for (const path of filesBelow(files)) {
    if (path.endsWith(".admx")) inputs.push({ paths: [path] });
    else {
      // An ADML outside a locale folder is not read: each goes alone into a store's en-US folder.
      const store = join(tmp, "adml", basename(path, ".adml"));
      await mkdir(join(store, "en-US"), { recursive: true });
      await copyFile(path, join(store, "en-US", basename(path)));
      inputs.push({ paths: [store] });
    }
  }
  // --intune adds the INTUNE_ codes and changes no other finding.
  for (const store of filesBelow(join(FIXTURES, "stores")).filter((p) => p.endsWith(".admx")))
    inputs.push({ paths: [dirname(store)], options: { intune: true } });

  const store = join(tmp, "store");
  await mkdir(store, { recursive: true });
  await writeFile(
    join(store, "Lone.admx"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LONE_ADMX, "utf16le")]),
  );
  await copyFile(join(FIXTURES, "stores", "valid", "en-US", "Kitchen.adml"), join(store, "Stray.adml"));
  await symlink(join(tmp, "nowhere.admx"), join(store, "Broken.admx"));
  // Far deeper than any template nests.
  await writeFile(join(store, "Deep.admx"), `${"<x>".repeat(200)}${"</x>".repeat(200)}`);
  await writeFile(join(tmp, "notes.txt"), "not a template\n");
  await mkdir(join(tmp, "empty"));
  inputs.push({ paths: [store, join(tmp, "notes.txt")] }, { paths: [join(tmp, "empty")] });
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const runs = new Map<boolean, Promise<Map<string, Severity>>>();
/** Each code validate reported for the inputs, with the one severity it had (two would fail). */
function reported(strict: boolean): Promise<Map<string, Severity>> {
  if (!runs.has(strict)) runs.set(strict, run(strict));
  return runs.get(strict)!;
}

async function run(strict: boolean): Promise<Map<string, Severity>> {
  const found = new Map<string, Set<Severity>>();
  for (const { paths, options } of inputs) {
    const { diagnostics } = await validateTemplates(paths, { ...options, strict });
    for (const d of diagnostics) found.set(d.code, (found.get(d.code) ?? new Set()).add(d.severity));
  }
  const several = [...found]
    .filter(([, s]) => s.size > 1)
    .map(([code, s]) => `${code}: ${[...s].join(", ")}`);
  expect(several).toEqual([]);
  return new Map([...found].map(([code, s]) => [code, [...s][0]!]));
}

// ---------------------------------------------------------------------------------------------------

describe("which codes validate can report", () => {
  it("validate's modules name every other code of the families and none of the excluded ones", () => {
    const named = new Set<string>();
    for (const file of validateModules()) {
      if (file.endsWith(join("i18n", "codes.ts"))) continue; // the list of every code
      const text = readFileSync(file, "utf8");
      for (const code of FAMILY_CODES) if (text.includes(`"${code}"`)) named.add(code);
    }
    expect(FAMILY_CODES.filter((c) => !named.has(c))).toEqual(Object.keys(NOT_FROM_VALIDATE).sort());
    for (const [code, file] of Object.entries(NOT_FROM_VALIDATE))
      expect(readFileSync(join(REPO_ROOT, file), "utf8"), code).toContain(`"${code}"`);
  });
});

describe.each(PAGES)("docs/content/%s/severities.md", (_lang, path) => {
  const page = readPage(readFileSync(path, "utf8"));

  it("names every code validate can report, itself or by a family row", () => {
    expect(unnamed(page)).toEqual([]);
  });

  it("names only real codes, each in one row, and states a severity in every row", () => {
    expect([...page.codes.keys()].filter((c) => !FAMILY_CODES.includes(c))).toEqual([]);
    expect([...page.families.keys()].filter((f) => !VALIDATE_CODES.some((c) => c.startsWith(f)))).toEqual([]);
    expect(page.repeated).toEqual([]);
    const silent = [...page.codes, ...page.families].filter(([, s]) => s === undefined).map(([c]) => c);
    expect(silent).toEqual([]);
  });

  it("its first table is what --strict turns into errors", () => {
    expect([...page.firstTable].sort()).toEqual([...DEVIATION_CODES].sort());
  });

  it("states the severity validate reports, for every code the inputs make it report", async () => {
    const seen = await reported(false);
    expect(misstated(page, seen)).toEqual([]);
    // Each code with a row of its own is among them, so every such row is checked.
    const unchecked = [...page.codes.keys()].filter((c) => VALIDATE_CODES.includes(c) && !seen.has(c));
    expect(unchecked).toEqual([]);
  });
});

describe("the check itself", () => {
  const [, enPath] = PAGES[0]!;
  const markdown = readFileSync(enPath!, "utf8");
  const without = (code: string) =>
    readPage(
      markdown
        .split("\n")
        .filter((line) => !line.startsWith(`| \`${code}\``))
        .join("\n"),
    );

  it("fails when a code's row is removed", () => {
    expect(unnamed(without("ADML_NONE"))).toEqual(["ADML_NONE"]);
    expect(unnamed(without("REGISTRY_NAME_CONTROL_CHAR"))).toEqual(["REGISTRY_NAME_CONTROL_CHAR"]);
  });

  it("fails when an exception to a family row is removed: the family's severity is then wrong", () => {
    const page = without("XML_UTF16_WITHOUT_BOM");
    expect(unnamed(page)).toEqual([]);
    expect(misstated(page, new Map([["XML_UTF16_WITHOUT_BOM", "warning"]]))).toEqual([
      "XML_UTF16_WITHOUT_BOM: page error, validate warning",
    ]);
  });
});

describe("--strict", () => {
  it("makes exactly the first table's deviations errors, each reported by the inputs", async () => {
    const normal = await reported(false);
    const strict = await reported(true);
    const changed = [...normal].filter(([code, severity]) => strict.get(code) !== severity);
    expect(changed.map(([code]) => code).sort()).toEqual([...DEVIATION_CODES].sort());
    expect(changed.filter(([code]) => strict.get(code) !== "error")).toEqual([]);
  });
});
