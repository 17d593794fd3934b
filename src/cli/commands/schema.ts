import type { Argv } from "yargs";
import type { CliIo } from "../context.js";
import { EXIT } from "../context.js";

interface SchemaArgs {
  kind: string;
}

export const command = "schema <kind>";
export const describe = "Print the JSON Schema of a file format (bundle)";

export function builder(yargs: Argv): Argv<SchemaArgs> {
  return yargs.positional("kind", {
    type: "string",
    choices: ["bundle"],
    describe: "bundle: the bundle file format",
    demandOption: true,
  }) as unknown as Argv<SchemaArgs>;
}

export async function handler(_args: SchemaArgs, io: CliIo): Promise<number> {
  const { bundleJsonSchema } = await import("../../model/json-schema.js");
  io.stdout(`${JSON.stringify(bundleJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
