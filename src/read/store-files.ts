/**
 * Finds the files of a central store (PolicyDefinitions): `<dir>/*.admx` and `<dir>/<locale>/*.adml`,
 * matched by base name without regard to case, as Windows matches them. Inputs may be store folders,
 * single ADMX files (their ADMLs are found beside them) or single ADML files (their ADMX is looked for
 * one folder up).
 */
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";

/** An ADMX and its ADMLs (either side may be missing). */
export interface TemplateFiles {
  readonly base: string;
  readonly admx?: string;
  /** Sorted by locale. */
  readonly admls: readonly { readonly locale: string; readonly path: string }[];
}

/** The templates found, the locale folders seen, and the inputs that could not be used. */
export interface StoreFiles {
  readonly templates: readonly TemplateFiles[];
  /** Locale folders present in the store folders given (folder names as written). */
  readonly localeFolders: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Folder names that are locales: `en-US`, `ja-JP`, `sr-Latn-RS`, also lower-case as some stores have. */
const LOCALE_FOLDER = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})+$/i;

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

const ext = (name: string) => extname(name).toLowerCase();
const baseOf = (name: string) => basename(name, extname(name));

class Collector {
  readonly groups = new Map<
    string,
    { base: string; admx?: string; admls: Map<string, { locale: string; path: string }> }
  >();
  readonly locales = new Map<string, string>();
  readonly misplaced: string[] = [];

  private group(base: string) {
    const key = base.toLowerCase();
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { base, admls: new Map() }));
    return g;
  }

  admx(path: string): void {
    this.group(baseOf(path)).admx = path;
  }

  adml(path: string, locale: string): void {
    this.group(baseOf(path)).admls.set(locale.toLowerCase(), { locale, path });
  }

  /** Every ADMX of a folder, and every ADML of its locale folders. */
  async folder(dir: string): Promise<void> {
    const list = await entries(dir);
    if (!list.some((e) => e.isFile() && ext(e.name) === ".admx")) {
      const nested = list.find((e) => e.isDirectory() && e.name.toLowerCase() === "policydefinitions");
      if (nested) return this.folder(join(dir, nested.name));
    }
    for (const e of list) {
      if (e.isFile() && ext(e.name) === ".admx") this.admx(join(dir, e.name));
      // GPMC looks for ADMLs only in locale folders ("resource file could not be found").
      else if (e.isFile() && ext(e.name) === ".adml") this.misplaced.push(join(dir, e.name));
      else if (e.isDirectory() && LOCALE_FOLDER.test(e.name)) {
        this.locales.set(e.name.toLowerCase(), e.name);
        for (const f of await entries(join(dir, e.name))) {
          if (f.isFile() && ext(f.name) === ".adml") this.adml(join(dir, e.name, f.name), e.name);
        }
      }
    }
  }

  /** An ADMX file and the ADMLs of the same name in the locale folders beside it. */
  async admxFile(path: string): Promise<void> {
    this.admx(path);
    const base = baseOf(path).toLowerCase();
    for (const e of await entries(dirname(path))) {
      if (!e.isDirectory() || !LOCALE_FOLDER.test(e.name)) continue;
      const match = (await entries(join(dirname(path), e.name))).find(
        (f) => f.isFile() && ext(f.name) === ".adml" && baseOf(f.name).toLowerCase() === base,
      );
      if (match) this.adml(join(dirname(path), e.name, match.name), e.name);
    }
  }

  /** An ADML file and the ADMX of the same name one folder up. */
  async admlFile(path: string): Promise<void> {
    if (!LOCALE_FOLDER.test(basename(dirname(path)))) return void this.misplaced.push(path);
    this.adml(path, basename(dirname(path)));
    const store = dirname(dirname(path));
    const base = baseOf(path).toLowerCase();
    const match = (await entries(store)).find(
      (f) => f.isFile() && ext(f.name) === ".admx" && baseOf(f.name).toLowerCase() === base,
    );
    if (match) this.admx(join(store, match.name));
  }
}

/** Finds the templates of the given files and folders. Paths that do not exist are reported. */
export async function findTemplateFiles(paths: readonly string[]): Promise<StoreFiles> {
  const collector = new Collector();
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => undefined);
    if (!info) diagnostics.push(diag("STORE_PATH_NOT_FOUND", { path: given }, { file: given }));
    else if (info.isDirectory()) await collector.folder(path);
    else if (ext(path) === ".admx") await collector.admxFile(path);
    else if (ext(path) === ".adml") await collector.admlFile(path);
    else diagnostics.push(diag("STORE_NOT_A_TEMPLATE", { path: given }, { file: given }));
  }
  for (const path of collector.misplaced)
    diagnostics.push(diag("STORE_ADML_MISPLACED", { path }, { file: path }));
  const templates = [...collector.groups.values()]
    .sort((a, b) => a.base.toLowerCase().localeCompare(b.base.toLowerCase()))
    .map((g) => ({
      base: g.base,
      ...(g.admx !== undefined && { admx: g.admx }),
      admls: [...g.admls.values()].sort((a, b) => a.locale.localeCompare(b.locale)),
    }));
  if (templates.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diag("STORE_EMPTY", { paths: paths.join(", ") }, { file: paths[0] ?? "" }));
  }
  return { templates, localeFolders: [...collector.locales.values()].sort(), diagnostics };
}
