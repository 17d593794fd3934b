/**
 * Helpers of the vendor-template tests (issue 19, items 6 and 7): the rule is that whatever GPMC loads,
 * every command reads. For a store folder they run `preview --admx` and say which policy pages it must
 * have written, convert every template with the library's `decodeTemplates`, and run the round trip
 * `pol --admx` → `values --from` → `pol` for one policy.
 */
import { enumItemOption } from "../../src/compile/elements/enum.js";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { expect } from "vitest";
import type { OptionValue } from "../../src/compile/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Bundle, Policy } from "../../src/model/types.js";
import { parseAdml, parseAdmx } from "../../src/read/read-file.js";
import { readStore } from "../../src/read/read-store.js";
import { findTemplateFiles } from "../../src/read/store-files.js";
import { decodeTemplates } from "../../src/read/to-bundle.js";
import type { AdmlDocument } from "../../src/read/types.js";
import { REPO_ROOT, runCli, SHARED, tempDir } from "./cli.js";

/** The fixtures of this issue, each a small PolicyDefinitions folder written for the trait it shows. */
export const VENDOR_FIXTURES = join(REPO_ROOT, "test", "fixtures", "vendor-traits");
/** The vendor families of the shared corpus, as their vendors ship them. */
export const VENDOR_CORPUS = join(SHARED, "corpus", "vendor");

/** Every file below a folder, relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** One template of a folder, converted: its base name, its bundle (if any) and what the conversion said. */
export interface ConvertedTemplate {
  readonly base: string;
  readonly locales: readonly string[];
  readonly bundle?: Bundle;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads the templates of a folder (all, or those `only` keeps) and converts each with `decodeTemplates`. */
export async function convertFolder(
  dir: string,
  only: (base: string) => boolean = () => true,
): Promise<ConvertedTemplate[]> {
  const found = await findTemplateFiles([dir]);
  const converted: ConvertedTemplate[] = [];
  for (const template of found.templates) {
    if (template.admx === undefined || !only(basename(template.admx).replace(/\.admx$/i, ""))) continue;
    // The schema's findings are validate's and preview's to report; the conversion does not use them.
    const admx = parseAdmx(await readFile(template.admx), basename(template.admx), { schema: false });
    const admls: Record<string, AdmlDocument> = {};
    for (const adml of template.admls) {
      const read = parseAdml(await readFile(adml.path), `${adml.locale}/${basename(adml.path)}`, {
        schema: false,
      });
      if (read.document) admls[adml.locale] = read.document;
    }
    expect(admx.document, template.admx).toBeDefined();
    const read = decodeTemplates(admx.document!, admls);
    converted.push({
      base: basename(template.admx).replace(/\.admx$/i, ""),
      locales: Object.keys(admls).sort(),
      ...(read.bundle && { bundle: read.bundle }),
      diagnostics: read.diagnostics,
    });
  }
  return converted;
}

/**
 * The policy pages `preview --admx` must write for a folder: every policy of every template, in every
 * locale that has the template's ADML (`<locale>/<Policy>.html` for a folder of one template,
 * `<locale>/<Template>/<Policy>.html` for a store).
 */
export function expectedPages(templates: readonly ConvertedTemplate[]): string[] {
  const store = templates.length > 1;
  return templates
    .flatMap((t) =>
      t.locales.flatMap((locale) =>
        (t.bundle?.policies ?? []).map((p) =>
          store ? join(locale, t.base, `${p.name}.html`) : join(locale, `${p.name}.html`),
        ),
      ),
    )
    .sort();
}

/**
 * The policy pages `preview --admx` must write for a store folder, from the ADMX files alone (cheaper
 * than converting every template): `<locale>/<Template>/<Policy>.html` for every locale with the ADML.
 */
export async function storePages(dir: string): Promise<string[]> {
  const found = await findTemplateFiles([dir]);
  const pages: string[] = [];
  for (const template of found.templates) {
    if (template.admx === undefined) continue;
    const base = basename(template.admx).replace(/\.admx$/i, "");
    const admx = parseAdmx(await readFile(template.admx), basename(template.admx), { schema: false });
    for (const { locale } of template.admls)
      for (const policy of admx.document?.policies ?? [])
        pages.push(join(locale, base, `${policy.name}.html`));
  }
  return pages.sort();
}

/** An option for every element of a policy, plain and in range, for a round trip. */
export function everyOption(policy: Policy): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const element of policy.elements ?? []) {
    if (element.kind === "boolean") options[element.id] = true;
    else if (element.kind === "decimal" || element.kind === "longDecimal")
      options[element.id] = Number(element.minValue ?? 0) + (element.maxValue === undefined ? 1 : 0);
    else if (element.kind === "text") options[element.id] = "x";
    else if (element.kind === "multiText") options[element.id] = ["x", "y"];
    else if (element.kind === "enum") {
      // The last item, by the name a values file gives it (its id, or the number it writes).
      const last = enumItemOption(element, element.items.length - 1);
      if (last !== undefined) options[element.id] = last;
    } else if (element.kind === "list")
      options[element.id] = element.explicitValue ? { a: "x", b: "y" } : ["x", "y"];
  }
  return options;
}

/** Stores read for samples, by folder: the same family is sampled alone and for the merged store. */
const readStores = new Map<string, ReturnType<typeof readStore>>();

/**
 * A sample of a store's policies with elements, spread over its templates: `count` of them, evenly
 * spaced in file order, each with the values-file key that names it alone and the side it is set on.
 */
export async function samplePolicies(dir: string, count: number): Promise<RoundTripCase[]> {
  let read = readStores.get(dir);
  if (!read) readStores.set(dir, (read = readStore(dir)));
  const store = await read;
  const withElements = store.policies.filter((p) => (p.policy.elements ?? []).length > 0);
  const step = Math.max(1, Math.floor(withElements.length / count));
  return withElements
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((p) => ({
      key: `${p.prefix}:${p.policy.name}`,
      side: p.policy.class === "User" ? "user" : "machine",
      options: everyOption(p.policy),
    }));
}

/** Runs `preview --admx dir` into a new folder: the result and the files written. */
export async function previewFolder(dir: string, extra: readonly string[] = []) {
  const out = join(await tempDir("admxkit-vendor-preview-"), "site");
  const result = await runCli(["preview", "--admx", dir, "--no-editor", ...extra, "--out", out]);
  const files = result.code === 0 ? await listFiles(out) : [];
  return {
    result,
    out,
    files,
    pages: files.filter((f) => /[\\/][^\\/]+\.html$/.test(f) && !/index\.html$/.test(f)),
  };
}

/** One policy set Enabled with options: the values-file key and the side it is written on. */
export interface RoundTripCase {
  readonly key: string;
  readonly side: "machine" | "user";
  readonly options: Readonly<Record<string, OptionValue>>;
}

/**
 * `pol --admx` of the policies (Enabled with their options; one values file per side), `values --from`
 * of that Registry.pol, `pol --admx` of the values read back: both Registry.pol files must be byte for
 * byte the same, and hold entries. Returns the values files read back, by side.
 */
export async function expectRoundTrip(
  dir: string,
  ...tests: readonly RoundTripCase[]
): Promise<Record<string, unknown>> {
  const cwd = await tempDir("admxkit-vendor-round-");
  const run = (args: string[]) => runCli([...args, "--admx", dir], { cwd });
  const readBack: Record<string, unknown> = {};
  for (const side of ["machine", "user"] as const) {
    const mine = tests.filter((t) => t.side === side);
    if (mine.length === 0) continue;
    const policies = Object.fromEntries(mine.map((t) => [t.key, { state: "enabled", options: t.options }]));
    await writeFile(join(cwd, `${side}.json`), JSON.stringify({ [side]: policies }));
    const first = await run(["pol", "--values", `${side}.json`, "--class", side, "--out", `${side}-a.pol`]);
    expect(first.code, first.stderr).toBe(0);
    const back = await run(["values", "--from", `${side}-a.pol`, "--class", side, "--out", `${side}-b.json`]);
    expect(back.code, back.stderr).toBe(0);
    const second = await run([
      "pol",
      "--values",
      `${side}-b.json`,
      "--class",
      side,
      "--out",
      `${side}-c.pol`,
    ]);
    expect(second.code, second.stderr).toBe(0);
    const a = await readFile(join(cwd, `${side}-a.pol`));
    expect(a.length).toBeGreaterThan(8);
    expect(await readFile(join(cwd, `${side}-c.pol`))).toEqual(a);
    readBack[side] = JSON.parse(await readFile(join(cwd, `${side}-b.json`), "utf8"));
  }
  return readBack;
}

/**
 * A temporary copy of several PolicyDefinitions folders merged into one, as an administrator copies
 * vendor templates into a central store on Windows: locale folders merge case-insensitively (Office's
 * `en-us` into Windows' `en-US`), and a file of the same name replaces the one already there.
 */
export async function mergedStore(dirs: readonly string[]): Promise<string> {
  const target = join(await tempDir("admxkit-vendor-store-"), "PolicyDefinitions");
  await mkdir(target);
  // Each file's source by its place in the store, later folders replacing earlier ones; then the files
  // are copied at once (fs.cp walks and checks every file of a folder one after the other).
  const folders = new Map<string, string>();
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) {
        files.set(entry.name, join(dir, entry.name));
        continue;
      }
      const name = folders.get(entry.name.toLowerCase()) ?? entry.name;
      folders.set(name.toLowerCase(), name);
      for (const file of await readdir(join(dir, entry.name)))
        files.set(join(name, file), join(dir, entry.name, file));
    }
  }
  await Promise.all([...folders.values()].map((name) => mkdir(join(target, name))));
  await Promise.all([...files].map(([place, source]) => copyFile(source, join(target, place))));
  return target;
}
