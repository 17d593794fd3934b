import type { Argv } from "yargs";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, runCommand } from "../context.js";
import { langOption } from "./shared-options.js";

interface DumpArgs {
  file: string;
  json: boolean;
  lang?: string;
}

export const command = "dump <file>";
export const describe = "Print the entries of a Registry.pol file as a table, or as JSON lines";

export function builder(yargs: Argv): Argv<DumpArgs> {
  return langOption(yargs)
    .positional("file", { type: "string", demandOption: true, describe: "The Registry.pol file" })
    .option("json", { type: "boolean", default: false, describe: "One JSON object per entry and line" })
    .example("$0 dump Registry.pol --json", "entries as JSON lines") as unknown as Argv<DumpArgs>;
}

export async function handler(args: DumpArgs, io: CliIo): Promise<number> {
  return runCommand(io, messageLocale(args.lang), async () => {
    const { readFile } = await import("node:fs/promises");
    const { AdmxkitError, diag } = await import("../../diagnostics/diagnostic.js");
    const pol = await import("../../pol/index.js");
    const place = { file: args.file };
    const bytes = await readFile(args.file).catch((error: NodeJS.ErrnoException) => {
      const reason = error.code === "ENOENT" ? "no such file" : String(error);
      throw new AdmxkitError([diag("POL_READ_FAILED", { file: args.file, reason }, place)]);
    });
    const decoded = pol.decodePol(bytes);
    if (!decoded.ok) {
      const detail = pol.describePolDecodeError(decoded.error);
      throw new AdmxkitError([diag("POL_FILE_INVALID", { file: args.file, detail }, place)]);
    }
    io.stdout(args.json ? pol.formatJsonLines(decoded.entries) : pol.formatPolTable(decoded.entries));
    return EXIT.ok;
  });
}
