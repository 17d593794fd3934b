import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAdmx } from "../../src/lint/rules/admx-rules.js";
import { validateTemplates } from "../../src/lint/validate-templates.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { filesBelow, FIXTURES, markersOf, placesOf } from "../helpers/fixture-markers.js";

const FILES = join(FIXTURES, "files");
const STORES = join(FIXTURES, "stores");

/** What checking one file on its own gives: reading (encoding, XML, schema) and the ADMX rules. */
function checkFile(path: string) {
  const bytes = readFileSync(path);
  if (path.endsWith(".adml")) return parseAdml(bytes, path).diagnostics;
  const { document, diagnostics } = parseAdmx(bytes, path);
  return [...diagnostics, ...(document ? checkAdmx(document).diagnostics : [])];
}

describe("single-file fixtures: each produces exactly its marked codes at the marked lines", () => {
  for (const path of filesBelow(FILES)) {
    it(path.slice(FILES.length + 1), () => {
      const markers = markersOf(path, FILES);
      expect(placesOf(checkFile(path), FILES, markers).sort()).toEqual(markers.sort());
    });
  }
});

describe("store fixtures: cross-file rules over a PolicyDefinitions folder", () => {
  for (const name of readdirSync(STORES).sort()) {
    it(name, async () => {
      const dir = join(STORES, name);
      const markers = filesBelow(dir).flatMap((path) => markersOf(path, dir));
      const { diagnostics } = await validateTemplates([dir], { intune: name.startsWith("intune-") });
      expect(placesOf(diagnostics, dir, markers).sort()).toEqual(markers.sort());
    });
  }
});

describe("rules a marker cannot show", () => {
  it("a requested locale without an ADML is an error, not a warning", async () => {
    const dir = join(STORES, "adml-missing");
    const { diagnostics } = await validateTemplates([dir], { locales: ["en-US", "ja-JP"] });
    const missing = diagnostics.filter((d) => d.code === "ADML_MISSING");
    expect(missing.map((d) => [d.severity, d.params.locale, d.line])).toEqual([["error", "ja-JP", 2]]);
  });

  it("with --locale, ADMLs of other locales are read but not checked against the ADMX", async () => {
    const dir = join(STORES, "string-missing");
    const { diagnostics } = await validateTemplates([dir], { locales: ["ja-JP"] });
    expect(diagnostics.map((d) => d.code)).not.toContain("ADML_STRING_MISSING");
    expect(diagnostics.map((d) => d.code)).toContain("ADML_MISSING");
  });

  it("an ADML outside a locale folder, a missing path and an empty folder are reported", async () => {
    const misplaced = await validateTemplates([join(FILES, "namespace-typo.adml")]);
    expect(misplaced.diagnostics.map((d) => d.code)).toEqual(["STORE_ADML_MISPLACED"]);
    const missing = await validateTemplates([join(FIXTURES, "no-such-folder")]);
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["INPUT_NOT_FOUND"]);
    const empty = await validateTemplates([join(STORES, "valid", "en-US", "..", "..")]);
    expect(empty.diagnostics.map((d) => d.code)).toEqual(["STORE_EMPTY"]);
  });

  it("an ADMX file given alone brings its ADMLs; an ADML given alone brings its ADMX", async () => {
    const dir = join(STORES, "string-missing");
    for (const path of [join(dir, "Fixture.admx"), join(dir, "en-US", "Fixture.adml")]) {
      const { files, diagnostics } = await validateTemplates([path]);
      expect(files).toBe(2);
      expect(diagnostics.map((d) => d.code)).toContain("ADML_STRING_MISSING");
    }
  });
});
