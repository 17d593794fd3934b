/**
 * Entries a later `**delvals.` of the same key undoes. Group Policy applies a Registry.pol in order, so
 * a value set (or deleted) before `**delvals.` in its key is gone once the file is applied; the editor
 * never writes such a file (it puts `**delvals.` first in its key). Such entries have no effect, so the
 * decoder leaves them out rather than keep them raw: raw entries are written after the policies, where
 * they would come back to life. Key-level entries (create key, `**DeleteKeys`, `**SecureKey`) keep their
 * effect and stay.
 */
import { classifyEntry, type PolActionKind, type PolEntry } from "../pol/index.js";
import { keyId } from "./entry-table.js";

/** What a `**delvals.` undoes. */
const UNDONE: ReadonlySet<PolActionKind> = new Set(["value", "del", "soft", "deleteValues"]);

/** The entries that take effect, and per key how many before a `**delvals.` do not. */
export function withoutDeadEntries(entries: readonly PolEntry[]): {
  live: readonly PolEntry[];
  /**
   * The position in `entries` of each live entry (4 bytes each: a file may hold millions); absent when
   * every entry is live, each at its own position.
   */
  positions?: Int32Array;
  dead: Map<string, { key: string; count: number }>;
} {
  const lastDelvals = new Map<string, number>();
  entries.forEach((entry, position) => {
    if (classifyEntry(entry).kind === "delvals") lastDelvals.set(keyId(entry.key), position);
  });
  // No `**delvals.`, nothing undone: the list itself, rather than a copy per entry of a large file.
  if (lastDelvals.size === 0) return { live: entries, dead: new Map() };
  const live: PolEntry[] = [];
  const positions: number[] = [];
  const dead = new Map<string, { key: string; count: number }>();
  entries.forEach((entry, position) => {
    const id = keyId(entry.key);
    const clearedAt = lastDelvals.get(id);
    const kind = classifyEntry(entry).kind;
    const undone =
      clearedAt !== undefined && position < clearedAt && UNDONE.has(kind) && entry.valueName !== "";
    if (!undone) {
      live.push(entry);
      positions.push(position);
      return;
    }
    const seen = dead.get(id);
    if (seen) seen.count++;
    else dead.set(id, { key: entry.key, count: 1 });
  });
  return { live, positions: Int32Array.from(positions), dead };
}
