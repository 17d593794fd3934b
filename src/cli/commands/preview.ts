import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import { formatMessage, type LocaleTag } from "../../i18n/messages.js";
import { visibleText } from "../../i18n/visible-text.js";
import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { withLaterOptimization } from "../later-optimization.js";

interface PreviewArgs {
  bundle?: string;
  admx?: string;
  store?: string;
  locale?: string[];
  values?: string;
  editor: boolean;
  out: string;
  lang?: string;
}

/** `admxkit preview`: HTML pages showing the policies as the Group Policy editor does. */
export const spec: CommandSpec = {
  name: "preview",
  text: "preview.describe",
  positionals: [],
  options: [
    {
      name: "bundle",
      type: "string",
      text: "source.option.bundle",
      textParams: { bundle: DEFAULT_BUNDLE },
      conflicts: "admx",
      placeholder: "<id|file>",
    },
    { name: "admx", type: "string", text: "preview.option.admx", placeholder: "<folder>" },
    { name: "store", type: "string", text: "preview.option.store", placeholder: "<folder>" },
    { name: "locale", type: "string", repeatable: true, text: "preview.option.locale", placeholder: "<tag>" },
    { name: "values", type: "string", text: "preview.option.values", placeholder: "<file>" },
    { name: "editor", type: "boolean", default: true, text: "preview.option.editor" },
    { name: "out", type: "string", required: true, text: "preview.option.out", placeholder: "<folder>" },
  ],
  examples: [
    { command: "admxkit preview --out preview", text: "preview.example.1" },
    {
      command: "admxkit preview --bundle ./my-bundle.json --locale ja-JP --out site",
      text: "preview.example.2",
    },
  ],
};

export async function handler(args: PreviewArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, () => withLaterOptimization(() => preview(args, io, locale)));
}

/** The command itself: reads the templates or the bundle, renders the site and writes it. */
async function preview(args: PreviewArgs, io: CliIo, locale: LocaleTag): Promise<number> {
  const { loadPreviewModel, readPreviewModels, generatePreviewSites } =
    await import("../../preview/index.js");
  const { writeFilesAtomic } = await import("../../io/write-files.js");
  const { loadBundle } = await import("../../load/load-bundle.js");
  const examples = args.values === undefined ? {} : await readExamples(args.values);
  const locales = args.locale ? { locales: args.locale } : {};
  // The preview renders what GPMC shows: templates read back, whether given (--admx) or generated.
  if (args.admx !== undefined) {
    const templates = await findStoreTemplates(args.admx);
    // A folder of several templates is a store: one site, one tree, texts resolved across files.
    if (templates.length > 1)
      return previewStore(io, locale, args.out, templates, {
        ...locales,
        examples,
        ...(args.editor ? await storeEditorFor(args.admx) : {}),
      });
  }
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
  const { readStoreCatalog } = await import("../../preview/index.js");
  const store =
    args.store === undefined
      ? undefined
      : await readStoreCatalog(await findStoreTemplates(args.store), args.locale);
  const editor = args.editor ? await editorFor(models, args.admx) : {};
  const files = generatePreviewSites(models, {
    ...locales,
    examples,
    ...editor,
    ...(store && { store }),
  });
  const written = await writeFilesAtomic(args.out, files);
  for (const path of written) io.stdout(`${path}\n`);
  return EXIT.ok;
}

/** The editor's bundled page script (dist/browser/editor.js); missing, an error that says how to build it. */
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

/** The editor on a store preview's policy pages (src/editor/page-scripts.ts). */
async function storeEditorFor(admx: string) {
  const { editorStorePageScripts, editorScriptFile } = await import("../../editor/page-scripts.js");
  return { files: [editorScriptFile(await readEditorScript())], pageScripts: editorStorePageScripts(admx) };
}

/**
 * The editor on the pages: its bundled page script, built by `npm run build` into
 * dist/browser/editor.js (vite.editor.config.ts) and shipped in the package, and each site's data.
 * A missing build is the installer's problem, not the user's input: an error that says how to make it.
 */
async function editorFor(
  models: readonly import("../../preview/index.js").PreviewModel[],
  admx: string | undefined,
) {
  const { editorPageScripts, editorScriptFile } = await import("../../editor/page-scripts.js");
  const script = await readEditorScript();
  return {
    files: [editorScriptFile(script)],
    pageScripts: (model: (typeof models)[number], depth: number) =>
      editorPageScripts({
        bundle: model.bundle,
        policies: model.source?.policies ?? model.bundle.policies,
        // As `admxkit pol` names the source in its messages: the folder, or the bundle's id.
        source: admx ?? model.source?.id ?? model.bundle.id,
        depth,
      }),
  };
}

/**
 * Writes the preview of a store page by page into a temporary set of files, renamed into place only
 * when every template rendered: an error leaves the output folder as it was.
 */
async function previewStore(
  io: CliIo,
  locale: LocaleTag,
  out: string,
  templates: Awaited<ReturnType<typeof findStoreTemplates>>,
  options: import("../../preview/index.js").StorePreviewOptions & {
    readonly files?: readonly import("../../io/output-file.js").OutputFile[];
  },
): Promise<number> {
  const { writeStorePreview } = await import("../../preview/index.js");
  const { openOutputFolder } = await import("../../io/write-files.js");
  const writer = openOutputFolder(out);
  let diagnostics: readonly import("../../diagnostics/diagnostic.js").Diagnostic[];
  try {
    for (const file of options.files ?? []) await writer.add(file);
    ({ diagnostics } = await writeStorePreview(templates, (file) => writer.add(file), options));
    reportDiagnostics(io, diagnostics, locale);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const written = await writer.commit();
  for (const path of written) io.stdout(`${path}\n`);
  // A store's findings run to hundreds of lines: a closing line says what they add up to.
  if (diagnostics.length > 0) {
    const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
    const summary = formatMessage(
      "PREVIEW_SUMMARY",
      {
        pages: { counted: "VALIDATE_COUNT_FILE", count: written.length },
        out,
        warnings: { counted: "VALIDATE_COUNT_WARNING", count: count("warning") },
        infos: { counted: "VALIDATE_COUNT_INFO", count: count("info") },
      },
      locale,
    );
    io.stderr(`${visibleText(summary)}\n`);
  }
  return EXIT.ok;
}

/** The templates of a store folder, each read from disk when the preview asks for it. */
async function findStoreTemplates(dir: string) {
  const { basename } = await import("node:path");
  const { findTemplateFiles } = await import("../../read/store-files.js");
  const { readInputOrThrow } = await import("../../io/read-input.js");
  const { AdmxkitError, diag } = await import("../../diagnostics/diagnostic.js");
  const found = await findTemplateFiles([dir]);
  const errors = found.diagnostics.filter((d) => d.severity === "error" && d.code !== "STORE_EMPTY");
  if (errors.length > 0) throw new AdmxkitError(errors);
  const templates = found.templates.filter((t) => t.admx !== undefined);
  if (templates.length === 0) throw new AdmxkitError([diag("PREVIEW_ADMX_EMPTY", { dir }, { file: dir })]);
  return templates.map((t) => ({
    // The ADMX's own name: the store groups files case-insensitively (inetres.admx, InetRes.adml).
    base: basename(t.admx!).replace(/\.admx$/i, ""),
    read: async () => ({
      admx: { path: basename(t.admx!), content: await readInputOrThrow(t.admx!, "admx") },
      admls: await Promise.all(
        t.admls.map(async (adml) => ({
          locale: adml.locale,
          file: {
            path: `${adml.locale}/${basename(adml.path)}`,
            content: await readInputOrThrow(adml.path, "adml"),
          },
        })),
      ),
    }),
  }));
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

async function readExamples(file: string) {
  const { readJsonFile } = await import("../../io/read-json.js");
  const { AdmxkitError } = await import("../../diagnostics/diagnostic.js");
  const { examplesFromValues } = await import("../../preview/index.js");
  // A values file: its own bound, as for pol (src/io/read-input.ts).
  const read = await readJsonFile(file, "values");
  if (!read.ok) throw new AdmxkitError(read.diagnostics);
  return examplesFromValues(read.value, file);
}
