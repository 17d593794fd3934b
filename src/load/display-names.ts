/**
 * Policy display names for messages and `admxkit diff`: the text the Group Policy editor shows, from
 * the ADML of the message locale when it has the string, else from en-US (Windows itself does not
 * fall back per string, but a diff that shows an id where a title could be is worse for a reviewer).
 */
import { readFile } from "node:fs/promises";
import type { LocaleTag } from "../i18n/messages.js";
import type { Bundle, Policy } from "../model/types.js";
import type { StoreTemplate } from "../read/read-store.js";

/** Resolves display names of some policies in a locale. */
export type DisplayNameLookup = (
  policies: Iterable<Policy>,
  locale: LocaleTag,
) => Promise<Map<Policy, string>>;

/** Display names from a bundle's own catalogs. */
export function bundleDisplayNames(bundle: Bundle): DisplayNameLookup {
  return async (policies, locale) => {
    const out = new Map<Policy, string>();
    for (const policy of policies) {
      const text =
        bundle.locales[locale]?.[policy.displayName] ?? bundle.locales["en-US"]?.[policy.displayName];
      if (text !== undefined) out.set(policy, text);
    }
    return out;
  };
}

/**
 * Display names from the ADML files the store read found beside each template's ADMX (no second walk
 * of the folder); only the files of the policies asked about are read.
 */
export function storeDisplayNames(templates: readonly StoreTemplate[]): DisplayNameLookup {
  const templateOf = new Map<Policy, StoreTemplate>();
  for (const template of templates) for (const policy of template.policies) templateOf.set(policy, template);
  return async (policies, locale) => {
    const { parseAdml } = await import("../read/read-file.js");
    const byTemplate = new Map<StoreTemplate, Policy[]>();
    for (const policy of policies) {
      const template = templateOf.get(policy);
      if (template === undefined) continue;
      const list = byTemplate.get(template);
      if (list) list.push(policy);
      else byTemplate.set(template, [policy]);
    }
    const out = new Map<Policy, string>();
    for (const [template, list] of byTemplate) {
      const strings: ReadonlyMap<string, { text: string }>[] = [];
      for (const tag of [locale, "en-US"]) {
        const adml = template.admls.find((a) => a.locale.toLowerCase() === tag.toLowerCase());
        const bytes = adml && (await readFile(adml.path).catch(() => undefined));
        const document = bytes && parseAdml(bytes, adml.path).document;
        if (document) strings.push(document.strings);
      }
      for (const policy of list) {
        const text = strings.map((s) => s.get(policy.displayName)?.text).find((t) => t !== undefined);
        if (text !== undefined) out.set(policy, text);
      }
    }
    return out;
  };
}
