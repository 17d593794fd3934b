import type { OutputFile } from "../io/output-file.js";
import { uiText } from "../i18n/messages.js";
import type { ExampleOptions } from "./example-values.js";
import { markup } from "./html.js";
import { previewSiteOptions, type PreviewModel } from "./load-model.js";
import { renderPage } from "./page.js";
import { generatePreviewSite, type PreviewSiteOptions } from "./site.js";
import type { StoreCatalog } from "./store/store-catalog.js";

/** Options of {@link generatePreviewSites}. */
export interface PreviewSitesOptions {
  readonly locales?: readonly string[];
  readonly examples?: Readonly<Record<string, ExampleOptions>>;
  /** See {@link PreviewSiteOptions.store}. */
  readonly store?: StoreCatalog;
}

/**
 * The preview of one or more templates (a PolicyDefinitions folder holds many): one template's site
 * fills the output folder; several each get `<FileName>/` and a start page that lists them.
 */
export function generatePreviewSites(
  models: readonly PreviewModel[],
  options: PreviewSitesOptions = {},
): OutputFile[] {
  const sites = models.map((model) => ({
    model,
    files: generatePreviewSite(model.bundle, {
      ...previewSiteOptions(model, options),
      ...(options.store && { store: options.store }),
    }),
  }));
  if (sites.length === 1) return sites[0]!.files;
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
    ...sites.flatMap(({ model, files }) =>
      files.map((file) => ({ ...file, path: `${model.bundle.fileName}/${file.path}` })),
    ),
  ];
}
