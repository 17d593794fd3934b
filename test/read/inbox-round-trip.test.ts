/**
 * Every policy Windows ships survives the model (issue 10.2): for each ADMX of both real central stores,
 * read → decodeTemplates → writeAdmx/writeAdml → read again, then each policy compiled Enabled (with defaults,
 * plus a sample for options it requires) and Disabled compiles without an error through both the
 * original and the rewritten template, and gives the same entries through each. No template may be
 * refused: hyphenated ids, keys with a trailing backslash, files without policies and the like are
 * "read, not authored" warnings, never a refusal.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAdml } from "../../src/templates/write-adml.js";
import { writeAdmx } from "../../src/templates/write-admx.js";
import { compilePolicy, type PolicyState } from "../../src/compile/index.js";
import type { Policy } from "../../src/model/types.js";
import type { PolEntry } from "../../src/pol/index.js";
import { CatalogKeys } from "../../src/read/catalog-keys.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { findTemplateFiles } from "../../src/read/store-files.js";
import { decodeTemplates } from "../../src/read/to-bundle.js";
import { toModelPolicy } from "../../src/read/to-model-policy.js";
import type { AdmlDocument, AdmxDocument } from "../../src/read/types.js";
import { SHARED } from "../helpers/cli.js";
import { enabledState } from "../helpers/enabled-state.js";
import { inboxStorePath } from "../helpers/inbox-store.js";
import { sameItems } from "../helpers/same-items.js";

const STORES = ["windows11-21h2", "windows10-1903"];

/**
 * The model policies of a read ADMX as `admxkit pol --admx` reads them: controls from one ADML. Each
 * file is parsed once and its document used for every comparison (parsing is most of this test).
 */
function policiesOf(admx: AdmxDocument | undefined, adml: AdmlDocument | undefined) {
  const keys = new CatalogKeys(adml?.strings.keys() ?? []);
  return (admx?.policies ?? []).map((read) => {
    const presentation =
      read.presentation === undefined ? undefined : adml?.presentations.get(read.presentation);
    return toModelPolicy(read, presentation, keys).policy;
  });
}

/** A read value without its source positions (they change when the file is rewritten). */
function withoutPlaces(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "at" ? undefined : v)));
}

/** What one state of a policy compiles to: its entries and the codes of its errors. */
function effect(policy: Policy, state: PolicyState) {
  const result = compilePolicy(policy, state);
  return {
    entries: result.entries,
    errors: result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code),
  };
}

/**
 * Two effects with the same error codes and the same entries field by field, byte for byte: then
 * `toEqual` holds too. Compared first because `toEqual` costs more than compiling both, for every
 * state of thousands of policies; only effects that differ here go through it.
 */
function sameEffect(a: ReturnType<typeof effect>, b: ReturnType<typeof effect>): boolean {
  const sameEntry = (x: PolEntry, y: PolEntry) =>
    Object.keys(x).length === 4 &&
    Object.keys(y).length === 4 &&
    x.key === y.key &&
    x.valueName === y.valueName &&
    x.type === y.type &&
    Buffer.compare(x.data, y.data) === 0;
  return (
    sameItems(a.errors, b.errors) &&
    a.entries.length === b.entries.length &&
    a.entries.every((entry, i) => sameEntry(entry, b.entries[i]!))
  );
}

describe.each(STORES)(
  "%s: every policy, read → model → written → read, has the same registry effect",
  (name) => {
    it("0 templates refused; Enabled and Disabled compile alike for every policy", async () => {
      const store = join(SHARED, "corpus", name, "PolicyDefinitions");
      const { templates } = await findTemplateFiles([store]);
      let policies = 0;
      let enabledEntries = 0;
      let withExtension = 0;
      let products = 0;
      let conditions = 0;
      const refused: string[] = [];
      const differing: string[] = [];
      const failed: string[] = [];
      for (const template of templates) {
        if (template.admx === undefined) continue;
        const base = basename(template.admx).replace(/\.admx$/i, "");
        const admxBytes = await readFile(template.admx);
        const admlPath = template.admls.find((a) => a.locale.toLowerCase() === "en-us")?.path;
        const admlBytes = admlPath === undefined ? undefined : await readFile(admlPath);
        const admx = parseAdmx(admxBytes, template.admx);
        const admls: Record<string, AdmlDocument> = {};
        if (admlBytes) admls["en-US"] = parseAdml(admlBytes, admlPath!).document!;
        const read = decodeTemplates(admx.document!, admls);
        if (!read.bundle) {
          refused.push(`${base}: ${read.diagnostics.find((d) => d.severity === "error")?.code}`);
          continue;
        }
        const again = parseAdmx(writeAdmx(read.bundle), `${base}.admx`).document!;
        const rewrittenAdml =
          admlBytes && parseAdml(writeAdml(read.bundle, "en-US"), `en-US/${base}.adml`).document;
        const rewritten = policiesOf(again, rewrittenAdml);
        const original = policiesOf(admx.document, admls["en-US"]);
        // Each comparison is made first and its expect only on a difference (see sameEffect).
        const names = [rewritten, original].map((list) => list.map((p) => p.name));
        if (!sameItems(names[0]!, names[1]!)) expect(names[0]).toEqual(names[1]);
        // What GPMC acts on beyond the registry: the client-side extension and the fallback culture.
        const extensions = [rewritten, original].map((list) => list.map((p) => p.clientExtension));
        if (!sameItems(extensions[0]!, extensions[1]!)) expect(extensions[0]).toEqual(extensions[1]);
        withExtension += original.filter((p) => p.clientExtension !== undefined).length;
        expect(again.fallbackCulture).toBe(admx.document!.fallbackCulture);
        // The supportedOn table as the editor's requirement filter reads it: products, versions, conditions.
        for (const [after, before] of [
          [again.products, admx.document!.products],
          [again.supportedOn, admx.document!.supportedOn],
        ] as const) {
          const [a, b] = [withoutPlaces(after), withoutPlaces(before)];
          // Both are JSON already: the same text is the same value.
          if (JSON.stringify(a) !== JSON.stringify(b)) expect(a).toEqual(b);
        }
        products += admx.document!.products.length;
        conditions += admx.document!.supportedOn.reduce((n, s) => n + s.references.length, 0);
        original.forEach((policy, i) => {
          policies++;
          for (const state of [enabledState(policy), { state: "disabled" } as const]) {
            const before = effect(policy, state);
            const after = effect(rewritten[i]!, state);
            if (state.state === "enabled") enabledEntries += before.entries.length;
            // Two templates failing alike would compare equal: each must compile, through either one.
            for (const [which, outcome] of [
              ["original", before],
              ["rewritten", after],
            ] as const) {
              if (outcome.errors.length > 0)
                failed.push(`${base} ${policy.name} ${state.state} (${which}): ${outcome.errors.join(", ")}`);
            }
            if (sameEffect(after, before)) continue;
            try {
              expect(after).toEqual(before);
            } catch {
              differing.push(`${base} ${policy.name} ${state.state}`);
            }
          }
        });
      }
      expect(refused).toEqual([]);
      expect(failed).toEqual([]);
      expect(differing).toEqual([]);
      expect(policies).toBeGreaterThan(3000);
      expect(enabledEntries).toBeGreaterThan(policies);
      expect(withExtension).toBeGreaterThan(50);
      expect(products).toBeGreaterThan(50);
      expect(conditions).toBeGreaterThan(200);
    }, 60_000);
  },
);

describe("read, not authored", () => {
  const dir = inboxStorePath("windows11-21h2");
  const read = async (edit: (text: string) => string) => {
    const admx = edit(await readFile(join(dir, "P2P-pnrp.admx"), "utf8"));
    const adml = parseAdml(await readFile(join(dir, "en-US", "P2P-pnrp.adml")), "en-US/P2P-pnrp.adml");
    return decodeTemplates(parseAdmx(admx, "P2P-pnrp.admx").document!, { "en-US": adml.document! });
  };

  it("a hyphen in a prefix (P2P-pnrp.admx) is kept, with a warning that names it", async () => {
    const kept = await read((text) => text);
    expect(kept.bundle?.target.prefix).toBe("p2p-pnrp");
    const notAuthored = kept.diagnostics.filter((d) => d.code === "READ_NOT_AUTHORED");
    expect(notAuthored.map((d) => [d.severity, d.params.path, d.line])).toEqual([
      ["warning", "target.prefix", 5],
    ]);
  });

  it("a dot in a prefix, as vendors write them (pcoip.client), is kept with a warning", async () => {
    const kept = await read((text) => text.replace('prefix="p2p-pnrp"', 'prefix="p2p.pnrp"'));
    expect(kept.bundle?.target.prefix).toBe("p2p.pnrp");
    expect(kept.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a dot in a policy name, which GPMC refuses, still gives no bundle", async () => {
    const refused = await read((text) => text.replace(/(<policy [^>]*name=")([^"]+)"/, '$1$2.x"'));
    expect(refused.bundle).toBeUndefined();
    expect(refused.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toContain(
      "ID_INVALID",
    );
  });
});
