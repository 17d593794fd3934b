/**
 * The page script of the preview's editor (bundled by vite.editor.config.ts into dist/browser/editor.js,
 * written next to the pages by `admxkit preview`). A page without the data script, or opened with
 * scripts off, stays the static preview.
 */
import catalogs from "virtual:admxkit-catalogs";
import { registerToolCatalog } from "../../i18n/messages.js";
import { EDITOR_DATA_GLOBAL, type EditorSiteData } from "../site-data.js";
import { createApp } from "./app.js";
import { startDialog } from "./dialog.js";
import { startOverview } from "./overview.js";
import { EDITOR_CSS } from "./styles.js";

function start(): void {
  const data = (globalThis as Record<string, unknown>)[EDITOR_DATA_GLOBAL] as EditorSiteData | undefined;
  if (!data || data.version !== 1) return;
  for (const [locale, catalog] of Object.entries(catalogs)) registerToolCatalog(locale, catalog);
  const app = createApp(data);
  // A constructed stylesheet, not a <style> element: store pages allow only their stylesheet file
  // (style-src 'self'), and the CSP does not govern sheets a script builds.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(EDITOR_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  document.documentElement.classList.add("admxkit-editor");
  const article = document.querySelector<HTMLElement>("article.gp-preview[data-policy]");
  const current = app.current();
  if (article && current && article.dataset.policy === current.policy.name) {
    startDialog(app, article, current.policy, current.info);
    // A store's index spans many templates: each policy page carries its template's downloads.
    if (data.overview === "page") startOverview(app, document.querySelector("main")!);
  } else if (document.querySelector(".index-layout")) startOverview(app, document.querySelector("main")!);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
