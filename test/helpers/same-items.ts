/**
 * The cheap comparison the hot checks of the corpus and property tests make before an `expect`: an
 * `expect` call costs more than the comparison (Vitest copies its state on each call), so those
 * checks compare first and call `expect` only on a difference, which then reports it as before.
 */

/** The same items in the same order, each the very same value (`===`). */
export const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);
