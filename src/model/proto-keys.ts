/**
 * `__proto__` as a key of a record (a catalog string id, a policy name in a values file, an option
 * id…). `JSON.parse` keeps it as an own property, but zod's records skip it when they copy entries into
 * their output (assigning it would set the prototype instead), so the entry would silently vanish.
 * These helpers put such entries back as own properties, after checking each one like its siblings:
 * `__proto__` is then an ordinary name, found when defined, reported when missing, and never changes a
 * prototype. Readers of the result look keys up with `own()` (or `Object.hasOwn`), never `in` or a
 * bare index that would find what every object inherits.
 */

/** The name zod's records skip. */
export const PROTO_KEY = "__proto__";

/** A plain JSON-like object (not an array, not a class instance). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value of an own `__proto__` entry of `record`, or undefined when it has none. */
export function ownProtoEntry(record: unknown): { readonly value: unknown } | undefined {
  if (!isPlainRecord(record) || !Object.hasOwn(record, PROTO_KEY)) return undefined;
  return { value: Object.getOwnPropertyDescriptor(record, PROTO_KEY)!.value };
}

/** Sets an own, enumerable `key` on `target`, whatever the key (no setter of `__proto__` runs). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
