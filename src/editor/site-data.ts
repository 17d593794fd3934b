/**
 * What the preview's editor needs to know about the policies of a preview site, written next to the
 * pages as a script (`<locale>/editor-data.js`) that the page script reads. The page compiles and
 * decodes with these very policy definitions, so its exports are what `admxkit pol` writes. One data
 * file may hold many templates (a whole central store); pages are found by their path.
 */
import type { OutputFile } from "../io/output-file.js";
import { resolveLocale, type LocaleTag } from "../i18n/messages.js";
import type { Policy } from "../model/types.js";

/** The global the data script assigns and the page script reads. */
export const EDITOR_DATA_GLOBAL = "ADMXKIT_EDITOR_DATA";

/** The data file of a locale folder, and the page script, as the pages reference them. */
export const EDITOR_DATA_FILE = "editor-data.js";
export const EDITOR_SCRIPT_FILE = "editor.js";

/** One policy page as the editor knows it. */
export interface EditorPageInfo {
  /** Which of {@link EditorSiteData.templates} defines the policy, and its name there. */
  readonly template: number;
  readonly name: string;
  /** The policy's key in a values file: the bare name, or `namespace:name` where the store needs it. */
  readonly key: string;
  /** Its display name in the page's language. */
  readonly displayName: string;
  /** Its page, relative to the folder of the data file. */
  readonly page: string;
}

/** The policies of one template (ADMX file or bundle). */
export interface EditorTemplateData {
  readonly namespace: string;
  readonly prefix: string;
  /** The definitions the compiler and the decoder work with. */
  readonly policies: readonly Policy[];
}

/** The contents of `editor-data.js`. */
export interface EditorSiteData {
  readonly version: 1;
  /** Names the local storage slot of the saved state. */
  readonly scope: string;
  /** What the policies come from, for "no policy X in …" messages (as the CLI names it). */
  readonly source: string;
  /** The language of the policy texts, and the tool language of messages and labels. */
  readonly locale: string;
  readonly uiLocale: LocaleTag;
  readonly templates: readonly EditorTemplateData[];
  /**
   * Where the configured settings and downloads are: the locale's index page (a bundle's site), or
   * below the dialog of every policy page (a store preview, whose index spans many templates).
   */
  readonly overview: "index" | "page";
  /** Every policy page, in the order of the editor's tree. */
  readonly pages: readonly EditorPageInfo[];
}

/** A policy as one locale's pages show it. */
export interface ShownPolicyPage {
  readonly policy: Policy;
  readonly displayName: string;
  /** Its page, relative to the folder the data file is written to. */
  readonly page: string;
}

/** One template of a site: its definitions and its pages. */
export interface EditorTemplateInput extends EditorTemplateData {
  readonly shown: readonly ShownPolicyPage[];
}

/** What {@link editorDataFile} needs. */
export interface EditorDataInput {
  /** The local storage slot; default: the first template's namespace. */
  readonly scope?: string;
  readonly source: string;
  readonly locale: string;
  /** Where the file goes (relative to the output folder); default `<locale>/editor-data.js`. */
  readonly path?: string;
  readonly templates: readonly EditorTemplateInput[];
  /** See {@link EditorSiteData.overview}; default "index". */
  readonly overview?: "index" | "page";
  /**
   * Policy names a values file must qualify besides those several of `templates` define (names that
   * other sites of the same store define; case-insensitive, as values-file keys are).
   */
  readonly qualified?: ReadonlySet<string>;
}

/** `<` escaped too, so the data can never close a script element even if inlined one day. */
function scriptJson(value: unknown): string {
  // One scan of the JSON (a large template's data is over a megabyte), not one per character.
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** Names (lower case) defined by more than one template of the list. */
export function sharedPolicyNames(
  templates: readonly { readonly policies: readonly Policy[] }[],
): Set<string> {
  const count = new Map<string, number>();
  for (const t of templates) {
    for (const name of new Set(t.policies.map((p) => p.name.toLowerCase())))
      count.set(name, (count.get(name) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n > 1).map(([name]) => name));
}

/** The data script of one locale of a preview site. */
export function editorDataFile(input: EditorDataInput): OutputFile {
  const shared = sharedPolicyNames(input.templates);
  const qualified = (name: string) =>
    shared.has(name.toLowerCase()) || (input.qualified?.has(name.toLowerCase()) ?? false);
  const pages: EditorPageInfo[] = [];
  const seen = new Set<string>();
  input.templates.forEach((t, template) => {
    for (const { policy, displayName, page } of t.shown) {
      // A policy of both classes is listed under both roots: one page, one entry.
      if (seen.has(page)) continue;
      seen.add(page);
      const key = qualified(policy.name) ? `${t.namespace}:${policy.name}` : policy.name;
      pages.push({ template, name: policy.name, key, displayName, page });
    }
  });
  const data: EditorSiteData = {
    version: 1,
    scope: input.scope ?? input.templates[0]?.namespace ?? "",
    source: input.source,
    locale: input.locale,
    uiLocale: resolveLocale(input.locale),
    templates: input.templates.map(({ namespace, prefix, policies }) => ({ namespace, prefix, policies })),
    overview: input.overview ?? "index",
    pages,
  };
  return {
    path: input.path ?? `${input.locale}/${EDITOR_DATA_FILE}`,
    content: `globalThis.${EDITOR_DATA_GLOBAL}=${scriptJson(data)};\n`,
  };
}
