/**
 * Reads files in the order they are processed while keeping a few reads in flight, so that parsing one
 * file overlaps with reading the next ones. Memory stays bounded: at most `window` files are read and not
 * yet taken.
 */

/** Yields `read(path)` for each path, in order, with up to `window` reads running ahead. */
export async function* readAhead<T>(
  paths: readonly string[],
  read: (path: string) => Promise<T>,
  window = 16,
): AsyncGenerator<T> {
  const pending: Promise<T>[] = [];
  let next = 0;
  const fill = () => {
    while (next < paths.length && pending.length < window) pending.push(read(paths[next++]!));
  };
  fill();
  while (pending.length > 0) {
    const value = await pending.shift()!;
    fill();
    yield value;
  }
}
