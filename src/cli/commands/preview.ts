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
    const files = generatePreviewSites(models, {
      ...(args.locale ? { locales: args.locale } : {}),
      examples,
    });
    const written = await writeFilesAtomic(args.out, files);
    for (const path of written) io.stdout(`${path}\n`);
    return EXIT.ok;
  });
}

/** The ADMX files of a PolicyDefinitions folder and the ADML files of its locale folders. */
async function readTemplateFolder(dir: string) {
  const { readdir, readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const { AdmxkitError, diag } = await import("../../diagnostics/diagnostic.js");
  const fail = (error: unknown, path: string): never => {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such folder" : String(error);
    throw new AdmxkitError([diag("PREVIEW_READ_FAILED", { path, reason }, { file: path })]);
  };
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => fail(error, dir));
  const paths = entries.filter((e) => e.isFile() && /\.admx$/i.test(e.name)).map((e) => e.name);
  if (paths.length === 0) throw new AdmxkitError([diag("PREVIEW_ADMX_EMPTY", { dir }, { file: dir })]);
  for (const folder of entries.filter((e) => e.isDirectory())) {
    const inner = await readdir(join(dir, folder.name)).catch((error: unknown) =>
      fail(error, join(dir, folder.name)),
    );
    paths.push(...inner.filter((name) => /\.adml$/i.test(name)).map((name) => `${folder.name}/${name}`));
  }
  return Promise.all(
    paths.map(async (path) => ({
      path,
      content: await readFile(join(dir, path)).catch((error: unknown) => fail(error, join(dir, path))),
    })),
  );
}

async function readExamples(file: string) {
  const { readFile } = await import("node:fs/promises");
  const { AdmxkitError, diag } = await import("../../diagnostics/diagnostic.js");
  const { examplesFromValues } = await import("../../preview/index.js");
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new AdmxkitError([diag("PREVIEW_VALUES_INVALID", { file, reason }, { file })]);
  }
  return examplesFromValues(parsed, file);
}
