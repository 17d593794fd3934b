/**
 * PowerShell literals that mean exactly their value, whatever it contains.
 *
 * Text goes into single-quoted strings, where PowerShell expands nothing: `$(…)`, backticks and double
 * quotes are plain characters there. Only a single quote ends the string — and PowerShell's tokenizer
 * counts four more characters as single quotes: U+2018, U+2019, U+201A and U+201B (so that text pasted
 * from a word processor still parses). Each of the five is escaped by doubling it; the tokenizer then
 * keeps one of the pair, the same character.
 *
 * Characters that could be changed by an editor, by line-ending conversion or by the encoding (controls,
 * line and paragraph separators, the BOM, lone surrogates) are never written raw: they are joined in as
 * `[char]0x…` so every line of the script stays plain text and the value survives CRLF↔LF conversion.
 */

/** The characters PowerShell treats as a single quote inside and around a '…' string. */
export const PS_SINGLE_QUOTES: ReadonlySet<string> = new Set(["'", "\u2018", "\u2019", "\u201a", "\u201b"]);

/**
 * Characters written as `[char]0x…`: C0 and C1 controls and DEL (line breaks among them, and NEL
 * U+0085), U+2028/U+2029, the BOM U+FEFF, and any surrogate (only a lone one reaches this test, see
 * {@link psString}).
 */
const ESCAPED_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

function quoted(run: string): string {
  let out = "'";
  for (const c of run) out += PS_SINGLE_QUOTES.has(c) ? c + c : c;
  return out + "'";
}

function charExpression(code: number): string {
  return `[char]0x${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * A PowerShell expression whose value is the string `text`: `'…'` when that suffices, otherwise a
 * parenthesised concatenation such as `('a' + [char]0x000A + 'b')`. It always starts with a string
 * operand so that `+` concatenates (a leading `[char]` would make PowerShell add numbers).
 */
export function psString(text: string): string {
  const parts: string[] = [];
  let run = "";
  // Iterate code points: a valid surrogate pair stays together inside a literal.
  for (const c of text) {
    if (c.length === 1 && ESCAPED_CHAR.test(c)) {
      if (run !== "" || parts.length === 0) parts.push(quoted(run));
      run = "";
      parts.push(charExpression(c.charCodeAt(0)));
    } else {
      run += c;
    }
  }
  if (run !== "" || parts.length === 0) parts.push(quoted(run));
  return parts.length === 1 ? parts[0]! : `(${parts.join(" + ")})`;
}

/** A `[string[]]` array expression of `items`, each a {@link psString}. */
export function psStringArray(items: readonly string[]): string {
  return `([string[]]@(${items.map(psString).join(", ")}))`;
}

/** A `[byte[]]` expression of `bytes`, e.g. `([byte[]](0x00, 0xFF))`; `([byte[]]@())` when empty. */
export function psBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return "([byte[]]@())";
  const items = Array.from(bytes, (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`);
  return `([byte[]](${items.join(", ")}))`;
}

/**
 * An unsigned integer: a plain literal when PowerShell reads it as a signed integer of the same value
 * (up to `signedMax`), otherwise a cast from a digit string, e.g. `([uint32]'4294967295')` — a bare
 * literal that large would become a [long] or a [decimal], or a negative number from a hex literal.
 */
export function psUnsigned(value: bigint, cast: "uint32" | "uint64"): string {
  const signedMax = cast === "uint32" ? 0x7fffffffn : 0x7fffffffffffffffn;
  return value <= signedMax ? value.toString() : `([${cast}]'${value.toString()}')`;
}
