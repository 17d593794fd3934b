import type { Argv } from "yargs";
import { cliText, type LocaleTag } from "../../i18n/messages.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, runCommand } from "../context.js";
import { bundleOption, langOption } from "./shared-options.js";

interface SchemaArgs {
  kind: "bundle" | "values";
  bundle: string;
  lang?: string;
}

export const command = "schema <kind>";
/** The line `--help` shows for the command. */
export const describe = (locale: LocaleTag): string => cliText("schema.describe", locale);

export function builder(yargs: Argv, locale: LocaleTag): Argv<SchemaArgs> {
  return langOption(bundleOption(yargs, locale), locale)
    .positional("kind", {
      type: "string",
      choices: ["bundle", "values"],
      describe: cliText("schema.positional.kind", locale),
      demandOption: true,
    })
    .example(
      "$0 schema values --bundle ./my-bundle.json > values.schema.json",
      cliText("schema.example.1", locale),
    ) as unknown as Argv<SchemaArgs>;
}

export async function handler(args: SchemaArgs, io: CliIo): Promise<number> {
  return runCommand(io, messageLocale(args.lang), async () => {
    let schema: Record<string, unknown>;
    if (args.kind === "values") {
      const { loadBundle } = await import("../load-bundle.js");
      const { valuesJsonSchema } = await import("../../values/json-schema.js");
      schema = valuesJsonSchema((await loadBundle(args.bundle)).bundle);
    } else {
      const { bundleJsonSchema } = await import("../../model/json-schema.js");
      schema = bundleJsonSchema();
    }
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT.ok;
  });
}
