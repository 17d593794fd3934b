/**
 * "Did you mean …?" for names in values files: the closest valid name by edit distance.
 */

/** Levenshtein distance between two strings (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The valid name nearest to `name`, compared case-insensitively, or undefined when none is close enough
 * to be a plausible typo (more than a third of the longer of the two names, at least 2, would have to
 * change: `ProxySrv` → `ProxyServer`). A name that
 * is the start of exactly one valid name (`Proxy` → `ProxyServer`) is suggested too.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    const allowed = Math.max(2, Math.ceil(Math.max(name.length, candidate.length) / 3));
    // Rank by how much of the allowance a candidate uses, so short names don't win by being short.
    const score = distance / allowed;
    if (distance <= allowed && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best !== undefined) return best;
  const extended = candidates.filter((candidate) => candidate.toLowerCase().startsWith(wanted));
  return wanted.length > 0 && extended.length === 1 ? extended[0] : undefined;
}

/** A list of names for a message, cut after `max` names. */
export function listNames(names: readonly string[], max = 12): string {
  if (names.length === 0) return "(none)";
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown}, … (${names.length - max} more)` : shown;
}
