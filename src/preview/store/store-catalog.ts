/**
 * What a whole central store defines for its templates to share: categories (the editor's folders) and
 * the supportedOn table (definitions and products), each with its text per locale. A template refers to
 * them by `prefix:name` through its `using` list; the catalog answers those references so that a page
 * shows "At least Windows 10" from Windows.admx's own ADML, not an id. It holds only names and short
 * texts: a store's catalog is a few hundred kilobytes however large the store.
 */
import { splitReference } from "../../model/ids.js";
import type { Bundle } from "../../model/types.js";
import type { AdmlDocument, AdmxDocument } from "../../read/types.js";

/** A category of some template of the store, its parent resolved to a catalog key. */
export interface StoreCategory {
  readonly key: string;
  /** Key of the parent category, when it has one. */
  readonly parent?: string;
  /** Display name per locale. */
  readonly labels: ReadonlyMap<string, string>;
}

/** How one template resolves the prefixes of its references. */
export interface TemplateScope {
  readonly namespace: string;
  /** Prefix → namespace: the template's own target prefix and its `using` prefixes. */
  readonly prefixes: ReadonlyMap<string, string>;
}

/** The catalog key of a definition: namespace and name (names are unique within a namespace). */
export const catalogKey = (namespace: string, name: string): string => `${namespace}\u0000${name}`;

/** The name part of a catalog key. */
export const keyName = (key: string): string => key.slice(key.indexOf("\u0000") + 1);

/** The namespace part of a catalog key. */
export const keyNamespace = (key: string): string => key.slice(0, key.indexOf("\u0000"));

/** The scope of an ADMX: what its prefixes stand for. */
export function templateScope(admx: AdmxDocument): TemplateScope {
  const prefixes = new Map<string, string>();
  for (const u of admx.using) prefixes.set(u.prefix, u.namespace);
  if (admx.target) prefixes.set(admx.target.prefix, admx.target.namespace);
  return { namespace: admx.target?.namespace ?? admx.file, prefixes };
}

/** Texts of one kind of definition, per catalog key and locale. */
type Texts = Map<string, Map<string, string>>;

/** Collects the catalog template by template; a template's documents can be dropped once added. */
export class StoreCatalog {
  private readonly categories = new Map<string, { parentRef?: string; scope: TemplateScope }>();
  private readonly categoryTexts: Texts = new Map();
  private readonly supported: Texts = new Map();
  /** The prefix each namespace is usually bound to, for references whose prefix a file never declares. */
  private readonly usualPrefix = new Map<string, string>();
  /** Name → keys of that name in any namespace, for unprefixed references to another file's products. */
  private readonly byName = new Map<string, string[]>();

  /** Adds the categories and supportedOn table of a template, with their texts from its ADMLs. */
  add(admx: AdmxDocument, admls: ReadonlyMap<string, AdmlDocument>): void {
    const scope = templateScope(admx);
    if (admx.target && !this.usualPrefix.has(admx.target.prefix))
      this.usualPrefix.set(admx.target.prefix, admx.target.namespace);
    const texts = (store: Texts, key: string, id: string) => {
      let perLocale = store.get(key);
      if (!perLocale) store.set(key, (perLocale = new Map()));
      for (const [locale, adml] of admls) {
        const text = adml.strings.get(id)?.text;
        if (text !== undefined && !perLocale.has(locale)) perLocale.set(locale, text);
      }
    };
    for (const c of admx.categories) {
      const key = catalogKey(scope.namespace, c.name);
      if (!this.categories.has(key))
        this.categories.set(key, { ...(c.parent !== undefined && { parentRef: c.parent }), scope });
      texts(this.categoryTexts, key, c.displayName);
    }
    const supported = [...admx.supportedOn, ...admx.products];
    for (const s of supported) {
      const key = catalogKey(scope.namespace, s.name);
      texts(this.supported, key, s.displayName);
      const same = this.byName.get(s.name) ?? [];
      if (!same.includes(key)) this.byName.set(s.name, [...same, key]);
    }
  }

  /**
   * The catalog key a reference of a template stands for. A prefix the template does not declare is
   * taken as the prefix its namespace usually has (WindowsUpdate.admx writes `products:` without a
   * `using`, and the editor still shows the text); an unprefixed name the template does not define is
   * looked up in every namespace (Windows.admx refers to products of WindowsProducts.admx that way).
   */
  resolve(scope: TemplateScope, ref: string, kind: "category" | "supportedOn"): string {
    const { prefix, name } = splitReference(ref);
    const namespace =
      prefix === undefined
        ? scope.namespace
        : (scope.prefixes.get(prefix) ?? this.usualPrefix.get(prefix) ?? `${prefix}:`);
    const key = catalogKey(namespace, name);
    if (kind === "category" || prefix !== undefined || this.supported.has(key)) return key;
    return this.byName.get(name)?.[0] ?? key;
  }

  /** The category of a key, when some template of the store defines it. */
  category(key: string): StoreCategory | undefined {
    const found = this.categories.get(key);
    if (!found) return undefined;
    return {
      key,
      ...(found.parentRef !== undefined && {
        parent: this.resolve(found.scope, found.parentRef, "category"),
      }),
      labels: this.categoryTexts.get(key) ?? new Map(),
    };
  }

  /** The text of a supportedOn definition or product in a locale (en-US, then any, when it lacks one). */
  supportedOnText(key: string, locale: string): string | undefined {
    const texts = this.supported.get(key);
    return texts?.get(locale) ?? texts?.get("en-US") ?? texts?.values().next().value;
  }
}

/**
 * A readable stand-in for a supportedOn name whose text no template at hand has:
 * `SUPPORTED_Windows_10_0` → `Windows 10.0`, `SUPPORTED_Windows7` → `Windows 7`.
 */
export function readableSupportedName(name: string): string {
  return (
    name
      .replace(/^SUPPORT(?:ED)?_/i, "")
      .replace(/_(\d+)_(\d+)(?=_|$)/g, " $1.$2")
      .replace(/([A-Za-z])(\d)/g, "$1 $2")
      .replace(/_+/g, " ")
      .trim() || name
  );
}

/** The scope of a bundle: its target prefix and `using` prefixes, as its generated ADMX declares them. */
export function bundleScope(bundle: Bundle): TemplateScope {
  const prefixes = new Map<string, string>();
  for (const u of bundle.using ?? []) prefixes.set(u.prefix, u.namespace);
  prefixes.set(bundle.target.prefix, bundle.target.namespace);
  return { namespace: bundle.target.namespace, prefixes };
}
