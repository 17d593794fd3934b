/**
 * The one argument parser, called directly: what comes before the command (admxkit's own options) and
 * a command's arguments are read by the same rules, phase by phase.
 */
import { describe, expect, it } from "vitest";
import { parseArgs, parseProgramArgs, type CommandSpec } from "../../src/cli/args.js";

const SPEC: CommandSpec = {
  name: "demo",
  text: "demo.describe",
  positionals: [{ name: "file", required: true, text: "demo.positional.file" }],
  options: [
    { name: "out", type: "string", required: true, text: "demo.option.out" },
    {
      name: "class",
      type: "string",
      choices: ["machine", "user"],
      default: "machine",
      text: "demo.option.class",
    },
  ],
  examples: [],
};

describe("parseProgramArgs", () => {
  it("splits admxkit's own options, the command and the command's arguments", () => {
    const parsed = parseProgramArgs(["--lang", "ja-JP", "build", "--out", "x", "--help"]);
    expect(parsed).toEqual({
      ok: true,
      options: { lang: "ja-JP" },
      command: "build",
      leading: ["--lang", "ja-JP"],
      rest: ["--out", "x", "--help"],
    });
  });

  it("reads --help, --version and -h before a command, and no command at all", () => {
    expect(parseProgramArgs(["-h"])).toMatchObject({ ok: true, options: { help: true }, rest: [] });
    expect(parseProgramArgs(["--version", "build"])).toMatchObject({ options: { version: true } });
    expect(parseProgramArgs([])).toEqual({ ok: true, options: {}, leading: [], rest: [] });
  });

  it("keeps `--` for the command's parser: what follows stays positional", () => {
    expect(parseProgramArgs(["--", "build", "--out"])).toEqual({
      ok: true,
      options: {},
      command: "build",
      leading: [],
      rest: ["--", "--out"],
    });
  });

  it("refuses by the command rules: unknown names, missing values, switches with values, repeats", () => {
    const problem = (argv: string[]) => {
      const parsed = parseProgramArgs(argv);
      return parsed.ok ? undefined : parsed.problem;
    };
    expect(problem(["--nonsense", "build"])).toEqual({
      code: "USAGE_UNKNOWN_OPTION",
      params: { command: "admxkit", option: "--nonsense" },
    });
    expect(problem(["--vresion"])).toMatchObject({
      code: "USAGE_UNKNOWN_OPTION_SUGGEST",
      params: { suggestion: "--version" },
    });
    expect(problem(["--lang"])).toEqual({ code: "USAGE_OPTION_VALUE_MISSING", params: { option: "--lang" } });
    expect(problem(["--help=yes"])).toEqual({
      code: "USAGE_BOOLEAN_INVALID",
      params: { option: "--help", value: "yes" },
    });
    expect(problem(["--lang", "en-US", "--lang=ja-JP", "--help"])).toEqual({
      code: "USAGE_OPTION_REPEATED",
      params: { option: "--lang", count: 2, values: '"en-US", "ja-JP"' },
    });
  });
});

describe("parseArgs", () => {
  it("converts, completes and assigns: defaults, choices and positionals", () => {
    expect(parseArgs(SPEC, ["a.pol", "--out=o", "--class", "user"])).toEqual({
      ok: true,
      args: { file: "a.pol", out: "o", class: "user" },
    });
    expect(parseArgs(SPEC, ["--out", "o", "--", "--file"])).toEqual({
      ok: true,
      args: { file: "--file", out: "o", class: "machine" },
    });
  });

  it("reports the first problem by phase: tokens, values, required options, positionals", () => {
    const problem = (argv: string[]) => {
      const parsed = parseArgs(SPEC, argv);
      return parsed.ok ? undefined : parsed.problem.code;
    };
    // A bad token is found before the values are weighed, and with --help only bad tokens count.
    expect(problem(["--class", "foo", "--outt", "o"])).toBe("USAGE_UNKNOWN_OPTION_SUGGEST");
    expect(problem(["--help"])).toBeUndefined();
    expect(problem(["--class", "foo"])).toBe("USAGE_CHOICE_INVALID");
    expect(problem(["a.pol"])).toBe("USAGE_OPTION_MISSING");
    expect(problem(["--out", "o"])).toBe("USAGE_ARGUMENT_MISSING");
    expect(problem(["--out", "o", "a.pol", "b.pol"])).toBe("USAGE_EXTRA_ARGUMENT");
  });
});
