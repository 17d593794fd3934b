/**
 * admxkit's own command-line parser. yargs was replaced because its wording reached users in both
 * languages (`Not enough non-option arguments`, `[選択してください: …]`), it crashed on repeated
 * single-value options and loading it cost more than the whole `build` command.
 * The rules are the usual GNU ones: `--name value`, `--name=value`, `--flag`, `--no-flag`, `--` ends
 * the options; an option not declared `repeatable` may be given once.
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

const problem = (code: DiagnosticCode, params: Record<string, string | number>): ParseResult => ({
  ok: false,
  problem: { code, params },
});

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

/**
 * Parses the arguments after the command name against `spec` plus {@link GLOBAL_OPTIONS}. Stops at the
 * first problem: one clear message beats a list of consequences of the first mistake.
 * With `--help` given, only unknown options are reported, so that help is never refused for a missing one.
 */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParseResult {
  const options = new Map<string, OptionSpec>();
  for (const option of [...spec.options, ...GLOBAL_OPTIONS]) options.set(option.name, option);
  const args: ParsedArgs = Object.create(null) as ParsedArgs;
  const given = new Map<string, string[]>();
  const positionals: string[] = [];
  const command = spec.name;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (onlyPositionals || token === "-" || !token.startsWith("-")) {
      positionals.push(token);
      continue;
    }
    if (token === "--") {
      onlyPositionals = true;
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
        return problem("USAGE_BOOLEAN_INVALID", { option: `--no-${name}`, value: inline });
      }
      inline = "false";
    }
    if (!option || !token.startsWith("--")) {
      const shown = token.startsWith("--") ? `--${name}` : token;
      const near = suggest(name.replace(/^-+/, ""), [...options.keys()]);
      return near === undefined
        ? problem("USAGE_UNKNOWN_OPTION", { command, option: shown })
        : problem("USAGE_UNKNOWN_OPTION_SUGGEST", { command, option: shown, suggestion: `--${near}` });
    }
    let raw: string;
    if (option.type === "boolean") {
      raw = inline ?? "true";
      if (raw !== "true" && raw !== "false") {
        return problem("USAGE_BOOLEAN_INVALID", { option: `--${name}`, value: raw });
      }
    } else if (inline !== undefined) {
      raw = inline;
    } else {
      const next = argv[i + 1];
      // `--out --json` forgot the value; `--jobs -1` is a (refused later) number, `--out -` a name.
      if (next === undefined || (next.startsWith("--") && next !== "--") || next === "-h") {
        return problem("USAGE_OPTION_VALUE_MISSING", { option: `--${name}` });
      }
      raw = next;
      i++;
    }
    given.set(name, [...(given.get(name) ?? []), raw]);
  }
  if (given.has("help")) return { ok: true, args: Object.assign(args, { help: true }) };

  for (const [name, raws] of given) {
    const option = options.get(name)!;
    if (raws.length > 1 && !option.repeatable) {
      return problem("USAGE_OPTION_REPEATED", {
        option: `--${name}`,
        count: raws.length,
        values: raws.map((raw) => JSON.stringify(raw)).join(", "),
      });
    }
    const values: unknown[] = [];
    for (const raw of raws) {
      if (option.type === "boolean") {
        values.push(raw === "true");
        continue;
      }
      const converted = convert(option, raw);
      if ("code" in converted) return { ok: false, problem: converted };
      values.push(converted.value);
    }
    args[name] = option.repeatable ? values : values[0];
  }
  for (const option of spec.options) {
    if (option.conflicts !== undefined && given.has(option.name) && given.has(option.conflicts)) {
      return problem("USAGE_CONFLICT", { a: `--${option.name}`, b: `--${option.conflicts}` });
    }
  }
  const missing = spec.options.filter((o) => o.required && !given.has(o.name)).map((o) => `--${o.name}`);
  if (missing.length > 0) return problem("USAGE_OPTION_MISSING", { command, options: missing.join(", ") });
  for (const option of spec.options) {
    if (!given.has(option.name) && option.default !== undefined) args[option.name] = option.default;
  }

  let next = 0;
  for (const positional of spec.positionals) {
    const taken = positional.variadic ? positionals.slice(next) : positionals.slice(next, next + 1);
    next += taken.length;
    if (taken.length === 0) {
      if (positional.required) {
        return problem("USAGE_ARGUMENT_MISSING", {
          command,
          argument: `<${positional.name}>`,
          what: positional.text,
        });
      }
      continue;
    }
    for (const value of taken) {
      if (positional.choices && !positional.choices.includes(value)) {
        return problem("USAGE_CHOICE_INVALID", {
          option: `<${positional.name}>`,
          value,
          choices: positional.choices.join(", "),
        });
      }
    }
    args[positional.name] = positional.variadic ? taken : taken[0];
  }
  if (next < positionals.length) {
    return problem("USAGE_EXTRA_ARGUMENT", { command, value: positionals[next]! });
  }
  return { ok: true, args };
}
