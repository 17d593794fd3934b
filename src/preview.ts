/** `admxkit/preview`: the HTML preview of policies as the Group Policy editor shows them. */

// A bundle's site, and one policy's page with the style sheet it is drawn with.
export {
  generatePreviewSite,
  PREVIEW_CSS,
  renderPolicyPreview,
  type ExampleOptions,
  type PolicyPreviewOptions,
  type PolicyRegistry,
  type PreviewSiteOptions,
  type RegistryProvider,
} from "./preview/index.js";

// The hook for scripts layered on the pages (the editor uses it).
export type { PageScripts, ShownPolicy } from "./preview/site.js";
