import type { Argv } from "yargs";
import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import { cliText, type LocaleTag } from "../../i18n/messages.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { langOption } from "./shared-options.js";

interface PreviewArgs {
  bundle?: string;
  admx?: string;
  locale?: string[];
  values?: string;
  editor: boolean;
  out: string;
  lang?: string;
}

export const command = "preview";
/** The line `--help` shows for the command. */
export const describe = (locale: LocaleTag): string => cliText("preview.describe", locale);

export function builder(yargs: Argv, locale: LocaleTag): Argv<PreviewArgs> {
  return langOption(yargs, locale)
    .option("bundle", {
      type: "string",
      describe: cliText("source.option.bundle", locale, { bundle: DEFAULT_BUNDLE }),
    })
    .option("admx", { type: "string", describe: cliText("preview.option.admx", locale) })
    .conflicts("bundle", "admx")
    .option("locale", {
      type: "string",
      array: true,
      describe: cliText("preview.option.locale", locale),
    })
    .option("values", {
      type: "string",
      describe: cliText("preview.option.values", locale),
    })
    .option("editor", {
      type: "boolean",
      default: true,
      describe: cliText("preview.option.editor", locale),
    })
    .option("out", { type: "string", demandOption: true, describe: cliText("preview.option.out", locale) })
    .example("$0 preview --out preview", cliText("preview.example.1", locale))
    .example(
      "$0 preview --bundle ./my-bundle.json --locale ja-JP --out site",
      cliText("preview.example.2", locale),
    ) as unknown as Argv<PreviewArgs>;
}

export async function handler(args: PreviewArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { loadPreviewModel, readPreviewModels, generatePreviewSites } =
      await import("../../preview/index.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    const { loadBundle } = await import("../load-bundle.js");
    // The preview renders what GPMC shows: templates read back, whether given (--admx) or generated.
    const models =
      args.admx !== undefined
        ? readPreviewModels(await readTemplateFolder(args.admx))
        : [
            loadPreviewModel(
              (await loadBundle(args.bundle ?? DEFAULT_BUNDLE, args.locale)).bundle,
              args.locale,
            ),
          ];
    for (const model of models) reportDiagnostics(io, model.diagnostics, locale);
    const examples = args.values === undefined ? {} : await readExamples(args.values);
    const editorScript = args.editor ? await readEditorScript() : undefined;
    const files = generatePreviewSites(models, {
      ...(args.locale ? { locales: args.locale } : {}),
      examples,
      ...(editorScript === undefined
        ? {}
        : { editorScript, source: args.admx ?? models[0]?.source?.id ?? models[0]!.bundle.id }),
    });
    const written = await writeFilesAtomic(args.out, files);
    for (const path of written) io.stdout(`${path}\n`);
    return EXIT.ok;
  });
}

/**
 * The ADMX files of a PolicyDefinitions folder and the ADML files of its locale folders, found as every
 * command finds a store's files (src/read/store-files.ts) and read with the bounded input reader.
 */
async function readTemplateFolder(dir: string) {
  const { basename } = await import("node:path");
  const { findTemplateFiles } = await import("../../read/store-files.js");
  const { readInputOrThrow } = await import("../../io/read-input.js");
  const { AdmxkitError, diag } = await import("../../diagnostics/diagnostic.js");
  const found = await findTemplateFiles([dir]);
  const errors = found.diagnostics.filter((d) => d.severity === "error" && d.code !== "STORE_EMPTY");
  if (errors.length > 0) throw new AdmxkitError(errors);
  const templates = found.templates.filter((t) => t.admx !== undefined);
  if (templates.length === 0) throw new AdmxkitError([diag("PREVIEW_ADMX_EMPTY", { dir }, { file: dir })]);
  const files: { path: string; content: Uint8Array }[] = [];
  for (const t of templates) {
    files.push({ path: basename(t.admx!), content: await readInputOrThrow(t.admx!, "admx") });
    for (const adml of t.admls) {
      const path = `${adml.locale}/${basename(adml.path)}`;
      files.push({ path, content: await readInputOrThrow(adml.path, "adml") });
    }
  }
  return files;
}

/**
 * The editor's page script, built by `npm run build` into dist/browser/editor.js (vite.editor.config.ts)
 * and shipped in the package. A missing build is the installer's problem, not the user's input: an
 * error that says how to make it.
 */
async function readEditorScript(): Promise<Uint8Array> {
  const { readFile } = await import("node:fs/promises");
  const { fileURLToPath } = await import("node:url");
  const { AdmxkitError, diag } = await import("../../diagnostics/diagnostic.js");
  // dist/cli/commands/preview.js → dist/browser/editor.js
  const file = fileURLToPath(new URL("../../browser/editor.js", import.meta.url));
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AdmxkitError([diag("PREVIEW_EDITOR_MISSING", { file, reason }, { file })]);
  }
}

async function readExamples(file: string) {
  const { readJsonFile } = await import("../../io/read-json.js");
  const { AdmxkitError } = await import("../../diagnostics/diagnostic.js");
  const { examplesFromValues } = await import("../../preview/index.js");
  const read = await readJsonFile(file);
  if (!read.ok) throw new AdmxkitError(read.diagnostics);
  return examplesFromValues(read.value, file);
}
