/**
 * A persistent cache of the names each ADMX defines (template-names.ts), so that `pol --admx` and its
 * friends need not open every template of a store to find the few a values file uses: a `stat` per
 * file instead of a read, a decode and a scan.
 *
 * It can never go stale: an entry is used only when the file's path, size, modification time, change
 * time and inode are all as they were when it was scanned. The change time is set by the system on
 * every write and cannot be set back by tools that restore modification times (`cp -p`, `rsync -t`,
 * archive extractors), so an edited file is always scanned again. It is safe to delete at any time (it
 * is rebuilt as needed), written atomically (temporary file and rename), and any problem with it — a
 * missing, unreadable or malformed file, a read-only folder — only means the store is scanned as if
 * there were no cache. A wrong guess could only cost time anyway: read-store.ts reads the whole store
 * when a name is found in no template.
 *
 * Location: `ADMXKIT_CACHE_DIR`, else `%LOCALAPPDATA%\admxkit` on Windows, `$XDG_CACHE_HOME/admxkit` or
 * `~/.cache/admxkit` elsewhere. `ADMXKIT_NO_CACHE=1` turns it off.
 */
import { randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { TemplateNames } from "./template-names.js";

/** Bumped whenever the scan or the file's shape changes, so an old file is simply ignored. */
const VERSION = 1;
const FILE = `template-names-v${VERSION}.json`;
/** Entries kept at most: a cache for a few stores, not a history of every file ever seen. */
const MAX_ENTRIES = 20_000;

interface CacheEntry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly names: TemplateNames;
}

/** The cache folder, or undefined when the cache is turned off or there is nowhere to put it. */
export function namesCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ADMXKIT_NO_CACHE === "1") return undefined;
  if (env.ADMXKIT_CACHE_DIR) return env.ADMXKIT_CACHE_DIR;
  if (process.platform === "win32" && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "admxkit");
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "admxkit");
  const home = homedir();
  return home ? join(home, ".cache", "admxkit") : undefined;
}

function isNames(value: unknown): value is TemplateNames {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const optional = (x: unknown) => x === undefined || typeof x === "string";
  return (
    optional(v.namespace) &&
    optional(v.prefix) &&
    Array.isArray(v.policies) &&
    v.policies.every((p) => typeof p === "string")
  );
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.size === "number" &&
    typeof v.mtimeMs === "number" &&
    typeof v.ctimeMs === "number" &&
    typeof v.ino === "number" &&
    isNames(v.names)
  );
}

function sameFile(entry: CacheEntry, info: Stats): boolean {
  return (
    entry.size === info.size &&
    entry.mtimeMs === info.mtimeMs &&
    entry.ctimeMs === info.ctimeMs &&
    entry.ino === info.ino
  );
}

/** The names cache of one run: look up by path and file state, remember new scans, save once. */
export class NamesCache {
  private constructor(
    private readonly dir: string | undefined,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  private changed = false;

  /** Opens the cache in `dir` (see {@link namesCacheDir}); an absent or unusable file gives an empty one. */
  static async open(dir: string | undefined = namesCacheDir()): Promise<NamesCache> {
    const entries = new Map<string, CacheEntry>();
    if (dir === undefined) return new NamesCache(undefined, entries);
    try {
      const parsed: unknown = JSON.parse(await readFile(join(dir, FILE), "utf8"));
      const files = (parsed as { files?: unknown } | null)?.files;
      if (typeof files === "object" && files !== null) {
        for (const [path, entry] of Object.entries(files)) if (isEntry(entry)) entries.set(path, entry);
      }
    } catch {
      // No cache yet, or one that cannot be used: start empty.
    }
    return new NamesCache(dir, entries);
  }

  /** The file's state, for {@link get} and {@link set}; undefined when it cannot be read. */
  static async state(path: string): Promise<Stats | undefined> {
    return stat(path).catch(() => undefined);
  }

  /** The cached names of `path`, when the file is exactly as it was when scanned. */
  get(path: string, info: Stats | undefined): TemplateNames | undefined {
    const entry = this.entries.get(path);
    return entry && info && sameFile(entry, info) ? entry.names : undefined;
  }

  /** Remembers the names scanned from `path` in state `info` (taken before it was read). */
  set(path: string, info: Stats | undefined, names: TemplateNames): void {
    if (this.dir === undefined || info === undefined) return;
    const { size, mtimeMs, ctimeMs, ino } = info;
    this.entries.delete(path);
    this.entries.set(path, { size, mtimeMs, ctimeMs, ino, names });
    this.changed = true;
  }

  /** Writes the cache back when it learned something; failures are ignored (it is only a cache). */
  async save(): Promise<void> {
    if (this.dir === undefined || !this.changed) return;
    // The oldest entries go first: a Map iterates in insertion order and set() moves an entry last.
    const kept = [...this.entries].slice(-MAX_ENTRIES);
    const files: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>;
    for (const [path, entry] of kept) files[path] = entry;
    const target = join(this.dir, FILE);
    const temp = `${target}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, JSON.stringify({ version: VERSION, files }));
      await rename(temp, target);
      this.changed = false;
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
