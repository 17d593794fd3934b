/** The preview's public API: one policy as an HTML fragment, or the whole static site of a bundle. */
export { renderPolicyPreview, type PolicyPreviewOptions } from "./render-policy.js";
export {
  generatePreviewSite,
  policyPageName,
  type PreviewSiteOptions,
  type RegistryProvider,
} from "./site.js";
export {
  loadPreviewModel,
  previewSiteOptions,
  readPreviewModels,
  type PreviewModel,
  type TemplateFile,
} from "./load-model.js";
export { compiledRegistry } from "./registry-effects.js";
export { exampleOptions, type ExampleOptions } from "./example-values.js";
export { examplesFromValues } from "./values-examples.js";
export type { PolicyRegistry } from "./registry-panel.js";
export { PREVIEW_CSS } from "./styles.js";
export { escapeHtml } from "./html.js";
export { generatePreviewSites, type PreviewSitesOptions } from "./site-set.js";
export {
  readStoreCatalog,
  writeStorePreview,
  type StoreAdml,
  type StorePreviewOptions,
  type StorePreviewResult,
  type StoreTemplate,
} from "./store/store-site.js";
export { StoreCatalog, readableSupportedName } from "./store/store-catalog.js";
export { SEARCH_SCRIPT, searchIndexScript, type SearchEntry } from "./store/search-index.js";
export { renderPolicyPage, type PolicyPageParts } from "./policy-page.js";
