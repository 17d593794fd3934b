/** `admxkit/preview`: the HTML preview of policies as the Group Policy editor shows them. */

// A site per bundle (or per set of bundles), and one policy's page with the style sheet it is drawn with.
export {
  generatePreviewSite,
  generatePreviewSites,
  PREVIEW_CSS,
  renderPolicyPreview,
  type PolicyPreviewOptions,
  type PreviewSiteOptions,
  type PreviewSitesOptions,
} from "./preview/index.js";
