import type { Argv } from "yargs";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { cliText, formatMessage, type LocaleTag } from "../../i18n/messages.js";
import type { PolEntry } from "../../pol/index.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { langOption } from "./shared-options.js";

const FORMATS = ["table", "json", "lgpo"] as const;

interface DumpArgs {
  file: string;
  json: boolean;
  format: (typeof FORMATS)[number];
  class: "machine" | "user";
  out?: string;
  admx?: string;
  lang?: string;
}

export const command = "dump <file>";
/** The line `--help` shows for the command. */
export const describe = (locale: LocaleTag): string => cliText("dump.describe", locale);

export function builder(yargs: Argv, locale: LocaleTag): Argv<DumpArgs> {
  return langOption(yargs, locale)
    .positional("file", {
      type: "string",
      demandOption: true,
      describe: cliText("dump.positional.file", locale),
    })
    .option("json", {
      type: "boolean",
      default: false,
      describe: cliText("dump.option.json", locale),
    })
    .option("format", {
      choices: FORMATS,
      default: "table" as const,
      describe: cliText("dump.option.format", locale),
    })
    .option("class", {
      choices: ["machine", "user"] as const,
      default: "machine" as const,
      describe: cliText("dump.option.class", locale),
    })
    .option("admx", {
      type: "string",
      describe: cliText("dump.option.admx", locale),
    })
    .option("out", {
      type: "string",
      describe: cliText("dump.option.out", locale),
    })
    .example("$0 dump Registry.pol --format lgpo --out settings.txt", cliText("dump.example.1", locale))
    .example("$0 dump Registry.pol --json", cliText("dump.example.2", locale))
    .example(
      "$0 dump Registry.pol --admx C:\\Windows\\PolicyDefinitions",
      cliText("dump.example.3", locale),
    ) as unknown as Argv<DumpArgs>;
}

/**
 * The table or JSON lines of `--admx`: each entry with the policy and element that write it. Returns
 * what to say on stderr after the output: the store's findings about the policies that explain entries
 * (see src/cli/store-diagnostics.ts) and, for the table, a warning per entry no template explains (in
 * JSON lines the `null` fields say it). The dump itself is right whatever the templates' state, so
 * none of this changes the exit code.
 */
async function explainedDump(
  entries: readonly PolEntry[],
  args: DumpArgs & { admx: string },
  json: boolean,
): Promise<{ text: string; notes: Diagnostic[] }> {
  const { loadPolicySource } = await import("../policy-source.js");
  const explain = await import("../../explain/index.js");
  const { diag } = await import("../../diagnostics/diagnostic.js");
  const loaded = await loadPolicySource({ admx: args.admx });
  const explainer = explain.createEntryExplainer(loaded.sources);
  const explained = explain.explainEntries(entries, explainer, args.class);
  const notes = loaded.diagnosticsFor(explained.flatMap((e) => e.writers.map((w) => w.policy)));
  if (json) return { text: explain.formatExplainedJsonLines(explained), notes };
  explained.forEach(({ entry, writers }, i) => {
    if (writers.length > 0) return;
    // Counted from 1, as the rows of the table.
    const params = { index: i + 1, key: entry.key, valueName: entry.valueName, dir: args.admx };
    notes.push(diag("DUMP_ENTRY_UNEXPLAINED", params, { file: args.file }, "warning"));
  });
  return { text: explain.formatExplainedTable(explained), notes };
}

export async function handler(args: DumpArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  if (args.admx !== undefined && args.format === "lgpo" && !args.json) {
    // LGPO text has no place for the policy: the explanation would be dropped without a word. A usage
    // error like yargs' own (main.ts), reported here because a yargs check() error would not be one.
    io.stderr(
      `admxkit: ${formatMessage("DUMP_ADMX_FORMAT", {}, locale)}\n${cliText("program.usageHint", locale)}\n`,
    );
    return EXIT.usage;
  }
  return runCommand(io, locale, async () => {
    const { AdmxkitError, diag } = await import("../../diagnostics/diagnostic.js");
    const pol = await import("../../pol/index.js");
    const { readPolFile } = await import("../../io/read-gpo-input.js");
    const place = { file: args.file };
    const decoded = { entries: await readPolFile(args.file) };
    const format = args.json ? "json" : args.format;
    if (format === "lgpo") {
      const problems = pol.checkLgpoEntries(decoded.entries);
      if (problems.length > 0) {
        throw new AdmxkitError(
          problems.map((p) => diag(p.code, { index: p.index, detail: p.detail, hive: args.class }, place)),
        );
      }
    }
    let text: Iterable<string>;
    let notes: Diagnostic[] = [];
    if (args.admx !== undefined) {
      const explained = await explainedDump(decoded.entries, { ...args, admx: args.admx }, format === "json");
      ({ notes } = explained);
      text = [explained.text];
    } else {
      // Made as it is written (src/pol/dump-output.ts): the whole output is never held in memory.
      text = pol.dumpTextChunks(decoded.entries, format, args.class);
    }
    if (args.out === undefined) {
      for (const chunk of text) io.stdout(chunk);
      reportDiagnostics(io, notes, locale);
      return EXIT.ok;
    }
    const { writeFileAtomic } = await import("../../io/write-files.js");
    const content =
      args.admx === undefined ? pol.dumpFileChunks(decoded.entries, format, args.class) : [...text].join("");
    const written = await writeFileAtomic(args.out, content);
    io.stdout(`${written}\n`);
    reportDiagnostics(io, notes, locale);
    return EXIT.ok;
  });
}
