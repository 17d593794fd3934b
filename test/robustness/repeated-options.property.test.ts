/**
 * A single-value option given more than once is a usage error (issue 15.4): exit code 2 and admxkit's
 * own message naming the option and every value, in English and Japanese — never a TypeError, a stack
 * trace, a write error about `undefined`, or a run with one of the values picked silently.
 *
 * The commands and options come from the CLI's own tables (each command's `spec` and GLOBAL_OPTIONS),
 * so a new option is covered as soon as it exists. Most cases run in-process through `main` (fast
 * enough for `npm run fuzz`); two go through the built binary.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GLOBAL_OPTIONS, type OptionSpec } from "../../src/cli/args.js";
import { COMMANDS } from "../../src/cli/main.js";
import { visibleText } from "../../src/i18n/visible-text.js";
import { cliText, formatMessage, TOOL_LOCALES, type LocaleTag } from "../../src/i18n/messages.js";
import { runCli, runInProcess } from "../helpers/cli.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";

/** One command and one option of it that takes a single value. */
interface Pair {
  readonly command: string;
  readonly option: OptionSpec;
}

// `--help` is left out: given at all, it answers with the help (exit 0), whatever else is on the line.
const PAIRS: readonly Pair[] = COMMANDS.flatMap(({ spec }) =>
  [...spec.options, ...GLOBAL_OPTIONS]
    .filter((option) => !option.repeatable && option.name !== "help")
    .map((option) => ({ command: spec.name, option })),
);

/** One occurrence of an option on the command line: its tokens and the value the parser records. */
interface Occurrence {
  readonly tokens: readonly string[];
  readonly raw: string;
}

/** `--name value`, or `--name=value` when `inline` or when the value starts with `-` (read as an option). */
function valued(name: string, value: string, inline: boolean): Occurrence {
  const spaced = !inline && !value.startsWith("-");
  return { tokens: spaced ? [`--${name}`, value] : [`--${name}=${value}`], raw: value };
}

/** A valid occurrence of `option` (the values are refused only for being given twice). */
function occurrence(option: OptionSpec): fc.Arbitrary<Occurrence> {
  const { name } = option;
  if (option.type === "boolean") {
    return fc.constantFrom<Occurrence>(
      { tokens: [`--${name}`], raw: "true" },
      { tokens: [`--${name}=true`], raw: "true" },
      { tokens: [`--${name}=false`], raw: "false" },
      { tokens: [`--no-${name}`], raw: "false" },
    );
  }
  const values: fc.Arbitrary<string> =
    option.type === "number"
      ? fc.integer({ min: -99_999_999, max: 999_999_999 }).map(String)
      : option.choices
        ? fc.constantFrom(...option.choices)
        : option.name === "lang"
          ? fc.oneof(fc.constantFrom("en-US", "ja-JP", "ja", "en_US.UTF-8", "fr-FR"), fc.string())
          : fc.oneof(
              fc.constantFrom("a", "out", "PolicyDefinitions", ".", "/", "-", "--", "-h", "x=y"),
              fc.string({ unit: "binary", maxLength: 20 }),
            );
  return fc.tuple(values, fc.boolean()).map(([value, inline]) => valued(name, value, inline));
}

/** What admxkit prints for a repeated option: its own message, then where to read the help. */
function expectedStderr(command: string, option: string, raws: readonly string[], locale: LocaleTag) {
  const message = formatMessage(
    "USAGE_OPTION_REPEATED",
    { option: `--${option}`, count: raws.length, values: raws.map((raw) => JSON.stringify(raw)).join(", ") },
    locale,
  );
  return `admxkit: ${visibleText(message)}\n${cliText("command.helpHint", locale, { command })}\n`;
}

/** The checks every refusal passes, beyond the exact text. */
function expectRefusal(
  result: { code: number | null; stdout: string; stderr: string },
  option: string,
  count: number,
  locale: LocaleTag,
) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr.startsWith(`admxkit: --${option} `)).toBe(true);
  expect(result.stderr).toContain(
    locale === "ja-JP"
      ? `--${option} が ${count} 回指定されています`
      : `--${option} was given ${count} times`,
  );
  expect(result.stderr).not.toMatch(/TypeError|ReferenceError|\n\s+at /);
}

/** The environment that asks for `locale` (for runs where --lang itself is the option repeated). */
function localeEnv(locale: LocaleTag): Record<string, string> {
  return { LC_ALL: locale === "ja-JP" ? "ja_JP.UTF-8" : "C" };
}

describe("a repeated single-value option is a usage error (issue 15.4)", () => {
  it("the option tables hold the options of the issue", () => {
    const names = PAIRS.map((p) => `${p.command} --${p.option.name}`);
    for (const name of [
      "pol --out",
      "build --out",
      "gpo --name",
      "build --lang",
      "pol --format",
      "dump --class",
    ])
      expect(names).toContain(name);
    // Every command has single-value options (at least --lang and --version).
    expect(new Set(PAIRS.map((p) => p.command))).toEqual(new Set(COMMANDS.map((m) => m.spec.name)));
  });

  it.each(TOOL_LOCALES)("every single-value option of every command, given twice (%s)", async (locale) => {
    for (const { command, option } of PAIRS) {
      const [first, second] =
        option.type === "boolean"
          ? [occurrenceOf(`--${option.name}`, "true"), occurrenceOf(`--no-${option.name}`, "false")]
          : [valued(option.name, sample(option, 0), false), valued(option.name, sample(option, 1), true)];
      const lang = option.name === "lang" ? [] : ["--lang", locale];
      const env = option.name === "lang" ? localeEnv(locale) : {};
      const result = await runInProcess([command, ...first.tokens, ...lang, ...second.tokens], env);
      const raws = [first.raw, second.raw];
      expect(result.stderr, `${command} --${option.name}`).toBe(
        expectedStderr(command, option.name, raws, locale),
      );
      expectRefusal(result, option.name, 2, locale);
    }
  });

  it("random commands, options, values, spellings, counts and positions (property)", async () => {
    // The occurrences' arbitrary of each option, built once (building them per case is the slow part).
    const repeated = PAIRS.map((pair) =>
      fc.tuple(fc.constant(pair), fc.array(occurrence(pair.option), { minLength: 2, maxLength: 4 })),
    );
    const cases = fc.record({
      repeated: fc.oneof(...repeated),
      locale: fc.constantFrom(...TOOL_LOCALES),
      langFirst: fc.boolean(),
      positionals: fc.array(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/), { maxLength: 2 }),
      // Where each occurrence goes among the positionals.
      slots: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(
        cases,
        async ({ repeated: [pair, occurrences], locale, langFirst, positionals, slots }) => {
          const { command, option } = pair;
          const isLang = option.name === "lang";
          const rest: (string | Occurrence)[] = [...positionals];
          occurrences.forEach((o, i) => rest.splice(slots[i]! % (rest.length + 1), 0, o));
          const tokens = rest.flatMap((r) => (typeof r === "string" ? [r] : r.tokens));
          // The values in the order they stand on the line.
          const raws = rest.flatMap((r) => (typeof r === "string" ? [] : [r.raw]));
          // --lang once, before the command or at the end (unless it is the option repeated: then the
          // environment gives the language, as it does for the CLI).
          const lang = isLang ? [] : ["--lang", locale];
          const argv = langFirst ? [...lang, command, ...tokens] : [command, ...tokens, ...lang];
          const result = await runInProcess(argv, isLang ? localeEnv(locale) : {});
          expect(result.stderr).toBe(expectedStderr(command, option.name, raws, locale));
          expectRefusal(result, option.name, raws.length, locale);
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });

  it("through the built binary, in Japanese and in English", async () => {
    const ja = await runCli(["validate", "--jobs", "1", "--jobs=2", "--lang", "ja-JP", "store"]);
    expect(ja.stderr).toBe(expectedStderr("validate", "jobs", ["1", "2"], "ja-JP"));
    expectRefusal(ja, "jobs", 2, "ja-JP");

    const en = await runCli(["preview", "--editor", "--out", "site", "--no-editor", "--out=-"]);
    // The first option found repeated is reported; each value as given.
    expect(en.stderr).toBe(expectedStderr("preview", "editor", ["true", "false"], "en-US"));
    expectRefusal(en, "editor", 2, "en-US");
  });
});

function occurrenceOf(token: string, raw: string): Occurrence {
  return { tokens: [token], raw };
}

/** A valid value of a non-boolean option for the sweep: a choice, a number, or a plain word. */
function sample(option: OptionSpec, index: number): string {
  if (option.choices) return option.choices[index % option.choices.length]!;
  if (option.type === "number") return String(index + 1);
  if (option.name === "lang") return ["en-US", "ja-JP"][index]!;
  return ["first", "-second"][index]!;
}
