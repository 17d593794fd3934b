/**
 * What the preview's editor needs to know about the policies of one preview site, written next to the
 * pages as a script (`<locale>/editor-data.js`) that the page script reads. The page compiles and
 * decodes with these very policy definitions, so its exports are what `admxkit pol` writes.
 */
import type { OutputFile } from "../io/output-file.js";
import { resolveLocale, type LocaleTag } from "../i18n/messages.js";
import { own } from "../model/own.js";
import type { Policy } from "../model/types.js";

/** The global the data script assigns and the page script reads. */
export const EDITOR_DATA_GLOBAL = "ADMXKIT_EDITOR_DATA";

/** The data file of a locale folder, and the page script, as the pages reference them. */
export const EDITOR_DATA_FILE = "editor-data.js";
export const EDITOR_SCRIPT_FILE = "editor.js";

/** One policy as the editor lists it. */
export interface EditorPolicyInfo {
  /** The policy's key in a values file: the bare name, or `namespace:name` where the store needs it. */
  readonly key: string;
  /** Its display name in the page's language. */
  readonly displayName: string;
  /** Its page, relative to the locale folder. */
  readonly page: string;
}

/** The contents of `editor-data.js`. */
export interface EditorSiteData {
  readonly version: 1;
  /** Names the local storage slot: one saved state per template namespace. */
  readonly scope: string;
  /** What the policies come from, for "no policy X in …" messages (as the CLI names it). */
  readonly source: string;
  /** The language of the policy texts, and the tool language of messages and labels. */
  readonly locale: string;
  readonly uiLocale: LocaleTag;
  readonly namespace: string;
  readonly prefix: string;
  /** The policy definitions the compiler and the decoder work with. */
  readonly policies: readonly Policy[];
  /** Per policy name, in the order of the editor's tree. */
  readonly info: Readonly<Record<string, EditorPolicyInfo>>;
}

/** What {@link editorDataFile} needs of a preview site. */
export interface EditorDataInput {
  readonly namespace: string;
  readonly prefix: string;
  readonly source: string;
  readonly locale: string;
  /** The definitions to compile with (the source bundle's where there is one). */
  readonly policies: readonly Policy[];
  /** The policies in tree order, with their display names and pages. */
  readonly order: readonly { readonly policy: Policy; readonly displayName: string; readonly page: string }[];
  /** Values-file keys that must be qualified (a bare name another template of the store also defines). */
  readonly qualified?: ReadonlySet<string>;
}

/** `<` escaped too, so the data can never close a script element even if inlined one day. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The data script of one locale folder of a preview site. */
export function editorDataFile(input: EditorDataInput): OutputFile {
  // Null prototype: a policy named `__proto__` is an ordinary key here as everywhere.
  const info: Record<string, EditorPolicyInfo> = Object.create(null);
  for (const { policy, displayName, page } of input.order) {
    if (own(info, policy.name)) continue;
    const key = input.qualified?.has(policy.name) ? `${input.namespace}:${policy.name}` : policy.name;
    info[policy.name] = { key, displayName, page };
  }
  const data: EditorSiteData = {
    version: 1,
    scope: input.namespace,
    source: input.source,
    locale: input.locale,
    uiLocale: resolveLocale(input.locale),
    namespace: input.namespace,
    prefix: input.prefix,
    policies: input.policies,
    info,
  };
  return {
    path: `${input.locale}/${EDITOR_DATA_FILE}`,
    content: `globalThis.${EDITOR_DATA_GLOBAL}=${scriptJson(data)};\n`,
  };
}
