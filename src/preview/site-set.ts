import type { OutputFile } from "../io/output-file.js";
import { uiText } from "../i18n/messages.js";
import type { ExampleOptions } from "./example-values.js";
import { markup } from "./html.js";
import { previewSiteOptions, type PreviewModel } from "./load-model.js";
import { renderPage } from "./page.js";
import { generatePreviewSite, type PageScripts, type PreviewSiteOptions } from "./site.js";
import type { StoreCatalog } from "./store/store-catalog.js";

/** Options of {@link generatePreviewSites}. */
export interface PreviewSitesOptions {
  readonly locales?: readonly string[];
  readonly examples?: Readonly<Record<string, ExampleOptions>>;
  /** See {@link PreviewSiteOptions.store}. */
  readonly store?: StoreCatalog;
  /**
   * Scripts layered on each site's pages (the editor of src/editor, which the CLI passes in): given
   * the model and how many folders its site sits below the output (0, or 1 for `<FileName>/`).
   */
  readonly pageScripts?: (model: PreviewModel, depth: number) => PageScripts;
  /** Files for the top of the output folder (the editor's page script). */
  readonly files?: readonly OutputFile[];
}

/**
 * The preview of one or more templates (a PolicyDefinitions folder holds many): one template's site
 * fills the output folder; several each get `<FileName>/` and a start page that lists them.
 */
export function generatePreviewSites(
  models: readonly PreviewModel[],
  options: PreviewSitesOptions = {},
): OutputFile[] {
  const depth = models.length === 1 ? 0 : 1;
  const sites = models.map((model) => ({
    model,
    files: generatePreviewSite(model.bundle, {
      ...previewSiteOptions(model, options),
      ...(options.store && { store: options.store }),
      ...(options.pageScripts && { pageScripts: options.pageScripts(model, depth) }),
    }),
  }));
  const top = options.files ?? [];
  if (sites.length === 1) return [...sites[0]!.files, ...top];
  const items = sites.map(
    ({ model }) =>
      markup`<li><a href="${model.bundle.fileName}/index.html">${model.bundle.fileName}.admx</a></li>`,
  );
  const start: OutputFile = {
    path: "index.html",
    content: renderPage({
      locale: "en-US",
      title: uiText("preview.storeTitle"),
      breadcrumbs: [],
      languages: [],
      languageLabel: uiText("preview.language"),
      body: markup`<div class="panel"><h1>${uiText("preview.administrativeTemplates")}</h1><ul>${items}</ul></div>`,
    }),
  };
  return [
    start,
    ...top,
    ...sites.flatMap(({ model, files }) =>
      files.map((file) => ({ ...file, path: `${model.bundle.fileName}/${file.path}` })),
    ),
  ];
}
