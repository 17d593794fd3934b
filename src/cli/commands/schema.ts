import type { Argv } from "yargs";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, runCommand } from "../context.js";
import { bundleOption, langOption } from "./shared-options.js";

interface SchemaArgs {
  kind: "bundle" | "values";
  bundle: string;
  lang?: string;
}

export const command = "schema <kind>";
export const describe = "Print the JSON Schema of a file format (bundle, values)";

export function builder(yargs: Argv): Argv<SchemaArgs> {
  return langOption(bundleOption(yargs))
    .positional("kind", {
      type: "string",
      choices: ["bundle", "values"],
      describe:
        "bundle: the bundle file format; values: values files of the --bundle (policy names and option types)",
      demandOption: true,
    })
    .example(
      "$0 schema values --bundle ./my-bundle.json > values.schema.json",
      "schema for values files of a bundle",
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
