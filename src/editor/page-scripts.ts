/**
 * The editor's hook into the preview (src/preview/site.ts `PageScripts`): every page loads the bundled
 * page script and its locale's data script. The bundle is written once, at the top of the output.
 */
import type { OutputFile } from "../io/output-file.js";
import type { Bundle, Policy } from "../model/types.js";
import type { PageScripts } from "../preview/site.js";
import type { StoreTemplatePages } from "../preview/store/store-site.js";
import { EDITOR_DATA_FILE, EDITOR_SCRIPT_FILE, editorDataFile } from "./site-data.js";

/** One preview site the editor is layered on. */
export interface EditorSite {
  /** The model the pages show (namespace and prefix come from its target). */
  readonly bundle: Bundle;
  /** The definitions to compile with: the source bundle's where there is one (it knows text formats). */
  readonly policies: readonly Policy[];
  /** How the CLI names what the policies come from in messages (a bundle id, a store folder). */
  readonly source: string;
  /** How many folders the site's root is below the output folder (0, or 1 for `<FileName>/`). */
  readonly depth: number;
  /** Policy names (lower case) that other sites of the same output define: values files qualify them. */
  readonly qualified?: ReadonlySet<string>;
}

/** The page scripts of one site. */
export function editorPageScripts(site: EditorSite): PageScripts {
  const up = "../".repeat(site.depth + 1);
  return {
    // Deferred scripts run in document order: the data must be there when the page script starts.
    scripts: [EDITOR_DATA_FILE, `${up}${EDITOR_SCRIPT_FILE}`],
    files: (locale, shown) => [
      editorDataFile({
        source: site.source,
        locale,
        templates: [
          {
            namespace: site.bundle.target.namespace,
            prefix: site.bundle.target.prefix,
            policies: site.policies,
            shown,
          },
        ],
        ...(site.qualified ? { qualified: site.qualified } : {}),
      }),
    ],
  };
}

/** The bundled page script as an output file at the top of the output folder. */
export function editorScriptFile(script: string | Uint8Array): OutputFile {
  return { path: EDITOR_SCRIPT_FILE, content: script };
}

/**
 * The editor on the policy pages of a store preview (src/preview/store): each template's pages get a
 * data file of their own (`<locale>/<File>/editor-data.js`, one template at a time, so the preview's
 * memory stays bounded), and the downloads sit below each dialog. Names several templates define are
 * qualified in values files.
 */
export function editorStorePageScripts(source: string) {
  return (template: StoreTemplatePages) => ({
    scripts: [EDITOR_DATA_FILE, `../../${EDITOR_SCRIPT_FILE}`],
    files: [
      editorDataFile({
        source,
        locale: template.locale,
        path: `${template.locale}/${template.base}/${EDITOR_DATA_FILE}`,
        overview: "page",
        templates: [
          {
            namespace: template.bundle.target.namespace,
            prefix: template.bundle.target.prefix,
            policies: template.bundle.policies,
            shown: template.shown,
          },
        ],
        qualified: template.shared,
      }),
    ],
  });
}
