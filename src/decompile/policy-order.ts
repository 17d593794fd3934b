/**
 * The order of the decoded policies in the values file. The compiler writes the values of a key in
 * the order the policies come (src/compile/registry-order.ts: first write keeps its place), so the
 * policies must come in an order that puts, in every key, their values as the file has them. Each key
 * gives "A before B" constraints between the policies writing there; a topological sort satisfies them
 * all, earliest file position first among the free choices. When the file's orders contradict each
 * other (settings changed one after another can do that), the constraints of a cycle are dropped and
 * the file position decides: every entry is still written, some values of a key in another order.
 *
 * Among the free choices, a policy that would create key components spelled as the file spells them
 * goes first: where two spellings of a component are used equally, the compiler takes the one written
 * first. (Where the compiler's choice still differs from the file's, the decoder names the file's
 * spelling in `keySpelling`; see key-spelling.ts.)
 */
import type { PolEntry } from "../pol/index.js";
import { keyId } from "./entry-table.js";
import { componentSpellings, keysOf } from "./key-spelling.js";

/** A decoded policy: the positions of the file entries it claims, and the keys as its template spells them. */
export interface Claimant {
  readonly claimed: readonly number[];
  readonly keys: readonly string[];
}

/**
 * The claimants in the order to write them (a new array; the input is not changed). `rawKeys` are the
 * keys of the entries that stay raw, whose spelling the compiler applies first.
 */
export function orderClaimants<T extends Claimant>(
  claimants: readonly T[],
  entries: readonly PolEntry[],
  rawKeys: Iterable<string> = [],
): T[] {
  // Nothing to order: a file no template explains must not pay for walking its keys below.
  if (claimants.length === 0) return [];
  const first = claimants.map((c) => c.claimed.reduce((min, p) => Math.min(min, p), Infinity));
  // Per key: the first position of each claimant there.
  const byKey = new Map<string, Map<number, number>>();
  claimants.forEach((c, who) => {
    for (const position of c.claimed) {
      const id = keyId(entries[position]!.key);
      let firsts = byKey.get(id);
      if (!firsts) byKey.set(id, (firsts = new Map()));
      const seen = firsts.get(who);
      if (seen === undefined || position < seen) firsts.set(who, position);
    }
  });
  const after = claimants.map(() => new Set<number>());
  const waiting = claimants.map(() => 0);
  for (const firsts of byKey.values()) {
    const sequence = [...firsts].sort((a, b) => a[1] - b[1]).map(([who]) => who);
    for (let i = 1; i < sequence.length; i++) {
      const [before, next] = [sequence[i - 1]!, sequence[i]!];
      if (!after[before]!.has(next)) {
        after[before]!.add(next);
        waiting[next]!++;
      }
    }
  }
  const fileSpelling = componentSpellings(keysOf(entries));
  const spellings = claimants.map((c) => componentSpellings(c.keys));
  // The raw entries' keys are spelled before any policy writes (compileValues reserves them).
  const created = new Set(componentSpellings(rawKeys).keys());
  /** True when the claimant creates no component with a spelling other than the file's. */
  const spellsAsFile = (who: number) => {
    for (const [path, part] of spellings[who]!)
      if (!created.has(path) && fileSpelling.get(path) !== part) return false;
    return true;
  };
  const byFirst = (a: number, b: number) => first[a]! - first[b]!;
  // Claimants free to go (no constraint waiting), kept sorted by their first entry.
  const free = claimants.map((_, who) => who).filter((who) => waiting[who] === 0);
  free.sort(byFirst);
  const rest = claimants.map((_, who) => who).sort(byFirst);
  const done = new Set<number>();
  const out: T[] = [];
  const insertFree = (who: number) => {
    let lo = 0;
    let hi = free.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byFirst(free[mid]!, who) <= 0) lo = mid + 1;
      else hi = mid;
    }
    free.splice(lo, 0, who);
  };
  while (out.length < claimants.length) {
    // The earliest free claimant that spells as the file does, else the earliest free one; in a cycle
    // none is free, and the earliest of the rest goes anyway.
    let at = free.findIndex(spellsAsFile);
    if (at < 0 && free.length > 0) at = 0;
    const pick = at >= 0 ? free.splice(at, 1)[0]! : rest.find((who) => !done.has(who))!;
    for (const path of spellings[pick]!.keys()) created.add(path);
    done.add(pick);
    out.push(claimants[pick]!);
    for (const next of after[pick]!) if (--waiting[next]! === 0 && !done.has(next)) insertFree(next);
  }
  return out;
}
