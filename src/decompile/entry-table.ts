/**
 * The entries of one Registry.pol, indexed the way the registry looks values up: by key and value
 * name, both compared case-insensitively. The decoder asks it "is this value there, with these
 * bytes?" for every entry a candidate policy state would write.
 */
import { classifyEntry, registryUpcase, type PolEntry } from "../pol/index.js";

/** The lookup id of a value: upper-cased key and value name. */
export function valueId(key: string, valueName: string): string {
  return `${registryUpcase(key)}\0${registryUpcase(valueName)}`;
}

/** The lookup id of a key. */
export function keyId(key: string): string {
  return registryUpcase(key);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Entries by value and by key; positions are indexes into the file's entry list. The index by key is
 * made when first asked for: only policies that match entries ask, and a large file no template
 * explains never does.
 */
export class EntryTable {
  private readonly byValue = new Map<string, number[]>();
  private byKeyIndex: Map<string, number[]> | undefined;

  constructor(readonly entries: readonly PolEntry[]) {
    entries.forEach((entry, index) => {
      const id = valueId(entry.key, entry.valueName);
      const list = this.byValue.get(id);
      if (list) list.push(index);
      else this.byValue.set(id, [index]);
    });
  }

  private get byKey(): Map<string, number[]> {
    if (this.byKeyIndex !== undefined) return this.byKeyIndex;
    const byKey = new Map<string, number[]>();
    this.entries.forEach((entry, index) => {
      const kid = keyId(entry.key);
      const inKey = byKey.get(kid);
      if (inKey) inKey.push(index);
      else byKey.set(kid, [index]);
    });
    return (this.byKeyIndex = byKey);
  }

  /**
   * The position of the one entry for `key\valueName`, or undefined when there is none — or more than
   * one: a value written twice cannot be attributed (Windows applies the last, readers disagree), so
   * it stays a raw entry (see {@link EntryTable.duplicates}).
   */
  find(key: string, valueName: string): number | undefined {
    const list = this.byValue.get(valueId(key, valueName));
    return list && list.length === 1 ? list[0] : undefined;
  }

  /** Whether any entry (one or more) is for `key\valueName`. */
  holds(key: string, valueName: string): boolean {
    return this.byValue.has(valueId(key, valueName));
  }

  /** The entry for `key\valueName` (see {@link find}). */
  get(key: string, valueName: string): PolEntry | undefined {
    const index = this.find(key, valueName);
    return index === undefined ? undefined : this.entries[index];
  }

  /**
   * The position of the entry that is exactly `entry`: same key (any case, as the editor spells keys
   * by the first writer), same value name, type and data.
   */
  match(entry: PolEntry): number | undefined {
    const index = this.find(entry.key, entry.valueName);
    if (index === undefined) return undefined;
    const found = this.entries[index]!;
    return found.valueName === entry.valueName &&
      found.type === entry.type &&
      sameBytes(found.data, entry.data)
      ? index
      : undefined;
  }

  /** Positions of the ordinary values of a key (no `**` instructions, no key-only entry), in file order. */
  plainValues(key: string): number[] {
    return (this.byKey.get(keyId(key)) ?? []).filter((index) => {
      const entry = this.entries[index]!;
      return entry.valueName !== "" && classifyEntry(entry).kind === "value";
    });
  }

  /** Value ids written more than once, with their positions. */
  duplicates(): [id: string, positions: number[]][] {
    return [...this.byValue].filter(([, list]) => list.length > 1);
  }
}
