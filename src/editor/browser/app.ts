/** What every part of the page script shares: the site's data, the saved state, the policy index, texts. */
import { createPolicyIndex, type PolicyIndex, type PolicySource } from "../../compile/policy-index.js";
import type { PolicyClassName } from "../../compile/types.js";
import { uiText } from "../../i18n/messages.js";
import type { Policy } from "../../model/types.js";
import { EDITOR_DATA_FILE, type EditorPageInfo, type EditorSiteData } from "../site-data.js";
import { EditorStorage } from "./storage.js";

/** The page script's context. */
export interface EditorApp {
  readonly data: EditorSiteData;
  readonly storage: EditorStorage;
  readonly sources: readonly PolicySource[];
  readonly index: PolicyIndex;
  /** A UI label in the page's tool language, `{name}` placeholders filled. */
  ui(id: string, params?: Readonly<Record<string, string | number>>): string;
  /** The page of a policy of this site. */
  info(policy: Policy): EditorPageInfo | undefined;
  /** The policy a values-file key names (bare or `namespace:name`), when this site has it. */
  byKey(key: string): Policy | undefined;
  /** The policy this page shows, found by the page's path beside the data file. */
  current(): { readonly policy: Policy; readonly info: EditorPageInfo } | undefined;
  /** The href of a page of the site (relative to the data file's folder) from this page. */
  href(page: string): string;
}

/** The sections a policy can be set in: Both in either, as the editor lists it under both roots. */
export function sectionsOf(policy: Policy): PolicyClassName[] {
  if (policy.class === "Both") return ["machine", "user"];
  return [policy.class === "Machine" ? "machine" : "user"];
}

/** The folder URL of the data script, which page paths in the data are relative to. */
function dataFolder(): URL {
  const script = document.querySelector<HTMLScriptElement>(`script[src$="${EDITOR_DATA_FILE}"]`);
  return new URL(".", script?.src ?? location.href);
}

export function createApp(data: EditorSiteData): EditorApp {
  const sources: PolicySource[] = data.templates.map((t) => ({
    namespace: t.namespace,
    prefix: t.prefix,
    policies: t.policies,
  }));
  const index = createPolicyIndex(sources);
  const infos = new Map<Policy, EditorPageInfo>();
  const byPage = new Map<string, { policy: Policy; info: EditorPageInfo }>();
  for (const info of data.pages) {
    const policy = data.templates[info.template]?.policies.find((p) => p.name === info.name);
    if (!policy) continue;
    infos.set(policy, info);
    byPage.set(info.page, { policy, info });
  }
  const folder = dataFolder();
  const here = decodeURIComponent(location.pathname);
  const base = decodeURIComponent(folder.pathname);
  return {
    data,
    storage: new EditorStorage(data.scope),
    sources,
    index,
    ui: (id, params = {}) =>
      uiText(id, data.uiLocale).replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : whole,
      ),
    info: (policy) => infos.get(policy),
    byKey: (key) => {
      const found = index.lookup(key);
      return found.ok && infos.has(found.policy) ? found.policy : undefined;
    },
    current: () => (here.startsWith(base) ? byPage.get(here.slice(base.length)) : undefined),
    href: (page) => new URL(page, folder).href,
  };
}

/** A new element with a class and text (text is always set as text, never parsed as markup). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A `<select>` of the values file's sections, named as the Group Policy editor names them. */
export function sectionSelect(app: EditorApp, sections: readonly PolicyClassName[]): HTMLSelectElement {
  const select = el("select");
  for (const section of sections) {
    const name = section === "machine" ? "preview.computerConfiguration" : "preview.userConfiguration";
    const option = el("option", undefined, app.ui(name));
    option.value = section;
    select.append(option);
  }
  return select;
}
