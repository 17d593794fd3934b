/**
 * Strict JSON for the files people write by hand (values files, bundles). `JSON.parse` builds the value,
 * but first one pass over the text checks what `JSON.parse` does not, or says only in English:
 *
 * - **Duplicate keys** in one object are refused, with the key's path and both positions. `JSON.parse`
 *   keeps the last silently and other JSON readers keep the first, so a reviewer (or a diff tool) may
 *   read another value than the one compiled.
 * - **Syntax errors** get a code per kind, the line and column, and what was found, shown visibly (a
 *   control character as `U+0000`), worded in both tool languages.
 *
 * - **Numbers a double does not hold** keep their text: `9007199254740993` parses to
 *   9007199254740992 and `1e999` to Infinity, so a message quoting the parsed value would quote what the
 *   file does not say, and a range check would judge another number. The text of each such number is
 *   returned by its path ({@link JsonParse}'s `written`), for the readers to judge and quote.
 *
 * The pass keeps its own stack instead of recursing, so a text nested 100,000 levels deep is read like
 * any other (the schema checks report it afterwards).
 */
import { diag, type Diagnostic, type DiagnosticCode } from "../diagnostics/diagnostic.js";

/**
 * A JSON text read: the value and the numbers it holds otherwise than written (see the module
 * comment), or every problem found (the first syntax error, or the duplicate keys).
 */
export type JsonParse =
  | { readonly ok: true; readonly value: unknown; readonly written: WrittenNumbers }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * The numbers of a JSON text whose parsed double differs from what the text writes (precision lost
 * past 2^53, too large or too small for a double), as written, by {@link jsonPathKey} of their path.
 */
export type WrittenNumbers = ReadonlyMap<string, string>;

/** The key of a path in {@link WrittenNumbers}: object keys and array indexes, from the root. */
export function jsonPathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

const DECIMAL = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;

/**
 * A decimal number (JSON's form, or JavaScript's `1e+21`) as exact digits and a power of ten, without
 * leading or trailing zeros: `-120.50` → `-1205e-1`. Undefined for `Infinity` and `NaN`.
 */
export function exactDecimal(
  text: string,
): { negative: boolean; digits: string; exponent: number } | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = "", power = "0"] = match;
  let digits = `${whole}${fraction}`.replace(/^0+/, "");
  let exponent = Number(power) - fraction.length;
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  if (digits === "") return { negative: false, digits: "0", exponent: 0 };
  return { negative: sign === "-", digits, exponent };
}

/** True when the double a JSON number parses to prints as the same number the text writes. */
function parsesExactly(token: string): boolean {
  const written = exactDecimal(token);
  const parsed = exactDecimal(String(Number(token)));
  return (
    written !== undefined &&
    parsed !== undefined &&
    written.negative === parsed.negative &&
    written.digits === parsed.digits &&
    written.exponent === parsed.exponent
  );
}

/** Line and column (1-based; columns in UTF-16 code units) of an offset into `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Control characters, spaces other than U+0020 and lone surrogates as U+XXXX; the rest as it is. */
function visible(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u00a0\ud800-\udfff]/gu,
    (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/** What stands at `i`, for a message: a word or number as written, one visible character, or U+XXXX. */
function found(text: string, i: number): string {
  const word = /[A-Za-z0-9_.+-]{1,24}/y;
  word.lastIndex = i;
  const match = word.exec(text);
  if (match) return `"${match[0]}"`;
  const point = text.codePointAt(i)!;
  if (point <= 0x20 || (point >= 0x7f && point <= 0xa0) || (point >= 0xd800 && point <= 0xdfff)) {
    return `U+${point.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `"${String.fromCodePoint(point)}"`;
}

class SyntaxProblem {
  constructor(
    readonly code: DiagnosticCode,
    readonly offset: number,
    readonly params: Record<string, string | number> = {},
  ) {}
}

interface Frame {
  readonly kind: "object" | "array";
  /** Object keys seen, with the offset of each. */
  readonly keys: Map<string, number>;
  /** The key or index this container sits at in its parent (for paths). */
  readonly at: string | number | undefined;
  index: number;
  key: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NUMBER_LIKE = /[-+0-9A-Za-z.]+/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/**
 * Scans the JSON text; returns the first syntax problem, every duplicate key found before it, and the
 * numbers a double does not hold.
 */
function scan(text: string): {
  problem?: SyntaxProblem;
  duplicates: Diagnostic[];
  written: Map<string, string>;
} {
  const duplicates: Diagnostic[] = [];
  const written = new Map<string, string>();
  const frames: Frame[] = [];
  const n = text.length;
  let i = 0;

  const skipWhitespace = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;) {
      c = text.charCodeAt(++i);
    }
  };
  const fail = (code: DiagnosticCode, params: Record<string, string | number> = {}): never => {
    throw new SyntaxProblem(code, i, params);
  };
  const expect = (code: DiagnosticCode) =>
    i >= n ? fail("JSON_UNEXPECTED_END") : fail(code, { found: found(text, i) });

  /** A string from its opening quote; returns its raw source including the quotes. */
  const string = (): string => {
    const start = i;
    for (i++; ; i++) {
      if (i >= n) {
        i = start;
        fail("JSON_STRING_UNTERMINATED");
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail("JSON_STRING_CONTROL", { found: found(text, i) });
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail("JSON_STRING_ESCAPE", { escape: visible(text.slice(i, i + 6)) });
          i += 5;
        } else if (e !== undefined && ESCAPES.has(e)) i++;
        else fail("JSON_STRING_ESCAPE", { escape: visible(text.slice(i, i + 2)) });
      }
    }
    i++;
    return text.slice(start, i);
  };

  const path = (key: string): string =>
    [...frames.map((f) => f.at).filter((p) => p !== undefined), key]
      .map((p, k) => (typeof p === "number" ? `[${p}]` : k === 0 ? p : `.${p}`))
      .join("");

  const key = (frame: Frame): void => {
    skipWhitespace();
    if (text[i] !== '"') expect("JSON_EXPECTED_KEY");
    const at = i;
    const raw = string();
    const name = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    const first = frame.keys.get(name);
    if (first !== undefined) {
      const { line, column } = lineColumn(text, first);
      const params = { key: JSON.stringify(name), path: path(name), line, column };
      duplicates.push(diag("JSON_DUPLICATE_KEY", params, lineColumn(text, at)));
    } else frame.keys.set(name, at);
    frame.key = name;
    skipWhitespace();
    if (text[i] !== ":") expect("JSON_EXPECTED_COLON");
    i++;
  };

  const open = (kind: Frame["kind"]): boolean => {
    const parent = frames.at(-1);
    const at = parent === undefined ? undefined : parent.kind === "array" ? parent.index : parent.key;
    frames.push({ kind, keys: new Map(), at, index: 0, key: "" });
    i++;
    skipWhitespace();
    if (text[i] === (kind === "object" ? "}" : "]")) {
      i++;
      frames.pop();
      return false;
    }
    if (kind === "object") key(frames.at(-1)!);
    return true;
  };

  try {
    // Each turn reads one value, then the commas and closing brackets after it.
    for (;;) {
      skipWhitespace();
      const c = text[i];
      if (c === "{" || c === "[") {
        if (open(c === "{" ? "object" : "array")) continue;
      } else if (c === '"') string();
      else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
        NUMBER_LIKE.lastIndex = i;
        const token = NUMBER_LIKE.exec(text)![0];
        NUMBER.lastIndex = i;
        if (NUMBER.exec(text)?.[0] !== token)
          fail("JSON_BAD_NUMBER", { text: JSON.stringify(token.slice(0, 40)) });
        if (!parsesExactly(token)) {
          const frame = frames.at(-1);
          const at = frames.map((f) => f.at).filter((p) => p !== undefined);
          if (frame) at.push(frame.kind === "array" ? frame.index : frame.key);
          written.set(jsonPathKey(at), token);
        }
        i += token.length;
      } else if (text.startsWith("true", i) || text.startsWith("null", i)) i += 4;
      else if (text.startsWith("false", i)) i += 5;
      else expect("JSON_EXPECTED_VALUE");

      for (;;) {
        skipWhitespace();
        const frame = frames.at(-1);
        if (frame === undefined) {
          if (i < n) fail("JSON_TRAILING", { found: found(text, i) });
          return { duplicates, written };
        }
        const close = frame.kind === "object" ? "}" : "]";
        if (text[i] === close) {
          i++;
          frames.pop();
          continue;
        }
        if (text[i] !== ",")
          expect(frame.kind === "object" ? "JSON_EXPECTED_COMMA_BRACE" : "JSON_EXPECTED_COMMA_BRACKET");
        i++;
        if (frame.kind === "object") key(frame);
        else frame.index++;
        break;
      }
    }
  } catch (error) {
    if (error instanceof SyntaxProblem) return { problem: error, duplicates, written };
    throw error;
  }
}

/**
 * Parses JSON text strictly (see the module comment); a leading byte order mark is ignored. `file`
 * goes into the diagnostics, with the line and column of each problem.
 */
export function parseJsonText(input: string, file?: string): JsonParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const place = file === undefined ? {} : { file };
  if (text.trim() === "") return { ok: false, diagnostics: [diag("JSON_EMPTY", {}, place)] };
  const { problem, duplicates, written } = scan(text);
  if (problem) {
    const where = { ...place, ...lineColumn(text, problem.offset) };
    return { ok: false, diagnostics: [diag(problem.code, problem.params, where)] };
  }
  if (duplicates.length > 0) return { ok: false, diagnostics: duplicates.map((d) => ({ ...d, ...place })) };
  return { ok: true, value: JSON.parse(text), written };
}
