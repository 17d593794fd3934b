import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatMessage } from "../../i18n/messages.js";
import type { PolEntry } from "../../pol/index.js";
import type { PolTableOptions } from "../../formats/index.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand, usageError } from "../context.js";
import { CLASSES } from "./shared-options.js";
import type { CommandSpec } from "../args.js";

const FORMATS = ["table", "json", "lgpo"] as const;

interface DumpArgs {
  file: string;
  json: boolean;
  format: (typeof FORMATS)[number];
  class: "machine" | "user";
  out?: string;
  admx?: string;
  bundle?: string;
  lang?: string;
}

/** `admxkit dump`: a Registry.pol shown as a table, JSON lines or LGPO text. */
export const spec: CommandSpec = {
  name: "dump",
  text: "dump.describe",
  positionals: [{ name: "file", required: true, text: "dump.positional.file" }],
  options: [
    { name: "json", type: "boolean", default: false, text: "dump.option.json" },
    { name: "format", type: "string", choices: FORMATS, default: "table", text: "dump.option.format" },
    { name: "class", type: "string", choices: CLASSES, default: "machine", text: "dump.option.class" },
    {
      name: "bundle",
      type: "string",
      text: "dump.option.bundle",
      conflicts: "admx",
      placeholder: "<id|file>",
    },
    { name: "admx", type: "string", text: "dump.option.admx", placeholder: "<folder>" },
    { name: "out", type: "string", text: "dump.option.out", placeholder: "<file>" },
  ],
  examples: [
    { command: "admxkit dump Registry.pol --format lgpo --out settings.txt", text: "dump.example.1" },
    { command: "admxkit dump Registry.pol --json", text: "dump.example.2" },
    { command: "admxkit dump Registry.pol --admx C:\\Windows\\PolicyDefinitions", text: "dump.example.3" },
  ],
};

/**
 * The table or JSON lines of `--admx`: each entry with the policy and element that write it. Returns
 * what to say on stderr after the output: the store's findings about the policies that explain entries
 * (see src/read/store-diagnostics.ts) and, for the table, a warning per entry no template explains (in
 * JSON lines the `null` fields say it). The dump itself is right whatever the templates' state, so
 * none of this changes the exit code.
 */
async function explainedDump(
  entries: readonly PolEntry[],
  args: DumpArgs,
  json: boolean,
  table: PolTableOptions,
): Promise<{ text: Iterable<string>; notes: Diagnostic[] }> {
  const { loadPolicies } = await import("../../load/load-policies.js");
  const explain = await import("../../explain/index.js");
  const { diag } = await import("../../diagnostics/diagnostic.js");
  const loaded = await loadPolicies(args.admx !== undefined ? { admx: args.admx } : { bundle: args.bundle! });
  const explainer = explain.createEntryExplainer(loaded.sources);
  const explained = explain.explainEntries(entries, explainer, args.class);
  const notes = loaded.diagnosticsFor(explained.flatMap((e) => e.writers.map((w) => w.policy)));
  if (json) return { text: explain.explainedJsonLineChunks(explained), notes };
  explained.forEach(({ entry, writers }, i) => {
    if (writers.length > 0) return;
    // Counted from 1, as the rows of the table.
    const base = { index: i + 1, key: entry.key, valueName: entry.valueName };
    notes.push(
      args.admx !== undefined
        ? diag("DUMP_ENTRY_UNEXPLAINED", { ...base, dir: args.admx }, { file: args.file }, "warning")
        : diag(
            "DUMP_ENTRY_UNEXPLAINED_BUNDLE",
            { ...base, bundle: loaded.source },
            { file: args.file },
            "warning",
          ),
    );
  });
  return { text: explain.explainedTableChunks(explained, table), notes };
}

export async function handler(args: DumpArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  const explainWith = args.admx !== undefined ? "--admx" : args.bundle !== undefined ? "--bundle" : undefined;
  if (explainWith !== undefined && args.format === "lgpo" && !args.json) {
    // LGPO text has no place for the policy: the explanation would be dropped without a word.
    return usageError(io, locale, formatMessage("DUMP_ADMX_FORMAT", { option: explainWith }, locale), "dump");
  }
  return runCommand(io, locale, async () => {
    const { AdmxkitError } = await import("../../diagnostics/diagnostic.js");
    const { dumpFileChunks, dumpTextChunks } = await import("../../formats/dump-output.js");
    const { readPolFile, readPolFileStream } = await import("../../io/read-gpo-input.js");
    const place = { file: args.file };
    // Walked, not kept: memory holds the file's bytes, not an object per entry; explaining needs the
    // entries at hand, so it decodes them once into a list.
    const list = explainWith !== undefined ? await readPolFile(args.file) : undefined;
    const entries: Iterable<PolEntry> = list ?? (await readPolFileStream(args.file));
    const format = args.json ? "json" : args.format;
    if (format === "lgpo") {
      // The one check of src/formats (what pol --format lgpo refuses, dump refuses alike).
      const { checkEntriesFor } = await import("../../formats/entry-formats.js");
      const problems = checkEntriesFor("lgpo", entries, args.class, place);
      if (problems.length > 0) throw new AdmxkitError(problems);
    }
    // A terminal's rows are fitted to its width; a pipe or a file gets every name whole.
    const columns = args.out === undefined ? io.terminalColumns?.() : undefined;
    const table: PolTableOptions = columns === undefined ? { maxCellWidth: Infinity } : { width: columns };
    let text: Iterable<string>;
    let notes: Diagnostic[] = [];
    if (list !== undefined) {
      // Made as it is written too; the notes are known before the first chunk.
      ({ text, notes } = await explainedDump(list, args, format === "json", table));
    } else {
      // Made as it is written (src/formats/dump-output.ts): the whole output is never held in memory.
      text = dumpTextChunks(entries, format, args.class, table);
    }
    if (args.out === undefined) {
      // Awaited: a slow reader holds the writing back rather than the output piling up in memory.
      for (const chunk of text) await io.stdout(chunk);
      reportDiagnostics(io, notes, locale);
      return EXIT.ok;
    }
    const { writeFileAtomic } = await import("../../io/write-files.js");
    const content = list === undefined ? dumpFileChunks(entries, format, args.class) : text;
    const written = await writeFileAtomic(args.out, content);
    io.stdout(`${written}\n`);
    reportDiagnostics(io, notes, locale);
    return EXIT.ok;
  });
}
