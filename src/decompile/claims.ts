/**
 * When several policies match the same entries. Templates do overlap: two policies may write one value
 * (a Machine/User pair merged into one file, a newer template shipped beside an older one, a policy
 * that writes a subset of another's values). A matched policy is kept when no other matched policy
 * claims any of its entries, or when it claims strictly more than each one that does (those are
 * subsumed: it explains everything they explain, and more). Otherwise the entries cannot be attributed
 * — the file alone cannot tell which policy was set — and they stay raw entries, reported as ambiguous.
 */

/** A policy that matched, with the positions of the entries it claims. */
export interface Matched {
  readonly claimed: readonly number[];
}

/** The outcome: kept claimants, subsumed ones (with who subsumes them), and groups left ambiguous. */
export interface ClaimResolution<T extends Matched> {
  readonly kept: T[];
  readonly subsumed: { readonly claimant: T; readonly by: T }[];
  readonly ambiguous: T[][];
}

function isStrictSubset(small: ReadonlySet<number>, big: ReadonlySet<number>): boolean {
  if (small.size >= big.size) return false;
  for (const x of small) if (!big.has(x)) return false;
  return true;
}

/** Resolves overlapping claims as described above. */
export function resolveClaims<T extends Matched>(matched: readonly T[]): ClaimResolution<T> {
  const sets = matched.map((m) => new Set(m.claimed));
  const byEntry = new Map<number, number[]>();
  matched.forEach((m, who) => {
    for (const position of m.claimed) {
      const list = byEntry.get(position);
      if (list) list.push(who);
      else byEntry.set(position, [who]);
    }
  });
  const overlapping = matched.map((m, who) => {
    const others = new Set<number>();
    for (const position of m.claimed)
      for (const other of byEntry.get(position)!) if (other !== who) others.add(other);
    return others;
  });
  const keptIds = new Set<number>();
  matched.forEach((_, who) => {
    if ([...overlapping[who]!].every((other) => isStrictSubset(sets[other]!, sets[who]!))) keptIds.add(who);
  });
  const kept = [...keptIds].map((who) => matched[who]!);
  const subsumed: ClaimResolution<T>["subsumed"][number][] = [];
  const rest: number[] = [];
  matched.forEach((m, who) => {
    if (keptIds.has(who)) return;
    const by = [...overlapping[who]!].find(
      (other) => keptIds.has(other) && isStrictSubset(sets[who]!, sets[other]!),
    );
    if (by !== undefined) subsumed.push({ claimant: m, by: matched[by]! });
    else rest.push(who);
  });
  // Group the rest by overlap, so that each ambiguity is reported once with every policy involved.
  const ambiguous: T[][] = [];
  const grouped = new Set<number>();
  for (const start of rest) {
    if (grouped.has(start)) continue;
    const group: number[] = [];
    const queue = [start];
    grouped.add(start);
    while (queue.length > 0) {
      const who = queue.pop()!;
      group.push(who);
      for (const other of overlapping[who]!) {
        if (!grouped.has(other) && rest.includes(other)) {
          grouped.add(other);
          queue.push(other);
        }
      }
    }
    ambiguous.push(group.sort((a, b) => a - b).map((who) => matched[who]!));
  }
  return { kept, subsumed, ambiguous };
}
