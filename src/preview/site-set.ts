import type { OutputFile } from "../io/output-file.js";
import { uiText } from "../i18n/messages.js";
import type { ExampleOptions } from "./example-values.js";
import { markup } from "./html.js";
import { previewSiteOptions, type PreviewModel } from "./load-model.js";
import { renderPage } from "./page.js";
import { generatePreviewSite } from "./site.js";
// The editor (issue 14) is layered on the pages through the site's PageScripts hook.
import { editorPageScripts, editorScriptFile } from "../editor/page-scripts.js";
import { sharedPolicyNames } from "../editor/site-data.js";

/** Options of {@link generatePreviewSites}. */
export interface PreviewSitesOptions {
  readonly locales?: readonly string[];
  readonly examples?: Readonly<Record<string, ExampleOptions>>;
  /**
   * The editor's bundled page script (dist/browser/editor.js): given, every page becomes the live
   * editor of src/editor, and the script is written once at the top of the output.
   */
  readonly editorScript?: string | Uint8Array;
  /** How messages name where the policies come from (the CLI's `--bundle` id or `--admx` folder). */
  readonly source?: string;
}

/**
 * The preview of one or more templates (a PolicyDefinitions folder holds many): one template's site
 * fills the output folder; several each get `<FileName>/` and a start page that lists them.
 */
export function generatePreviewSites(
  models: readonly PreviewModel[],
  options: PreviewSitesOptions = {},
): OutputFile[] {
  const qualified =
    options.editorScript === undefined ? new Set<string>() : sharedPolicyNames(models.map((m) => m.bundle));
  const depth = models.length === 1 ? 0 : 1;
  const sites = models.map((model) => ({
    model,
    files: generatePreviewSite(model.bundle, {
      ...previewSiteOptions(model, options),
      ...(options.editorScript === undefined
        ? {}
        : {
            pageScripts: editorPageScripts({
              bundle: model.bundle,
              policies: model.source?.policies ?? model.bundle.policies,
              source: options.source ?? model.source?.id ?? model.bundle.id,
              depth,
              qualified,
            }),
          }),
    }),
  }));
  const script = options.editorScript === undefined ? [] : [editorScriptFile(options.editorScript)];
  if (sites.length === 1) return [...sites[0]!.files, ...script];
  const items = sites.map(
    ({ model }) =>
      markup`<li><a href="${model.bundle.fileName}/index.html">${model.bundle.fileName}.admx</a></li>`,
  );
  const start: OutputFile = {
    path: "index.html",
    content: renderPage({
      locale: "en-US",
      title: "Administrative Templates",
      breadcrumbs: [],
      languages: [],
      languageLabel: uiText("preview.language"),
      body: markup`<div class="panel"><h1>${uiText("preview.administrativeTemplates")}</h1><ul>${items}</ul></div>`,
    }),
  };
  return [
    start,
    ...script,
    ...sites.flatMap(({ model, files }) =>
      files.map((file) => ({ ...file, path: `${model.bundle.fileName}/${file.path}` })),
    ),
  ];
}
