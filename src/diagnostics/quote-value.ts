/** How deep and how wide a quoted value is shown; hostile input can be 100,000 levels deep or cyclic. */
const MAX_DEPTH = 3;
const MAX_ITEMS = 5;

function preview(value: unknown, depth: number): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "function" || typeof value === "symbol") return `(${typeof value})`;
  if (depth === 0) return Array.isArray(value) ? "[…]" : "{…}";
  try {
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((item) => preview(item, depth - 1));
      return `[${items.join(",")}${value.length > MAX_ITEMS ? ",…" : ""}]`;
    }
    const keys = Object.keys(value as object);
    const fields = keys
      .slice(0, MAX_ITEMS)
      .map((key) => `${JSON.stringify(key)}:${preview((value as Record<string, unknown>)[key], depth - 1)}`);
    return `{${fields.join(",")}${keys.length > MAX_ITEMS ? ",…" : ""}}`;
  } catch {
    // A getter that throws, a revoked proxy…: say what it is without touching it again.
    return "(unreadable value)";
  }
}

/**
 * A value quoted for a message, in JSON notation, cut to a readable length. It never throws and never
 * recurses deeper than a few levels, whatever it is given: deep, cyclic, BigInt or exotic values
 * included, because it quotes exactly the input that is wrong.
 */
export function quoteValue(value: unknown, maxLength = 80): string {
  const text = preview(value, MAX_DEPTH);
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}
