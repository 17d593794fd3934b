/**
 * When several policies match the same entries. Templates do overlap: two policies may write one value
 * (a Machine/User pair merged into one file, a newer template shipped beside an older one, a policy
 * that writes a subset of another's values). A matched policy is kept when no other matched policy
 * claims any of its entries, or when it claims strictly more than each one that does (those are
 * subsumed: it explains everything they explain, and more). Otherwise the entries cannot be attributed
 * — the file alone cannot tell which policy was set — and they stay raw entries, reported as ambiguous,
 * unless the templates the rest of the file uses decide ({@link preferUsedTemplates}).
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

/** A matched policy with the template it comes from (its target namespace; none for a bundle's). */
export interface TemplateMatched extends Matched {
  readonly namespace?: string;
}

/** An ambiguous group decided by the templates the file uses: `chosen` kept, `over` left out. */
export interface PreferredGroup<T> {
  readonly chosen: T[];
  readonly over: T[];
}

/**
 * Decides ambiguous groups the way the rest of the file points to. Alike policies of two templates
 * write the same entries (office15 and office16 copies of one policy; AdobeDC, AdobeDC_x64 and
 * AdobeDC_x86): the file cannot tell which one was set, but a GPO is edited against one store, so the
 * template whose policies the file already holds (`used`: the templates of policies kept without any
 * doubt) is the one it was set from. A group is decided when some but not all of its members come
 * from a used template, those members resolve among themselves without ambiguity, and they claim
 * every entry the others claim. Any other group stays ambiguous: nothing decides it.
 */
export function preferUsedTemplates<T extends TemplateMatched>(
  groups: readonly T[][],
  used: ReadonlySet<string>,
): { preferred: PreferredGroup<T>[]; subsumed: ClaimResolution<T>["subsumed"]; ambiguous: T[][] } {
  const preferred: PreferredGroup<T>[] = [];
  const subsumed: ClaimResolution<T>["subsumed"][number][] = [];
  const ambiguous: T[][] = [];
  for (const group of groups) {
    const inUse = group.filter((m) => m.namespace !== undefined && used.has(m.namespace));
    const over = group.filter((m) => !inUse.includes(m));
    const resolved = resolveClaims(inUse);
    const covered = new Set(inUse.flatMap((m) => m.claimed));
    const decided =
      inUse.length > 0 &&
      over.length > 0 &&
      resolved.ambiguous.length === 0 &&
      over.every((m) => m.claimed.every((position) => covered.has(position)));
    if (!decided) {
      ambiguous.push(group);
      continue;
    }
    preferred.push({ chosen: resolved.kept, over });
    subsumed.push(...resolved.subsumed);
  }
  return { preferred, subsumed, ambiguous };
}

/** Everything decided about the matched policies of one file (see {@link resolveFileClaims}). */
export interface FileClaims<T extends Matched> extends ClaimResolution<T> {
  readonly preferred: PreferredGroup<T>[];
  /** Kept policies decoded from older templates' entries (their match lacks element values). */
  readonly older: T[];
}

/**
 * Resolves the policies of one file: full matches first ({@link resolveClaims}), ambiguous groups
 * decided by the templates the file uses ({@link preferUsedTemplates}); then the `older` matches —
 * policies whose file lacks values their current template writes — only where no full match claims
 * any of their entries, resolved among themselves the same way.
 */
export function resolveFileClaims<T extends TemplateMatched>(
  full: readonly T[],
  older: readonly T[],
): FileClaims<T> {
  const first = resolveClaims(full);
  const used = new Set(first.kept.flatMap((m) => (m.namespace === undefined ? [] : [m.namespace])));
  const decided = preferUsedTemplates(first.ambiguous, used);
  const taken = new Set(
    [...first.kept, ...decided.preferred.flatMap((p) => p.chosen), ...decided.ambiguous.flat()].flatMap(
      (m) => m.claimed,
    ),
  );
  const second = resolveClaims(older.filter((m) => m.claimed.every((p) => !taken.has(p))));
  const decidedOlder = preferUsedTemplates(second.ambiguous, used);
  const preferred = [...decided.preferred, ...decidedOlder.preferred];
  return {
    kept: [...first.kept, ...second.kept, ...preferred.flatMap((p) => p.chosen)],
    subsumed: [...first.subsumed, ...decided.subsumed, ...second.subsumed, ...decidedOlder.subsumed],
    ambiguous: [...decided.ambiguous, ...decidedOlder.ambiguous],
    preferred,
    older: [...second.kept, ...decidedOlder.preferred.flatMap((p) => p.chosen)],
  };
}
