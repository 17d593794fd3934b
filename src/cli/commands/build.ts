import type { Argv } from "yargs";
import { DEFAULT_BUNDLE } from "../../bundles/index.js";
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
export const describe = "Write the bundle's ADMX and ADML files as a PolicyDefinitions tree";

export function builder(yargs: Argv): Argv<BuildArgs> {
  return langOption(bundleOption(yargs))
    .option("out", {
      type: "string",
      default: "out",
      describe: "Output folder; files go to <out>/PolicyDefinitions",
    })
    .option("locale", {
      type: "string",
      array: true,
      describe: "Locale to write (repeatable); default: all the bundle has",
    })
    .example("$0 build", "write ./out/PolicyDefinitions for the built-in defender-proxy bundle")
    .example(
      "$0 build --bundle ./my-bundle.json --locale en-US --out dist",
      "one custom bundle, one language",
    ) as unknown as Argv<BuildArgs>;
}

export async function handler(args: BuildArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { loadBundle } = await import("../load-bundle.js");
    const { generateTemplates } = await import("../../build/generate.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { bundle } = await loadBundle(args.bundle ?? DEFAULT_BUNDLE, args.locale);
    const result = generateTemplates(bundle, args.locale ? { locales: args.locale } : {});
    reportDiagnostics(io, result.diagnostics, locale);
    const written = await writeFilesAtomic(args.out, result.files);
    for (const path of written) io.stdout(`${path}\n`);
    return EXIT.ok;
  });
}
