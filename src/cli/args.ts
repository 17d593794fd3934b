/**
 * admxkit's own command-line parser. yargs was replaced because its wording reached users in both
 * languages (`Not enough non-option arguments`, `[選択してください: …]`), it crashed on repeated
 * single-value options and loading it cost more than the whole `build` command.
 * The rules are the usual GNU ones: `--name value`, `--name=value`, `--flag`, `--no-flag`, `--` ends
 * the options; an option not declared `repeatable` may be given once. They hold alike for admxkit's
 * own options before the command ({@link parseProgramArgs}) and for a command's ({@link parseArgs}).
 */
import type { DiagnosticCode } from "../i18n/codes.js";
import { nearestName } from "../values/suggest.js";

/** The kind of value an option takes. */
export type OptionType = "string" | "boolean" | "number";

/** One `--option` of a command. Texts are ids of the "cli" catalog section. */
export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  /** The option may be given several times; its value is then the list of values. */
  readonly repeatable?: boolean;
  readonly choices?: readonly string[];
  readonly default?: string | boolean | number;
  readonly required?: boolean;
  /** The catalog id of the description, and the placeholders it fills. */
  readonly text: string;
  readonly textParams?: Readonly<Record<string, string>>;
  /** The name of an option that cannot be given together with this one. */
  readonly conflicts?: string;
  /** How help shows the value, e.g. `<file>`; default from the type and choices. */
  readonly placeholder?: string;
}

/** One positional argument (`<file>`, `<paths..>`). */
export interface PositionalSpec {
  readonly name: string;
  /** Takes every remaining argument (at least one when required). */
  readonly variadic?: boolean;
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly text: string;
}

/** What a command accepts, and what its help shows. */
export interface CommandSpec {
  readonly name: string;
  readonly text: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: readonly OptionSpec[];
  /** Commands as typed (`admxkit …`) with the catalog id of their description. */
  readonly examples: readonly { readonly command: string; readonly text: string }[];
}

/** A usage problem: a code of the "messages" catalog section and its parameters. */
export interface UsageProblem {
  readonly code: DiagnosticCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The options every command takes besides its own (main.ts answers --help and --version). */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: "lang", type: "string", text: "shared.option.lang", placeholder: "<tag>" },
  { name: "help", type: "boolean", text: "program.option.help" },
  { name: "version", type: "boolean", text: "program.option.version" },
];

/** Parsed arguments: option and positional values by name (no prototype: names come from input). */
export type ParsedArgs = Record<string, unknown>;

/** The result of {@link parseArgs}: the arguments, or the first usage problem found. */
export type ParseResult =
  { readonly ok: true; readonly args: ParsedArgs } | { readonly ok: false; readonly problem: UsageProblem };

/** The known name closest to `given`, as values files suggest names (`outt` → `out`, `val` → `values`). */
export function suggest(given: string, known: readonly string[]): string | undefined {
  return nearestName(given, known);
}

function convert(spec: OptionSpec, raw: string): { value: unknown } | UsageProblem {
  const option = `--${spec.name}`;
  if (spec.type === "number") {
    // Whole numbers only: the one number option (--jobs) counts things.
    if (!/^-?\d{1,9}$/.test(raw)) return { code: "USAGE_NUMBER_INVALID", params: { option, value: raw } };
    return { value: Number(raw) };
  }
  if (spec.choices && !spec.choices.includes(raw)) {
    return {
      code: "USAGE_CHOICE_INVALID",
      params: { option, value: raw, choices: spec.choices.join(", ") },
    };
  }
  return { value: raw };
}

/** The options a command takes: its own and {@link GLOBAL_OPTIONS}, by name. */
function optionsOf(spec: readonly OptionSpec[]): Map<string, OptionSpec> {
  const options = new Map<string, OptionSpec>();
  for (const option of [...spec, ...GLOBAL_OPTIONS]) options.set(option.name, option);
  return options;
}

/** The tokens of the arguments sorted out: each option's raw values as given, and the positionals. */
interface Tokens {
  readonly given: Map<string, string[]>;
  readonly positionals: string[];
  /** Where the options stopped when reading stops at the first positional: `--` or that positional. */
  readonly optionsEnd: number;
}

/**
 * Phase 1: splits `argv` into options and positionals by the GNU rules, checking only what a single
 * token shows (unknown names, a switch given a value, a missing value). `untilPositional` stops at the
 * first positional: what comes before a command's name.
 */
function readTokens(
  options: ReadonlyMap<string, OptionSpec>,
  argv: readonly string[],
  command: string,
  untilPositional = false,
): Tokens | UsageProblem {
  const given = new Map<string, string[]>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  let optionsEnd = argv.length;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (onlyPositionals || token === "-" || !token.startsWith("-")) {
      if (untilPositional) {
        positionals.push(...argv.slice(i));
        if (!onlyPositionals) optionsEnd = i;
        break;
      }
      positionals.push(token);
      continue;
    }
    if (token === "--") {
      onlyPositionals = true;
      optionsEnd = i;
      continue;
    }
    if (token === "-h") {
      given.set("help", ["true"]);
      continue;
    }
    const eq = token.indexOf("=");
    let name = token.startsWith("--") ? token.slice(2, eq < 0 ? undefined : eq) : token.slice(1);
    let inline = eq < 0 || !token.startsWith("--") ? undefined : token.slice(eq + 1);
    let option = options.get(name);
    if (!option && name.startsWith("no-") && options.get(name.slice(3))?.type === "boolean") {
      option = options.get(name.slice(3));
      name = name.slice(3);
      if (inline !== undefined) {
        return { code: "USAGE_BOOLEAN_INVALID", params: { option: `--no-${name}`, value: inline } };
      }
      inline = "false";
    }
    if (!option || !token.startsWith("--")) {
      const shown = token.startsWith("--") ? `--${name}` : token;
      const near = suggest(name.replace(/^-+/, ""), [...options.keys()]);
      return near === undefined
        ? { code: "USAGE_UNKNOWN_OPTION", params: { command, option: shown } }
        : {
            code: "USAGE_UNKNOWN_OPTION_SUGGEST",
            params: { command, option: shown, suggestion: `--${near}` },
          };
    }
    let raw: string;
    if (option.type === "boolean") {
      raw = inline ?? "true";
      if (raw !== "true" && raw !== "false") {
        return { code: "USAGE_BOOLEAN_INVALID", params: { option: `--${name}`, value: raw } };
      }
    } else if (inline !== undefined) {
      raw = inline;
    } else {
      const next = argv[i + 1];
      // `--out --json` forgot the value; `--jobs -1` is a (refused later) number, `--out -` a name.
      if (next === undefined || (next.startsWith("--") && next !== "--") || next === "-h") {
        return { code: "USAGE_OPTION_VALUE_MISSING", params: { option: `--${name}` } };
      }
      raw = next;
      i++;
    }
    given.set(name, [...(given.get(name) ?? []), raw]);
  }
  return { given, positionals, optionsEnd };
}

/** Phase 2: each option's values in its type, a single-value option given once, into `args`. */
function convertOptions(
  options: ReadonlyMap<string, OptionSpec>,
  given: ReadonlyMap<string, readonly string[]>,
  args: ParsedArgs,
): UsageProblem | undefined {
  for (const [name, raws] of given) {
    const option = options.get(name)!;
    if (raws.length > 1 && !option.repeatable) {
      return {
        code: "USAGE_OPTION_REPEATED",
        params: {
          option: `--${name}`,
          count: raws.length,
          values: raws.map((raw) => JSON.stringify(raw)).join(", "),
        },
      };
    }
    const values: unknown[] = [];
    for (const raw of raws) {
      if (option.type === "boolean") {
        values.push(raw === "true");
        continue;
      }
      const converted = convert(option, raw);
      if ("code" in converted) return converted;
      values.push(converted.value);
    }
    args[name] = option.repeatable ? values : values[0];
  }
  return undefined;
}

/** Phase 3: options that exclude each other, required options, then the defaults of the others. */
function completeOptions(
  spec: CommandSpec,
  given: ReadonlyMap<string, readonly string[]>,
  args: ParsedArgs,
): UsageProblem | undefined {
  for (const option of spec.options) {
    if (option.conflicts !== undefined && given.has(option.name) && given.has(option.conflicts)) {
      return { code: "USAGE_CONFLICT", params: { a: `--${option.name}`, b: `--${option.conflicts}` } };
    }
  }
  const missing = spec.options.filter((o) => o.required && !given.has(o.name)).map((o) => `--${o.name}`);
  if (missing.length > 0) {
    return { code: "USAGE_OPTION_MISSING", params: { command: spec.name, options: missing.join(", ") } };
  }
  for (const option of spec.options) {
    if (!given.has(option.name) && option.default !== undefined) args[option.name] = option.default;
  }
  return undefined;
}

/** Phase 4: the positionals in the order declared, each checked against its choices; none left over. */
function assignPositionals(
  spec: CommandSpec,
  positionals: readonly string[],
  args: ParsedArgs,
): UsageProblem | undefined {
  const command = spec.name;
  let next = 0;
  for (const positional of spec.positionals) {
    const taken = positional.variadic ? positionals.slice(next) : positionals.slice(next, next + 1);
    next += taken.length;
    if (taken.length === 0) {
      if (!positional.required) continue;
      return {
        code: "USAGE_ARGUMENT_MISSING",
        params: { command, argument: `<${positional.name}>`, what: positional.text },
      };
    }
    const choices = positional.choices;
    const invalid = choices && taken.find((value) => !choices.includes(value));
    if (choices && invalid !== undefined) {
      return {
        code: "USAGE_CHOICE_INVALID",
        params: { option: `<${positional.name}>`, value: invalid, choices: choices.join(", ") },
      };
    }
    args[positional.name] = positional.variadic ? taken : taken[0];
  }
  if (next < positionals.length) {
    return { code: "USAGE_EXTRA_ARGUMENT", params: { command, value: positionals[next]! } };
  }
  return undefined;
}

/**
 * Parses the arguments after the command name against `spec` plus {@link GLOBAL_OPTIONS}. Stops at the
 * first problem: one clear message beats a list of consequences of the first mistake.
 * With `--help` given, only unknown options are reported, so that help is never refused for a missing one.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParseResult {
  const options = optionsOf(spec.options);
  const args: ParsedArgs = Object.create(null) as ParsedArgs;
  const tokens = readTokens(options, argv, spec.name);
  if ("code" in tokens) return { ok: false, problem: tokens };
  if (tokens.given.has("help")) return { ok: true, args: Object.assign(args, { help: true }) };
  const problem =
    convertOptions(options, tokens.given, args) ??
    completeOptions(spec, tokens.given, args) ??
    assignPositionals(spec, tokens.positionals, args);
  return problem === undefined ? { ok: true, args } : { ok: false, problem };
}

/** The result of {@link parseProgramArgs}. */
export type ProgramParseResult =
  | {
      readonly ok: true;
      /** admxkit's own options given before the command (`--lang`, `--help`, `--version`). */
      readonly options: ParsedArgs;
      /** The command's name: the first positional; undefined when there is none. */
      readonly command?: string;
      /** The option tokens before the command, which the command's parser reads again (`--lang`). */
      readonly leading: readonly string[];
      /** The arguments after the command's name. */
      readonly rest: readonly string[];
    }
  | { readonly ok: false; readonly problem: UsageProblem };

/**
 * Parses what comes before the command (`admxkit --lang ja-JP build …`) by the same rules as
 * {@link parseArgs}, against {@link GLOBAL_OPTIONS}: a repeated `--lang` is refused here too, even when
 * `--help` follows, since which language the help is in would be a guess.
 */
export function parseProgramArgs(argv: readonly string[]): ProgramParseResult {
  const options = optionsOf([]);
  const args: ParsedArgs = Object.create(null) as ParsedArgs;
  const tokens = readTokens(options, argv, "admxkit", true);
  if ("code" in tokens) return { ok: false, problem: tokens };
  const problem = convertOptions(options, tokens.given, args);
  if (problem !== undefined) return { ok: false, problem };
  const [command, ...after] = tokens.positionals;
  // After `--`, the command's arguments are positionals too: its own parser is told so.
  const rest = argv[tokens.optionsEnd] === "--" ? ["--", ...after] : after;
  const leading = argv.slice(0, tokens.optionsEnd);
  return { ok: true, options: args, ...(command === undefined ? {} : { command }), leading, rest };
}
