import { readFileSync } from "node:fs";
import { recordingInputs } from "../io/inputs-read.js";
import { cliText, formatMessage, isToolLocale, type LocaleTag } from "../i18n/messages.js";
import { visibleText } from "../i18n/visible-text.js";
import {
  parseArgs,
  parseProgramArgs,
  suggest,
  type CommandSpec,
  type ParsedArgs,
  type UsageProblem,
} from "./args.js";
import { EXIT, messageLocale, processIo, usageError, type CliIo } from "./context.js";
import { commandHelp, programHelp } from "./help.js";
import * as build from "./commands/build.js";
import * as diff from "./commands/diff.js";
import * as dump from "./commands/dump.js";
import * as gpo from "./commands/gpo.js";
import * as intune from "./commands/intune.js";
import * as pol from "./commands/pol.js";
import * as preview from "./commands/preview.js";
import * as schema from "./commands/schema.js";
import * as validate from "./commands/validate.js";
import * as values from "./commands/values.js";

/**
 * A command module: what it accepts (texts from the "cli" catalog section, in the locale {@link main}
 * picks first) and a handler that returns the exit code. Handlers import their heavy parts lazily, so
 * loading every module here costs next to nothing.
 */
export interface CommandModule {
  readonly spec: CommandSpec;
  handler: (args: any, io: CliIo) => Promise<number>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandModule[] = [
  build,
  validate,
  preview,
  pol,
  dump,
  gpo,
  intune,
  values,
  diff,
  schema,
];

/**
 * admxkit's own version, from the package.json two folders above this module (the package root, both
 * for src/cli and dist/cli): never the nearest package.json of the working folder, which is a consumer's.
 */
export function ownVersion(): string {
  const url = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
}

/**
 * The value of `--lang` before parsing, so that usage errors are in the language asked for: looked for
 * anywhere, since the parser stops at the first problem, which may come before it.
 */
function preScanLang(argv: readonly string[]): string | undefined {
  const found: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === "--lang" && argv[i + 1] !== undefined) found.push(argv[i + 1]!);
    else if (arg.startsWith("--lang=")) found.push(arg.slice("--lang=".length));
  });
  // Given twice, the language is in question: the environment's decides until the error is read.
  return found.length === 1 ? found[0] : undefined;
}

/** The language of the CLI's messages for these arguments: what {@link main} uses, for the launcher. */
export function cliLocale(argv: readonly string[]): LocaleTag {
  return messageLocale(preScanLang(argv));
}

/** A usage problem the parser found, worded in `locale`. */
function problemText({ code, params }: UsageProblem, locale: LocaleTag): string {
  // `what` names a positional by its help text, which is shown in the chosen language.
  const shown = typeof params.what === "string" ? { ...params, what: cliText(params.what, locale) } : params;
  return formatMessage(code, shown, locale);
}

/**
 * Runs the CLI and returns the exit code: 0 on success, 1 when the input is invalid, 2 on usage errors.
 * It never calls process.exit, so output is flushed and tests can call it directly.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const lang = preScanLang(argv);
  const locale = cliLocale(argv);
  if (lang !== undefined && !isToolLocale(lang)) {
    // Said once, on stderr, so that the fallback is never silent.
    io.stderr(`admxkit: ${formatMessage("LANG_UNSUPPORTED", { lang: visibleText(lang) }, locale)}\n`);
  }
  const program = parseProgramArgs(argv);
  if (!program.ok) return usageError(io, locale, problemText(program.problem, locale));
  if (program.options.version === true) {
    io.stdout(`${ownVersion()}\n`);
    return EXIT.ok;
  }
  if (program.options.help === true) {
    io.stdout(
      programHelp(
        COMMANDS.map((m) => m.spec),
        locale,
      ),
    );
    return EXIT.ok;
  }
  const names = COMMANDS.map((m) => m.spec.name);
  const name = program.command;
  if (name === undefined) {
    return usageError(io, locale, formatMessage("USAGE_NO_COMMAND", { commands: names.join(", ") }, locale));
  }
  const module = COMMANDS.find((m) => m.spec.name === name);
  if (!module) {
    const near = suggest(name, names);
    const message =
      near === undefined
        ? formatMessage("USAGE_UNKNOWN_COMMAND", { name, commands: names.join(", ") }, locale)
        : formatMessage("USAGE_UNKNOWN_COMMAND_SUGGEST", { name, suggestion: near }, locale);
    return usageError(io, locale, message);
  }
  // The leading `--lang` is the command's too: given again after the command, it is given twice.
  const parsed = parseArgs(module.spec, [...program.leading, ...program.rest]);
  if (!parsed.ok) return usageError(io, locale, problemText(parsed.problem, locale), name);
  const args: ParsedArgs = parsed.args;
  if (args.help === true) {
    io.stdout(commandHelp(module.spec, locale));
    return EXIT.ok;
  }
  if (args.version === true) {
    io.stdout(`${ownVersion()}\n`);
    return EXIT.ok;
  }
  // The files the command reads are recorded, so that none of its outputs replaces one (inputs-read.ts).
  return recordingInputs(() => module.handler(args, io));
}

/** For tests and docs: the help a command prints, without running the CLI. */
export function helpText(command: string | undefined, locale: LocaleTag, width?: number): string {
  const module = COMMANDS.find((m) => m.spec.name === command);
  return module
    ? commandHelp(module.spec, locale, width)
    : programHelp(
        COMMANDS.map((m) => m.spec),
        locale,
        width,
      );
}
