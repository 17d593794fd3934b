import type { Argv } from "yargs";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, runCommand } from "../context.js";
import { langOption } from "./shared-options.js";

const FORMATS = ["table", "json", "lgpo"] as const;

interface DumpArgs {
  file: string;
  json: boolean;
  format: (typeof FORMATS)[number];
  class: "machine" | "user";
  out?: string;
  lang?: string;
}

export const command = "dump <file>";
export const describe = "Print the entries of a Registry.pol file as a table, or as JSON lines";

export function builder(yargs: Argv): Argv<DumpArgs> {
  return langOption(yargs)
    .positional("file", { type: "string", demandOption: true, describe: "The Registry.pol file" })
    .option("json", {
      type: "boolean",
      default: false,
      describe: "One JSON object per entry and line (= --format json)",
    })
    .option("format", {
      choices: FORMATS,
      default: "table" as const,
      describe: "table: readable columns; json: JSON lines; lgpo: LGPO.exe /t text",
    })
    .option("class", {
      choices: ["machine", "user"] as const,
      default: "machine" as const,
      describe: "With --format lgpo: whether the file is a Machine (Computer) or User Registry.pol",
    })
    .option("out", {
      type: "string",
      describe:
        "Write to this file instead of stdout (LGPO text as LGPO.exe reads it: UTF-16LE with BOM when not ASCII)",
    })
    .example(
      "$0 dump Registry.pol --format lgpo --out settings.txt",
      "convert to LGPO text (apply with LGPO.exe /t)",
    )
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
    const format = args.json ? "json" : args.format;
    let text: string;
    if (format === "lgpo") {
      const problems = pol.checkLgpoEntries(decoded.entries);
      if (problems.length > 0) {
        throw new AdmxkitError(
          problems.map((p) => diag(p.code, { index: p.index, detail: p.detail, hive: args.class }, place)),
        );
      }
      text = pol.formatLgpoText(decoded.entries, args.class);
    } else {
      text = format === "json" ? pol.formatJsonLines(decoded.entries) : pol.formatPolTable(decoded.entries);
    }
    if (args.out === undefined) {
      io.stdout(text);
      return EXIT.ok;
    }
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { basename, dirname } = await import("node:path");
    // LGPO.exe reads a file without BOM as Latin-1: its encoder adds UTF-16LE + BOM when needed.
    const content = format === "lgpo" ? pol.encodeLgpoText(text) : text;
    const [written] = await writeFilesAtomic(dirname(args.out), [{ path: basename(args.out), content }]);
    io.stdout(`${written}\n`);
    return EXIT.ok;
  });
}
