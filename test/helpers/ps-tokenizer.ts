/**
 * Test helper: a deliberately small PowerShell tokenizer and evaluator for the command lines the script
 * writer emits, written from the language's rules rather than from the writer's code.
 *
 * Single-quoted strings follow PowerShell's tokenizer: a string opens and closes with any of the five
 * characters PowerShell counts as a single quote (' U+2018 U+2019 U+201A U+201B); inside, two quote
 * characters in a row stand for one (the tokenizer keeps the second), and nothing else is special. Outside
 * strings only the few tokens the writer needs are accepted; anything else — `$`, a backtick, a double
 * quote, `;`, a line break — is an error, so a value that leaked out of its literal is caught.
 */

const QUOTES = new Set(["'", "\u2018", "\u2019", "\u201a", "\u201b"]);

export type Token =
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "char"; readonly value: string }
  | { readonly kind: "word"; readonly text: string }
  | { readonly kind: "cast"; readonly text: string }
  | { readonly kind: "punct"; readonly text: string };

const CASTS = ["[string[]]", "[byte[]]", "[uint32]", "[uint64]"];
const PUNCT = ["@(", "(", ")", ",", "+", "|"];

/** Tokens of one line; throws on anything outside the accepted subset. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === " ") {
      i++;
      continue;
    }
    if (QUOTES.has(c)) {
      let value = "";
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated string in: ${line}`);
        let d = line[i]!;
        if (QUOTES.has(d)) {
          if (i + 1 < line.length && QUOTES.has(line[i + 1]!)) {
            i++;
            d = line[i]!;
          } else {
            i++;
            break;
          }
        }
        value += d;
        i++;
      }
      tokens.push({ kind: "string", value });
      continue;
    }
    const char = /^\[char\]0x([0-9A-Fa-f]{1,4})/.exec(line.slice(i));
    if (char) {
      tokens.push({ kind: "char", value: String.fromCharCode(parseInt(char[1]!, 16)) });
      i += char[0].length;
      continue;
    }
    const cast = CASTS.find((t) => line.startsWith(t, i));
    if (cast) {
      tokens.push({ kind: "cast", text: cast });
      i += cast.length;
      continue;
    }
    const punct = PUNCT.find((t) => line.startsWith(t, i));
    if (punct) {
      tokens.push({ kind: "punct", text: punct });
      i += punct.length;
      continue;
    }
    const word = /^(?:@?-?[A-Za-z][A-Za-z0-9-]*|0x[0-9A-Fa-f]+|[0-9]+)/.exec(line.slice(i));
    if (word) {
      tokens.push({ kind: "word", text: word[0] });
      i += word[0].length;
      continue;
    }
    throw new Error(`unexpected ${JSON.stringify(c)} at ${i} outside a string in: ${line}`);
  }
  return tokens;
}

/** A value an argument expression evaluates to. */
export type PsValue = string | string[] | number[] | bigint;

class Reader {
  i = 0;
  constructor(readonly tokens: readonly Token[]) {}
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new Error("unexpected end of line");
    return t;
  }
  expect(kind: Token["kind"], text?: string): Token {
    const t = this.next();
    if (t.kind !== kind || (text !== undefined && "text" in t && t.text !== text)) {
      throw new Error(`expected ${kind} ${text ?? ""}, found ${JSON.stringify(t)}`);
    }
    return t;
  }
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t?.kind === "punct" && t.text === text;
}

function stringItem(r: Reader): string {
  const t = r.next();
  if (t.kind === "string" || t.kind === "char") return t.value;
  throw new Error(`expected a string, found ${JSON.stringify(t)}`);
}

/** One string operand: a literal, or `( … + … )`, whose first operand must be a string literal. */
function stringExpression(r: Reader): string {
  if (!isPunct(r.peek(), "(")) {
    const t = r.next();
    if (t.kind !== "string") throw new Error(`expected a string literal, found ${JSON.stringify(t)}`);
    return t.value;
  }
  r.next();
  const first = r.next();
  if (first.kind !== "string") throw new Error("a concatenation must start with a string literal");
  let value = first.value;
  while (isPunct(r.peek(), "+")) {
    r.next();
    value += stringItem(r);
  }
  r.expect("punct", ")");
  return value;
}

/** Evaluates one argument: string, `([string[]]@(…))`, `([byte[]](…))`, `([uintN]'…')` or digits. */
function evaluateArgument(r: Reader): PsValue {
  const t = r.peek();
  if (t?.kind === "word" && /^[0-9]+$/.test(t.text)) {
    r.next();
    return BigInt(t.text);
  }
  if (isPunct(t, "(") && r.tokens[r.i + 1]?.kind === "cast") {
    r.next();
    const cast = r.next() as { text: string };
    let value: PsValue;
    if (cast.text === "[string[]]") {
      r.expect("punct", "@(");
      const items: string[] = [];
      while (!isPunct(r.peek(), ")")) {
        items.push(stringExpression(r));
        if (isPunct(r.peek(), ",")) r.next();
      }
      r.next();
      value = items;
    } else if (cast.text === "[byte[]]") {
      const open = r.next();
      if (!isPunct(open, "(") && !isPunct(open, "@(")) throw new Error("expected ( after [byte[]]");
      const bytes: number[] = [];
      while (!isPunct(r.peek(), ")")) {
        const b = r.expect("word") as { text: string };
        if (!/^0x[0-9A-F]{2}$/.test(b.text)) throw new Error(`bad byte ${b.text}`);
        bytes.push(parseInt(b.text, 16));
        if (isPunct(r.peek(), ",")) r.next();
      }
      r.next();
      value = bytes;
    } else {
      const digits = r.expect("string") as { value: string };
      if (!/^[0-9]+$/.test(digits.value)) throw new Error(`bad number ${digits.value}`);
      value = BigInt(digits.value);
    }
    r.expect("punct", ")");
    return value;
  }
  return stringExpression(r);
}

/** A parsed `Set-GPRegistryValue @gpo -Param arg … | Out-Null` line. */
export interface ParsedCommand {
  readonly command: string;
  /** Parameter names in order, with their evaluated argument (`true` for a switch). */
  readonly parameters: readonly (readonly [string, PsValue | true])[];
}

const SWITCHES = new Set(["-Disable"]);
const WORD_ARGUMENTS = new Set(["-Type", "-ErrorAction"]);

/** `-Name argument` pairs (or switches) until `done` says the parameters end. */
function readParameters(r: Reader, done: () => boolean): [string, PsValue | true][] {
  const parameters: [string, PsValue | true][] = [];
  while (!done()) {
    const name = (r.expect("word") as { text: string }).text;
    if (!name.startsWith("-")) throw new Error(`expected a parameter, found ${name}`);
    if (SWITCHES.has(name)) parameters.push([name, true]);
    else if (WORD_ARGUMENTS.has(name)) parameters.push([name, (r.expect("word") as { text: string }).text]);
    else parameters.push([name, evaluateArgument(r)]);
  }
  return parameters;
}

/**
 * Parses a line that calls a function the script defines itself, `Verb-Noun -Param argument …`, with
 * nothing after the last argument (the Intune remediation scripts); throws when it is anything else.
 */
export function parseCall(line: string): ParsedCommand {
  const r = new Reader(tokenize(line));
  const command = (r.expect("word") as { text: string }).text;
  return { command, parameters: readParameters(r, () => r.peek() === undefined) };
}

/** Parses one command line of the script; throws when it is anything else. */
export function parseCommand(line: string): ParsedCommand {
  const r = new Reader(tokenize(line));
  const command = (r.expect("word") as { text: string }).text;
  const splat = r.expect("word") as { text: string };
  if (splat.text !== "@gpo") throw new Error(`expected @gpo, found ${splat.text}`);
  const parameters = readParameters(r, () => isPunct(r.peek(), "|"));
  r.expect("punct", "|");
  const tail = r.expect("word") as { text: string };
  if (tail.text !== "Out-Null" || r.peek() !== undefined) throw new Error(`unexpected end of line: ${line}`);
  return { command, parameters };
}

/** Evaluates a whole line that is one string expression (for testing literals on their own). */
export function evaluateStringLine(line: string): string {
  const r = new Reader(tokenize(line));
  const value = stringExpression(r);
  if (r.peek() !== undefined) throw new Error(`tokens after the expression in: ${line}`);
  return value;
}
