/** A value met while walking an input, and how to find it again. */
export interface Visit {
  readonly value: unknown;
  /** The path from the root; built on demand, since most visits never need it. */
  path(): (string | number)[];
}

interface Node {
  readonly value: unknown;
  readonly parent: Node | undefined;
  readonly key: string | number | undefined;
}

/** How many values a walk visits at most: inputs are files people write, not data sets. */
const MAX_VISITS = 2_000_000;

function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Visits every value of plain JSON-like input (objects and arrays), depth first, without recursion: an
 * input nested 100,000 levels deep must not overflow the stack, and a cyclic one (a JavaScript bundle)
 * must not loop. `visit` returns false to skip a value's children.
 */
export function walk(input: unknown, visit: (v: Visit) => boolean | void): void {
  const seen = new Set<object>();
  const stack: Node[] = [{ value: input, parent: undefined, key: undefined }];
  for (let visits = 0; stack.length > 0 && visits < MAX_VISITS; visits++) {
    const node = stack.pop()!;
    if (visit({ value: node.value, path: () => pathOf(node) }) === false) continue;
    const { value } = node;
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch {
      continue; // a revoked proxy: nothing to walk into
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch {
        continue; // a throwing getter: the schema check reports the property
      }
      stack.push({ value: child, parent: node, key: Array.isArray(value) ? Number(key) : key });
    }
  }
}

/** The value at `path` of an input, or undefined when the path leads nowhere or a getter throws. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  try {
    for (const part of path) {
      if (current === null || typeof current !== "object") return undefined;
      current = (current as Record<PropertyKey, unknown>)[part];
    }
  } catch {
    return undefined;
  }
  return current;
}
