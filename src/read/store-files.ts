/**
 * Finds the files of a central store (PolicyDefinitions): `<dir>/*.admx` and `<dir>/<locale>/*.adml`,
 * matched by base name without regard to case, as Windows matches them. Inputs may be store folders,
 * single ADMX files (their ADMLs are found beside them) or single ADML files (their ADMX is looked for
 * one folder up).
 */
import { readdir, readlink, realpath, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fileSystemDiagnostic } from "../io/read-input.js";

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

/**
 * Folder names that are locales: `en-US`, `ja-JP`, `sr-Latn-RS`, `es-419`, also lower-case as some
 * stores have, and neutral languages (`es`, `el`, `fil`), which Chrome's templates ship.
 */
const LOCALE_FOLDER = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** A folder entry by what it leads to: a folder, or anything else (read as a file, which says what it is). */
interface Entry {
  readonly name: string;
  readonly path: string;
  readonly folder: boolean;
}

/**
 * What a path leads to, following symbolic links as Windows follows links in SYSVOL. A link that leads
 * nowhere (dangling, or a loop) is a diagnostic: a store with such a link would silently lack a file.
 */
async function follow(path: string): Promise<{ folder: boolean } | Diagnostic> {
  try {
    return { folder: (await stat(path)).isDirectory() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      const target = await readlink(path).catch(() => undefined);
      if (target !== undefined) return diag("STORE_LINK_BROKEN", { path, target }, { file: path });
    }
    return fileSystemDiagnostic(path, error);
  }
}

const isDiagnostic = (value: object): value is Diagnostic => "code" in value;

/**
 * The entries of a folder that `wanted` keeps (by name), symbolic links resolved. Problems (an
 * unreadable folder, a link leading nowhere) go to `out`: nothing is skipped without a word.
 */
async function entries(dir: string, wanted: (name: string) => boolean, out: Diagnostic[]): Promise<Entry[]> {
  let list;
  try {
    list = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.push(fileSystemDiagnostic(dir, error));
    return [];
  }
  const found: Entry[] = [];
  for (const e of list) {
    if (!wanted(e.name)) continue;
    const path = join(dir, e.name);
    if (!e.isSymbolicLink()) {
      found.push({ name: e.name, path, folder: e.isDirectory() });
      continue;
    }
    const target = await follow(path);
    if (isDiagnostic(target)) out.push(target);
    else found.push({ name: e.name, path, folder: target.folder });
  }
  return found;
}

/** Names a store walk looks at: templates, locale folders, and a nested PolicyDefinitions folder. */
const storeName = (name: string) =>
  [".admx", ".adml"].includes(ext(name)) ||
  LOCALE_FOLDER.test(name) ||
  name.toLowerCase() === "policydefinitions";

const ext = (name: string) => extname(name).toLowerCase();
const baseOf = (name: string) => basename(name, extname(name));

class Collector {
  readonly groups = new Map<
    string,
    { base: string; admx?: string; admls: Map<string, { locale: string; path: string }> }
  >();
  readonly locales = new Map<string, string>();
  readonly misplaced: string[] = [];
  readonly problems: Diagnostic[] = [];
  /** Real paths of the folders walked: a link back to a folder already walked is not walked again. */
  private readonly walked = new Set<string>();

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

  private list(dir: string): Promise<Entry[]> {
    return entries(dir, storeName, this.problems);
  }

  /** Every ADMX of a folder, and every ADML of its locale folders. */
  async folder(dir: string): Promise<void> {
    const real = await realpath(dir).catch(() => dir);
    if (this.walked.has(real)) return;
    this.walked.add(real);
    const list = await this.list(dir);
    if (!list.some((e) => !e.folder && ext(e.name) === ".admx")) {
      const nested = list.find((e) => e.folder && e.name.toLowerCase() === "policydefinitions");
      if (nested) return this.folder(nested.path);
    }
    for (const e of list) {
      if (!e.folder && ext(e.name) === ".admx") this.admx(e.path);
      // GPMC looks for ADMLs only in locale folders ("resource file could not be found").
      else if (!e.folder && ext(e.name) === ".adml") this.misplaced.push(e.path);
      else if (e.folder && LOCALE_FOLDER.test(e.name)) {
        this.locales.set(e.name.toLowerCase(), e.name);
        for (const f of await this.list(e.path)) {
          if (!f.folder && ext(f.name) === ".adml") this.adml(f.path, e.name);
        }
      }
    }
  }

  /** An ADMX file and the ADMLs of the same name in the locale folders beside it. */
  async admxFile(path: string): Promise<void> {
    this.admx(path);
    const base = baseOf(path).toLowerCase();
    for (const e of await this.list(dirname(path))) {
      if (!e.folder || !LOCALE_FOLDER.test(e.name)) continue;
      const match = (await this.list(e.path)).find(
        (f) => !f.folder && ext(f.name) === ".adml" && baseOf(f.name).toLowerCase() === base,
      );
      if (match) this.adml(match.path, e.name);
    }
  }

  /** An ADML file and the ADMX of the same name one folder up. */
  async admlFile(path: string): Promise<void> {
    if (!LOCALE_FOLDER.test(basename(dirname(path)))) return void this.misplaced.push(path);
    this.adml(path, basename(dirname(path)));
    const store = dirname(dirname(path));
    const base = baseOf(path).toLowerCase();
    const match = (await this.list(store)).find(
      (f) => !f.folder && ext(f.name) === ".admx" && baseOf(f.name).toLowerCase() === base,
    );
    if (match) this.admx(match.path);
  }
}

/**
 * Finds the templates of the given files and folders. Symbolic links are followed (files, locale folders,
 * the store itself), as Windows follows links in SYSVOL; paths that do not exist, links that lead
 * nowhere and folders that cannot be read are reported, never skipped silently.
 */
export async function findTemplateFiles(paths: readonly string[]): Promise<StoreFiles> {
  const collector = new Collector();
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const target = await follow(given);
    if (isDiagnostic(target)) diagnostics.push(target);
    else if (target.folder) await collector.folder(path);
    else if (ext(path) === ".admx") await collector.admxFile(path);
    else if (ext(path) === ".adml") await collector.admlFile(path);
    else diagnostics.push(diag("STORE_NOT_A_TEMPLATE", { path: given }, { file: given }));
  }
  diagnostics.push(...collector.problems);
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
