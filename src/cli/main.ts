import yargs, { type Argv } from "yargs";
import { cliText, type LocaleTag } from "../i18n/messages.js";
import { EXIT, messageLocale, processIo, type CliIo } from "./context.js";
import * as build from "./commands/build.js";
import * as diff from "./commands/diff.js";
import * as dump from "./commands/dump.js";
import * as gpo from "./commands/gpo.js";
import * as pol from "./commands/pol.js";
import * as preview from "./commands/preview.js";
import * as schema from "./commands/schema.js";
import * as validate from "./commands/validate.js";
import * as values from "./commands/values.js";

/**
 * A command module: yargs' shape, with a handler that returns the exit code. Its help texts come from
 * the "cli" section of the tool catalogs, in the locale {@link main} picks before yargs runs.
 */
interface CommandModule {
  command: string;
  describe: (locale: LocaleTag) => string;
  builder: (yargs: Argv, locale: LocaleTag) => Argv<any>;
  handler: (args: any, io: CliIo) => Promise<number>;
}

/** Every command, in the order `--help` lists them. Handlers import their heavy parts lazily. */
export const COMMANDS: readonly CommandModule[] = [
  build,
  validate,
  preview,
  pol,
  dump,
  gpo,
  values,
  diff,
  schema,
];

class UsageError extends Error {}

/** The value of `--lang` before yargs runs, so that yargs' own messages use the same language. */
function preScanLang(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return undefined;
  const arg = argv[i]!;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[i + 1];
}

/**
 * Runs the CLI and returns the exit code: 0 on success, 1 when the input is invalid, 2 on usage errors.
 * It never calls process.exit, so output is flushed and tests can call it directly.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const locale = messageLocale(preScanLang(argv));
  let cli = yargs([...argv])
    .scriptName("admxkit")
    .locale(locale === "ja-JP" ? "ja" : "en")
    .strict()
    .demandCommand(1, cliText("program.demandCommand", locale))
    // Known before any command, so that `admxkit nonsense --lang ja-JP` reports only "nonsense".
    .option("lang", { type: "string", describe: cliText("shared.option.lang", locale) })
    .recommendCommands()
    .exitProcess(false)
    .showHelpOnFail(false)
    .help()
    .alias("h", "help")
    .version()
    // A terminal's width, else COLUMNS (as shells export it; the docs build sets it to fit its code boxes).
    .wrap(Math.min(110, process.stdout.columns ?? (Number(process.env.COLUMNS) || 110)))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    });
  for (const module of COMMANDS) {
    const builder = (yargs: Argv) => module.builder(yargs, locale);
    cli = cli.command(module.command, module.describe(locale), builder, async (args) => {
      exitCode = await module.handler(args, io);
    });
  }
  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`admxkit: ${error.message}\n${cliText("program.usageHint", locale)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
