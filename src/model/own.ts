/**
 * `record[key]` for records whose keys come from users (catalog string ids, locale tags, policy names):
 * only the record's own entries count, so `constructor`, `toString` or `__proto__` never find what
 * every object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
