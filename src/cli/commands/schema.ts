import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, runCommand } from "../context.js";
import { BUNDLE_OPTION } from "./shared-options.js";

interface SchemaArgs {
  kind: "bundle" | "values";
  bundle: string;
  lang?: string;
}

/** `admxkit schema`: the JSON Schema of bundles or of a bundle's values files. */
export const spec: CommandSpec = {
  name: "schema",
  text: "schema.describe",
  positionals: [
    { name: "kind", required: true, choices: ["bundle", "values"], text: "schema.positional.kind" },
  ],
  options: [BUNDLE_OPTION],
  examples: [
    {
      command: "admxkit schema values --bundle ./my-bundle.json > values.schema.json",
      text: "schema.example.1",
    },
  ],
};

export async function handler(args: SchemaArgs, io: CliIo): Promise<number> {
  return runCommand(io, messageLocale(args.lang), async () => {
    let schema: Record<string, unknown>;
    if (args.kind === "values") {
      const { loadBundle } = await import("../../load/load-bundle.js");
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
