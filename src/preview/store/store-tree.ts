/**
 * The editor's left pane for a whole central store: every category of every template in one tree,
 * Computer Configuration and User Configuration apart, folders and settings sorted by their text in the
 * page's language. Built once from the policies' summaries (no template has to stay in memory), then
 * labelled and sorted per locale.
 */
import { uiText, resolveLocale } from "../../i18n/messages.js";
import {
  keyName,
  keyNamespace,
  readableSupportedName,
  type StoreCatalog,
  type TemplateScope,
} from "./store-catalog.js";

/** What the tree and the search index need of a policy; its texts only for the locales rendered. */
export interface PolicySummary {
  /** The ADMX base name (`WindowsUpdate`), which is also the policy pages' folder. */
  readonly file: string;
  readonly name: string;
  readonly class: "Machine" | "User" | "Both";
  /** Catalog key of its category; absent for a policy without one (the schema allows it). */
  readonly category?: string;
  /** Display name per locale (only locales whose ADML the template has). */
  readonly titles: ReadonlyMap<string, string>;
  /** Help text per locale. */
  readonly help: ReadonlyMap<string, string>;
}

/** A folder of the tree in one locale. */
export interface StoreNode {
  readonly key: string;
  readonly label: string;
  readonly children: readonly StoreNode[];
  readonly policies: readonly PolicySummary[];
}

/** One configuration root: "Computer Configuration" or "User Configuration". */
export interface StoreSection {
  readonly label: string;
  readonly nodes: readonly StoreNode[];
  /** Settings without a category sit directly under Administrative Templates. */
  readonly policies: readonly PolicySummary[];
}

/** The namespace of Windows' own templates, whose main folders the UI catalog can name. */
const WINDOWS_NAMESPACE = "Microsoft.Policies.Windows";

/** The label of a category in a locale: its ADML text, else a name the UI catalog has, else its id. */
export function categoryLabel(catalog: StoreCatalog, key: string, locale: string): string {
  const labels = catalog.category(key)?.labels;
  const text = labels?.get(locale) ?? labels?.get("en-US") ?? labels?.values().next().value;
  if (text !== undefined) return text;
  if (keyNamespace(key) === WINDOWS_NAMESPACE) {
    const id = `preview.category.windows:${keyName(key)}`;
    const label = uiText(id, resolveLocale(locale));
    if (label !== id) return label;
  }
  return readableSupportedName(keyName(key));
}

/** Category keys from the root down to `key`, a parent loop cut where it closes. */
export function categoryChain(catalog: StoreCatalog, key: string): string[] {
  const chain: string[] = [];
  for (let at: string | undefined = key; at !== undefined && !chain.includes(at);) {
    chain.unshift(at);
    at = catalog.category(at)?.parent;
  }
  return chain;
}

interface Shape {
  readonly children: Map<string, Shape>;
  readonly policies: PolicySummary[];
}

const shape = (): Shape => ({ children: new Map(), policies: [] });

/** The unlabelled tree of some policies: each under the chain of its category. */
function shapeOf(catalog: StoreCatalog, policies: readonly PolicySummary[]): Shape {
  const root = shape();
  for (const policy of policies) {
    let at = root;
    for (const key of policy.category === undefined ? [] : categoryChain(catalog, policy.category)) {
      let next = at.children.get(key);
      if (!next) at.children.set(key, (next = shape()));
      at = next;
    }
    at.policies.push(policy);
  }
  return root;
}

function label(catalog: StoreCatalog, s: Shape, locale: string, collator: Intl.Collator): StoreNode[] {
  return [...s.children]
    .map(([key, child]) => ({
      key,
      label: categoryLabel(catalog, key, locale),
      children: label(catalog, child, locale, collator),
      policies: sortPolicies(child.policies, locale, collator),
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

function sortPolicies(policies: readonly PolicySummary[], locale: string, collator: Intl.Collator) {
  const title = (p: PolicySummary) => p.titles.get(locale) ?? p.name;
  return [...policies].sort((a, b) => collator.compare(title(a), title(b)));
}

/**
 * The tree of the store in one locale, for the policies that have texts in it. Machine settings go
 * under Computer Configuration, User settings under User Configuration, Both under each.
 */
export function storeSections(
  catalog: StoreCatalog,
  policies: readonly PolicySummary[],
  locale: string,
): StoreSection[] {
  const shown = policies.filter((p) => p.titles.has(locale));
  const collator = new Intl.Collator(locale);
  const ui = resolveLocale(locale);
  const roots = [
    { label: uiText("preview.computerConfiguration", ui), policies: shown.filter((p) => p.class !== "User") },
    { label: uiText("preview.userConfiguration", ui), policies: shown.filter((p) => p.class !== "Machine") },
  ];
  return roots
    .filter((r) => r.policies.length > 0)
    .map((r) => {
      const s = shapeOf(catalog, r.policies);
      return {
        label: r.label,
        nodes: label(catalog, s, locale, collator),
        policies: sortPolicies(s.policies, locale, collator),
      };
    });
}

/** The settings in the order Previous / Next Setting walks them; a Both setting once, where first met. */
export function storeOrder(sections: readonly StoreSection[]): PolicySummary[] {
  const walk = (nodes: readonly StoreNode[]): PolicySummary[] =>
    nodes.flatMap((n) => [...walk(n.children), ...n.policies]);
  return [...new Set(sections.flatMap((s) => [...walk(s.nodes), ...s.policies]))];
}

/**
 * What a store tells the pages of one template in one locale: the texts of its supportedOn and
 * category references into the store's other templates.
 */
export function storeTexts(catalog: StoreCatalog, scope: TemplateScope, locale: string) {
  return {
    supportedOn: (ref: string) => catalog.supportedOnText(catalog.resolve(scope, ref, "supportedOn"), locale),
    category: (ref: string) => {
      const key = catalog.resolve(scope, ref, "category");
      return catalog.category(key) ? categoryLabel(catalog, key, locale) : undefined;
    },
  };
}
