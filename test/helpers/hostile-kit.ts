/**
 * Shared helpers of the robustness suite: fuzz run counts, hostile values, and the checks every
 * outcome must pass — a typed diagnostic with wording in both languages, no change to the built-in
 * prototypes. Bounds on work are in growth.ts.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadToolCatalog } from "../../src/i18n/messages.js";
import { sameItems } from "./same-items.js";

/**
 * Names that are special on JavaScript objects. As ids, keys or catalog keys they reach code that
 * indexes plain objects; they must behave like any other name.
 */
export const PROTOTYPE_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
] as const;

/** An array nested `depth` levels deep: far past any recursion limit when depth is 100,000. */
export function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** An object nested `depth` levels deep (`{a:{a:{…}}}`). */
export function deepObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** The same nesting as JSON text, built without recursion (what a hostile file would contain). */
export function deepJson(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** Values that break naive code: wrong types, extreme numbers, odd strings, odd objects. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  1.5,
  -0,
  NaN,
  Infinity,
  -Infinity,
  1e308,
  2 ** 53,
  2 ** 64,
  10n ** 30n,
  "",
  "\0",
  "a\0b",
  "\ud800",
  "x\udfff",
  "\uffff",
  "\u0007",
  "__proto__",
  "constructor",
  "x".repeat(100_000),
  [],
  [null],
  {},
  Object.create(null),
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  { constructor: { prototype: { polluted: "yes" } } },
  new Date(0),
  new Map([["a", 1]]),
  new Uint8Array(4),
  Symbol("hostile"),
  () => "function",
];

/** A hostile value: one of the fixed list, or an arbitrary JavaScript value (objects with odd keys). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES),
  fc.anything({
    maxDepth: 3,
    key: fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_NAMES)),
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
);

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype] as const;

/** The own property names of the built-in prototypes, to compare after hostile input was processed. */
export function prototypeSnapshot(): string[][] {
  return PROTOTYPES.map((proto) => Reflect.ownKeys(proto).map(String).sort());
}

/* The checks below run after every input of the property tests: they test first (see same-items.ts). */

/** Runs `run` and returns its result; when it throws, fails as `expect(run).not.toThrow()` does. */
export function expectNoThrow<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    expect(() => {
      throw error;
    }).not.toThrow();
    throw error;
  }
}

/** Asserts no built-in prototype gained or lost a property, and no hostile key leaked onto `{}`. */
export function expectPrototypesIntact(before: string[][]): void {
  const after = prototypeSnapshot();
  const probe: Record<string, unknown> = {};
  const intact =
    after.length === before.length &&
    after.every((names, i) => sameItems(names, before[i]!)) &&
    probe.polluted === undefined &&
    Object.keys(probe).length === 0;
  if (intact) return;
  expect(after).toEqual(before);
  expect(probe.polluted).toBeUndefined();
  expect(Object.keys(probe)).toEqual([]);
}

/** Codes with wording in both tool languages. */
function wordedCodes(): { en: Record<string, string>; ja: Record<string, string> } {
  return { en: loadToolCatalog("en-US").messages, ja: loadToolCatalog("ja-JP").messages };
}

/**
 * Asserts a diagnostic is typed data a user can act on: an UPPER_CASE code that has wording in en-US
 * and ja-JP, a severity, and a message that formats in both languages.
 */
export function expectTypedDiagnostic(d: Diagnostic): void {
  const { en, ja } = wordedCodes();
  const typed =
    typeof d.code === "string" &&
    /^[A-Z][A-Z0-9_]*$/.test(d.code) &&
    ["error", "warning", "info"].includes(d.severity) &&
    Object.hasOwn(en, d.code) &&
    Object.hasOwn(ja, d.code) &&
    formatDiagnostic(d, "en-US").includes(d.code) &&
    formatDiagnostic(d, "ja-JP").includes(d.code);
  if (typed) return;
  expect(d.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(["error", "warning", "info"]).toContain(d.severity);
  expect(Object.hasOwn(en, d.code), `${d.code} has en-US wording`).toBe(true);
  expect(Object.hasOwn(ja, d.code), `${d.code} has ja-JP wording`).toBe(true);
  expect(formatDiagnostic(d, "en-US")).toContain(d.code);
  expect(formatDiagnostic(d, "ja-JP")).toContain(d.code);
}

/** Characters XML 1.0 cannot carry, and UTF-16 halves that are not part of a pair. */
export const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
