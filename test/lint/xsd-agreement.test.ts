/**
 * The structural checker must agree with xmllint and the libxml2 copy of Microsoft's schema on every
 * fixture, on Microsoft's own files and on our generated templates — except where the project is
 * deliberately different, which is listed here explicitly:
 * - TOLERATED: the schema rejects it, Windows accepts it (in-box templates do it); we warn.
 * - STRICTER: the schema accepts it, GPMC rejects it; we report an error.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTemplates } from "../../src/templates/generate.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { strictDiagnostic } from "../../src/lint/strict.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { SHARED } from "../helpers/cli.js";
import { xmllintVerdicts } from "../helpers/xsd.js";
import { filesBelow, FIXTURES } from "../helpers/fixture-markers.js";

/** Warnings for what the schema rejects and Windows accepts, with the fixture that shows each. */
const TOLERATED: Record<string, string[]> = {
  XSD_TOLERATED_ATTRIBUTE: [
    "tolerated-client-extension.admx", // clientExtension on <policy>
    "tolerated-boolean-required.admx", // required on <boolean>
    "tolerated-reference-min-version.admx", // minVersionIndex on a supportedOn reference
    "tolerated-text-min-max.admx", // minValue/maxValue on <text> (WindowsDefender.admx)
  ],
  XSD_STRAY_TEXT: ["stray-text.admx"], // the stray "d" of WindowsDefender.adml
  XSD_ID_HYPHEN: ["id-hyphen.admx"], // hyphens in ids and prefixes of in-box files
  XSD_NAMESPACE_WRONG: ["namespace-typo.adml"], // ".../Policysecurity intelligence"
  XSD_NAMESPACE_MISSING: ["namespace-missing.admx"],
  XSD_LABEL_TEXT: ["label-text.adml"], // a multiTextBox's label as its text (info)
  // Any other attribute: GPMC ignores what it does not know (xml:space on controls, noSort on a
  // checkBox, maxvalue on a decimal… in Windows 11's in-box store), so since issue 10 a warning.
  XSD_UNKNOWN_ATTRIBUTE: ["unknown-attribute.admx"],
  // Vendors' templates GPMC loads (stores/vendor-*): Office's empty default, Adobe's and Teradici's
  // prefixes, EMET's line break inside <list>, enum values over 255 characters.
  XSD_DEFAULT_EMPTY: ["officelike.adml"],
  XSD_ID_PREFIX: ["AcrobatLike.admx", "pcoiplike.admx"],
  XSD_EMPTY_WHITESPACE: ["emetlike.admx"],
  XSD_STRING_TOO_LONG: ["longlike.admx", "string-too-long.admx"],
};

/** Errors for what the schema accepts and GPMC refuses, with the fixture that shows each. */
const STRICTER: Record<string, string[]> = {
  XML_DOCTYPE: ["doctype.admx"], // "DTD is prohibited"
  ADMX_ROOT_MISMATCH: ["root-mismatch.admx"], // an ADML's root in a .admx file
};

/** Codes that are verdicts on the XML and its structure (the rest are rules the schema cannot express). */
function isStructural(d: Diagnostic): boolean {
  return (
    d.severity === "error" &&
    (d.code.startsWith("XML_") || d.code.startsWith("XSD_") || d.code === "ADMX_REVISION_INVALID") &&
    !(d.code in STRICTER)
  );
}

function ours(name: string, contents: Uint8Array): Diagnostic[] {
  return (name.endsWith(".adml") ? parseAdml(contents, name) : parseAdmx(contents, name)).diagnostics;
}

const tolerated = (list: Diagnostic[]) => list.filter((d) => d.code in TOLERATED);

interface Case {
  readonly name: string;
  readonly contents: Uint8Array;
}

function cases(): Case[] {
  const fixtures = filesBelow(FIXTURES)
    .filter((p) => /\.adm[xl]$/.test(p))
    .map((p) => ({ name: p.slice(FIXTURES.length), contents: readFileSync(p) }));
  const microsoft = filesBelow(join(SHARED, "reference", "microsoft")).map((p) => ({
    name: `microsoft/${p.slice(join(SHARED, "reference", "microsoft").length + 1)}`,
    contents: readFileSync(p),
  }));
  const generated = generateTemplates(defenderProxyBundle()).files.map((f) => ({
    name: `generated/${f.path}`,
    contents: typeof f.content === "string" ? new TextEncoder().encode(f.content) : f.content,
  }));
  return [...fixtures, ...microsoft, ...generated];
}

const ALL = cases();
/** xmllint's verdict on every case, asked in one run (keyed by case name). */
let xmllint: Map<string, boolean>;
beforeAll(async () => {
  xmllint = await xmllintVerdicts(ALL.map((c) => ({ fileName: c.name, contents: c.contents })));
});

describe("structural verdicts agree with xmllint and the libxml2 schema", () => {
  for (const { name, contents } of ALL) {
    it(name, () => {
      const valid = xmllint.get(name)!;
      const found = ours(name, contents);
      const structural = found.filter(isStructural);
      if (valid) {
        expect(structural, "xmllint accepts the file").toEqual([]);
        expect(tolerated(found), "a tolerance must only cover what the schema rejects").toEqual([]);
      } else if (structural.length === 0) {
        // xmllint rejects it and we do not: only a listed tolerance may explain that.
        expect(tolerated(found).length, "xmllint rejects the file").toBeGreaterThan(0);
      }
    });
  }
});

describe("--strict: every tolerated schema deviation is an error, so the verdict is xmllint's", () => {
  for (const { name, contents } of ALL) {
    it(name, () => {
      const valid = xmllint.get(name)!;
      const found = ours(name, contents).map(strictDiagnostic);
      // A label as the text of a control is how GPMC reads labels: an info even under --strict.
      const onlyLabels = found.length > 0 && found.every((d) => d.code === "XSD_LABEL_TEXT");
      if (!onlyLabels) expect(found.filter(isStructural).length === 0, "xmllint's verdict").toBe(valid);
    });
  }
});

describe("the listed differences are real", () => {
  const byName = new Map(ALL.map((c) => [basename(c.name), c]));
  for (const [code, fixtures] of Object.entries(TOLERATED)) {
    for (const fixture of fixtures) {
      it(`${code}: ${fixture} is rejected by the schema, only warned about by admxkit`, () => {
        const { name, contents } = byName.get(fixture)!;
        expect(xmllint.get(name)).toBe(false);
        const found = ours(fixture, contents);
        expect(found.filter((d) => d.severity === "error")).toEqual([]);
        expect(found.map((d) => d.code)).toContain(code);
      });
    }
  }
  for (const [code, fixtures] of Object.entries(STRICTER)) {
    for (const fixture of fixtures) {
      it(`${code}: ${fixture} is accepted by the schema, refused by admxkit as GPMC refuses it`, () => {
        const { name, contents } = byName.get(fixture)!;
        expect(xmllint.get(name)).toBe(true);
        expect(
          ours(fixture, contents)
            .filter((d) => d.severity === "error")
            .map((d) => d.code),
        ).toEqual([code]);
      });
    }
  }
});
