import type { Argv } from "yargs";
import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import { cliText, type LocaleTag } from "../../i18n/messages.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { bundleOption, langOption } from "./shared-options.js";

interface BuildArgs {
  bundle: string;
  out: string;
  locale?: string[];
  lang?: string;
}

export const command = "build";
/** The line `--help` shows for the command. */
export const describe = (locale: LocaleTag): string => cliText("build.describe", locale);

export function builder(yargs: Argv, locale: LocaleTag): Argv<BuildArgs> {
  return langOption(bundleOption(yargs, locale), locale)
    .option("out", {
      type: "string",
      default: "out",
      describe: cliText("build.option.out", locale),
    })
    .option("locale", {
      type: "string",
      array: true,
      describe: cliText("build.option.locale", locale),
    })
    .example("$0 build", cliText("build.example.1", locale))
    .example(
      "$0 build --bundle ./my-bundle.json --locale en-US --out dist",
      cliText("build.example.2", locale),
    ) as unknown as Argv<BuildArgs>;
}

export async function handler(args: BuildArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { loadBundle } = await import("../load-bundle.js");
    const { generateTemplates } = await import("../../generate/generate.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { bundle } = await loadBundle(args.bundle ?? DEFAULT_BUNDLE, args.locale);
    const result = generateTemplates(bundle, args.locale ? { locales: args.locale } : {});
    reportDiagnostics(io, result.diagnostics, locale);
    const written = await writeFilesAtomic(args.out, result.files);
    for (const path of written) io.stdout(`${path}\n`);
    return EXIT.ok;
  });
}
