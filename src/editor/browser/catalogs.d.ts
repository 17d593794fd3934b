/** The messages and UI texts of both tool locales, put into the page bundle by vite.editor.config.ts. */
declare module "virtual:admxkit-catalogs" {
  import type { ToolCatalog } from "../../i18n/messages.js";
  const catalogs: Readonly<Record<"en-US" | "ja-JP", ToolCatalog>>;
  export default catalogs;
}
