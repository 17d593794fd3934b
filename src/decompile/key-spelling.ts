/**
 * The `keySpelling` a decoded values file needs so that compiling it spells every key component as the
 * GPO does. The compiler spells each component as most of the entries do (src/compile/registry-order.ts),
 * which is GPMC's choice in nearly every component of real GPOs but not in all of them: the editor
 * keeps the spelling of the setting made first, which no file records. So the decoder compiles what it
 * decoded and names, for each component spelled otherwise than in the file, its key as the file spells
 * it; nothing is named when the compiler already agrees.
 */
import { componentPaths, type PolEntry } from "../pol/index.js";
import { keyId } from "./entry-table.js";

/**
 * How many distinct key strings {@link distinctKeys} remembers. A GPO has hundreds of keys, shared as
 * one string each by the decoder; past this many a file is made of keys used about once each, and
 * remembering them would only add a table.
 */
const MAX_REMEMBERED_KEYS = 1 << 16;

/**
 * The keys given, each string once (up to {@link MAX_REMEMBERED_KEYS} distinct ones; past that, later
 * repeats pass again, which only costs time). A file of millions of entries names a few hundred keys:
 * splitting and upper-casing a key once instead of once per entry keeps the walks below from making
 * garbage in proportion to the entries.
 */
export function* distinctKeys(keys: Iterable<string>): Generator<string> {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    if (seen.size < MAX_REMEMBERED_KEYS) seen.add(key);
    yield key;
  }
}

/** The keys of `entries`, in their order, without an array of them. */
export function* keysOf(entries: Iterable<PolEntry>): Generator<string> {
  for (const entry of entries) yield entry.key;
}

/** Upper-cased path of each key component → its first spelling, for keys in the order given. */
export function componentSpellings(keys: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of distinctKeys(keys))
    for (const [path, part] of componentPaths(key)) if (!out.has(path)) out.set(path, part);
  return out;
}

/**
 * The keys, spelled as in `file`, whose components the compiler spells otherwise: only the deepest
 * such key of a branch (a key fixes the spelling of all its components), in the compiler's key order.
 * `written` are the keys of every entry the decoded values file writes, as the templates spell them
 * (walked once: a generator will do, so that no array of a key per entry is made);
 * when each of them spells its components as the file does, the compiler can choose no other
 * spelling and `compile` (the decoded values file's entries) is not called.
 */
export function keySpellingFor(
  file: readonly PolEntry[],
  written: Iterable<string>,
  compile: () => readonly PolEntry[],
): string[] {
  const inFile = componentSpellings(keysOf(file));
  if (allSpelledAsIn(inFile, written)) return [];
  const differing: string[] = [];
  for (const [path, part] of componentSpellings(keysOf(compile()))) {
    const wanted = inFile.get(path);
    if (wanted === undefined || wanted === part) continue;
    // Every prefix of a path in the file is in the file too (componentSpellings walks each key).
    const parts = path.split("\\");
    differing.push(parts.map((_, i) => inFile.get(parts.slice(0, i + 1).join("\\"))!).join("\\"));
  }
  const deeper = (key: string, other: string) => keyId(other).startsWith(`${keyId(key)}\\`);
  return differing.filter((key) => !differing.some((other) => deeper(key, other)));
}

/** Whether every component of every key is spelled as in `spellings` (see {@link componentSpellings}). */
function allSpelledAsIn(spellings: ReadonlyMap<string, string>, keys: Iterable<string>): boolean {
  for (const key of distinctKeys(keys))
    for (const [path, part] of componentPaths(key)) if (spellings.get(path) !== part) return false;
  return true;
}
