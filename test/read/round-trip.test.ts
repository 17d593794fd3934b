import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAdml } from "../../src/templates/write-adml.js";
import { writeAdmx } from "../../src/templates/write-admx.js";
import { generateTemplates } from "../../src/templates/generate.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { collectStringUses } from "../../src/model/strings.js";
import type { Bundle } from "../../src/model/types.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { decodeTemplates } from "../../src/read/to-bundle.js";
import type { AdmlDocument } from "../../src/read/types.js";
import { SHARED } from "../helpers/cli.js";
import { validateXml } from "../helpers/xsd.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");

/**
 * A bundle with every catalog key replaced by its texts ({locale: text}), so that two bundles compare
 * equal when they say the same things, whatever keys their catalogs use. Keys a reader must invent
 * (labels, the ADML's own display name) then stop mattering; the texts behind them still must match.
 */
function resolved(bundle: Bundle): unknown {
  const keys = new Set(collectStringUses(bundle).map((u) => u.id));
  const texts = (key: string) =>
    Object.fromEntries(Object.entries(bundle.locales).map(([locale, catalog]) => [locale, catalog[key]]));
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return keys.has(value) ? texts(value) : value;
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === "name" || k === "id" ? v : walk(v)]),
      );
    }
    return value;
  };
  const { locales: _locales, id: _id, $schema: _s, ...rest } = bundle;
  return walk(rest);
}

/** What ADMX cannot carry: `format` is admxkit's own check on text values, not an ADMX attribute. */
/** The model without what an ADMX cannot carry: text formats and a policy's Intune route. */
function withoutFormats(bundle: Bundle): Bundle {
  return {
    ...bundle,
    policies: bundle.policies.map(({ intune: _intune, ...p }) => ({
      ...p,
      ...(p.elements && {
        elements: p.elements.map((e) => (e.kind === "text" ? (({ format: _f, ...rest }) => rest)(e) : e)),
      }),
    })) as Bundle["policies"],
  };
}

function readBack(admxText: string | Uint8Array, admls: Record<string, string | Uint8Array>, name: string) {
  const admx = parseAdmx(admxText, `${name}.admx`);
  expect(admx.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const documents: Record<string, AdmlDocument> = {};
  for (const [locale, text] of Object.entries(admls)) {
    const adml = parseAdml(text, `${locale}/${name}.adml`);
    expect(adml.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    documents[locale] = adml.document!;
  }
  return decodeTemplates(admx.document!, documents);
}

describe("our bundle: generated → read → the same model", () => {
  const original = defenderProxyBundle();
  const files = generateTemplates(original).files;
  const text = (path: string) => files.find((f) => f.path === path)!.content as string;
  const read = readBack(
    text("PolicyDefinitions/AdmxkitDefenderProxy.admx"),
    {
      "en-US": text("PolicyDefinitions/en-US/AdmxkitDefenderProxy.adml"),
      "ja-JP": text("PolicyDefinitions/ja-JP/AdmxkitDefenderProxy.adml"),
    },
    "AdmxkitDefenderProxy",
  );

  it("reads without a diagnostic", () => {
    expect(read.diagnostics).toEqual([]);
  });

  it("equals the model, text for text in both locales (catalog keys aside)", () => {
    expect(resolved(read.bundle!)).toEqual(resolved(withoutFormats(original)));
  });

  it("writes the same ADMX and ADML again, but for the generated comment naming the bundle id", () => {
    const again = { ...read.bundle!, id: original.id };
    expect(writeAdmx(again)).toBe(text("PolicyDefinitions/AdmxkitDefenderProxy.admx"));
    for (const locale of ["en-US", "ja-JP"]) {
      expect(writeAdml(again, locale)).toBe(text(`PolicyDefinitions/${locale}/AdmxkitDefenderProxy.adml`));
    }
  });
});

describe("Microsoft's DataCollection.admx: read → written → XSD-valid and equivalent", () => {
  const bytes = (path: string) => readFileSync(join(MICROSOFT, path));
  const first = readBack(
    bytes("DataCollection.admx"),
    {
      "en-US": bytes("en-US/DataCollection.adml"),
      "ja-JP": bytes("ja-JP/DataCollection.adml"),
    },
    "DataCollection",
  );
  const bundle = first.bundle!;

  it("fits the model; the only finding is the 1903 ja-JP ADML lacking the newer policies' strings", () => {
    expect(first.diagnostics.map((d) => [d.code, d.params.locale, d.params.count])).toEqual([
      ["READ_LOCALE_INCOMPLETE", "ja-JP", 14],
    ]);
    expect(bundle.policies.map((p) => p.name)).toContain("TelemetryProxy");
    const proxy = bundle.policies.find((p) => p.name === "TelemetryProxy")!;
    expect(proxy.elements?.[0]).toMatchObject({
      kind: "text",
      id: "TelemetryProxyName",
      valueName: "TelemetryProxyServer",
    });
    expect(bundle.policies.find((p) => p.name === "CommercialIdPolicy")?.presentationId).toBe("CommercialID");
  });

  it("the written ADMX and en-US ADML are schema-valid and read back to the same model", async () => {
    const admx = writeAdmx(bundle);
    const adml = writeAdml(bundle, "en-US");
    expect((await validateXml(admx, "admx")).errors).toEqual([]);
    expect((await validateXml(adml, "adml")).errors).toEqual([]);
    const again = readBack(admx, { "en-US": adml }, "DataCollection");
    const enOnly = { ...bundle, locales: { "en-US": bundle.locales["en-US"]! } };
    expect(again.bundle).toEqual(enOnly);
  });

  it("ja-JP: the policies its ADML covers round-trip too", async () => {
    const catalog = bundle.locales["ja-JP"]!;
    const covered = bundle.policies.filter((p) => catalog[p.displayName] !== undefined);
    expect(covered.length).toBe(12);
    const subset = { ...bundle, policies: covered, locales: { "ja-JP": catalog } };
    const adml = writeAdml(subset, "ja-JP");
    expect((await validateXml(adml, "adml")).errors).toEqual([]);
    const again = readBack(writeAdmx(subset), { "ja-JP": adml }, "DataCollection");
    expect(resolved(again.bundle!)).toEqual(resolved(subset));
    expect(adml).toContain("<label>プロキシ サーバー名:</label>");
  });
});

describe("decodeTemplates without an ADML", () => {
  it("says there is no ADML, rather than naming an empty locale (no double space)", () => {
    const admx = parseAdmx(writeAdmx(defenderProxyBundle()), "DefenderProxy.admx").document!;
    const read = decodeTemplates(admx, {});
    const missing = read.diagnostics.filter((d) => d.code.startsWith("READ_ELEMENT_WITHOUT"));
    expect(missing.length).toBeGreaterThan(0);
    for (const d of missing) {
      expect(d.code).toBe("READ_ELEMENT_WITHOUT_ADML");
      for (const locale of ["en-US", "ja-JP"] as const)
        expect(formatDiagnostic(d, locale)).not.toMatch(/ {2}/);
    }
  });
});
