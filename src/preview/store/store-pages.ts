/**
 * The two pages of a store preview that are not policy pages: the start page (`index.html`: what the
 * store holds, one entry per language) and each locale's tree with the search box
 * (`<locale>/index.html`). Element ids the search script and the editor rely on: `#search-box`,
 * `#search-status`, `#search-results`, `nav.tree-panel .tree`, `a.policy-link[data-policy]`.
 */
import { resolveLocale, uiText } from "../../i18n/messages.js";
import { markup, type SafeHtml } from "../html.js";
import { languageName, renderPage } from "../page.js";
import type { PolicySummary, StoreNode, StoreSection } from "./store-tree.js";

/** One language of a preview, for the start page. */
export interface LanguageEntry {
  readonly locale: string;
  readonly href: string;
  readonly settings: number;
  /** How many templates those settings come from (a store); the card then says both numbers. */
  readonly templates?: number;
}

/** What the start page says. */
export interface LandingParts {
  readonly title: string;
  readonly description?: string;
  /** Facts as label/value pairs ("Templates: 219"). */
  readonly facts: readonly { readonly label: string; readonly value: string | number }[];
  readonly languages: readonly LanguageEntry[];
  /** What the languages' numbers count, when it differs from the facts' (a store). */
  readonly countsNote?: string;
  readonly generated: string;
}

/** The start page of a preview site: title, what it holds, and a card per language with its count. */
export function renderLanding(parts: LandingParts): string {
  const locale = parts.languages[0]?.locale ?? "en-US";
  const ui = resolveLocale(locale);
  const all = parts.languages.map((l) => l.locale);
  const cards = parts.languages.map((l) => {
    const lui = resolveLocale(l.locale);
    const count =
      l.templates === undefined
        ? uiText("preview.policyCount", lui).replace("{count}", String(l.settings))
        : uiText("preview.storeSummary", lui)
            .replace("{settings}", String(l.settings))
            .replace("{templates}", String(l.templates));
    return markup`<li class="language-card" lang="${l.locale}"><a href="${l.href}" hreflang="${l.locale}"><span class="language-name">${languageName(l.locale, all)}</span> <span class="language-tag">${l.locale}</span></a><span class="language-count">${count}</span></li>`;
  });
  const facts = parts.facts.map((f) => markup`<div><dt>${f.label}</dt><dd>${String(f.value)}</dd></div>`);
  const body = markup`<div class="landing panel"><h1>${parts.title}</h1>${parts.description ? markup`<p class="description">${parts.description}</p>` : null}<dl class="facts">${facts}</dl><h2>${uiText("preview.chooseLanguage", ui)}</h2><ul class="language-cards">${cards}</ul>${parts.countsNote ? markup`<p class="description">${parts.countsNote}</p>` : null}<p class="generated">${parts.generated}</p></div>`;
  return renderPage({
    locale,
    title: parts.title,
    breadcrumbs: [],
    languages: [],
    languageLabel: uiText("preview.language", ui),
    body,
  });
}

/** A policy's link inside a locale folder: `./<File>/<Policy>.html`, each part percent-encoded. */
export function policyHref(p: Pick<PolicySummary, "file" | "name">): string {
  // "./" first: a file named `javascript:x.admx` must stay a relative path, never become a scheme.
  return `./${encodeURIComponent(p.file)}/${encodeURIComponent(p.name)}.html`;
}

const folder = markup`<span class="folder" aria-hidden="true"></span>`;

function policyItems(policies: readonly PolicySummary[], locale: string, prefix: string): SafeHtml {
  return markup`${policies.map(
    (p) =>
      markup`<li><a class="policy-link" href="${prefix}${policyHref(p).slice(2)}" data-policy="${p.name}" data-template="${p.file}"><span class="setting-icon" aria-hidden="true"></span>${p.titles.get(locale) ?? p.name}</a></li>`,
  )}`;
}

function nodeMarkup(node: StoreNode, locale: string, prefix: string): SafeHtml {
  return markup`<li><details><summary class="node">${folder}${node.label}</summary><ul>${node.children.map((c) => nodeMarkup(c, locale, prefix))}${policyItems(node.policies, locale, prefix)}</ul></details></li>`;
}

/**
 * The category tree of a store as the editor's left pane: configuration roots and Administrative
 * Templates open, every category a `<details>` folder (closed: a store has thousands of settings).
 * `prefix` is the path from the page to the locale folder.
 */
export function storeTreeMarkup(sections: readonly StoreSection[], locale: string, prefix = "./"): SafeHtml {
  const ui = resolveLocale(locale);
  return markup`<ul class="tree">${sections.map(
    (s) =>
      markup`<li><details open><summary class="node">${folder}${s.label}</summary><ul><li><details open><summary class="node">${folder}${uiText("preview.administrativeTemplates", ui)}</summary><ul>${s.nodes.map((n) => nodeMarkup(n, locale, prefix))}${policyItems(s.policies, locale, prefix)}</ul></details></li></ul></details></li>`,
  )}</ul>`;
}

/** The search box; `search.js` fills the results from `search-index.js`. */
export function searchBox(locale: string): SafeHtml {
  const ui = resolveLocale(locale);
  return markup`<div class="search" role="search"><label for="search-box">${uiText("preview.search", ui)}</label><input id="search-box" type="search" autocomplete="off" spellcheck="false" placeholder="${uiText("preview.searchPlaceholder", ui)}" /><p id="search-status" aria-live="polite" data-found="${uiText("preview.searchFound", ui)}" data-none="${uiText("preview.searchNone", ui)}"></p><ul id="search-results" class="search-results" hidden></ul><noscript><p class="generated">${uiText("preview.searchNoScript", ui)}</p></noscript></div>`;
}

/** What a locale's index page of a store shows. */
export interface StoreIndexParts {
  readonly locale: string;
  readonly title: string;
  readonly sections: readonly StoreSection[];
  readonly templates: readonly { readonly file: string; readonly settings: number }[];
  readonly settings: number;
  readonly languages: readonly { readonly locale: string; readonly href?: string }[];
  readonly home: string;
}

/** `<locale>/index.html` of a store: the tree, the search box, the templates with their counts. */
export function renderStoreIndex(parts: StoreIndexParts): string {
  const ui = resolveLocale(parts.locale);
  const t = (id: string) => uiText(id, ui);
  const rows = parts.templates.map(
    (x) => markup`<tr><td class="mono">${x.file}.admx</td><td>${String(x.settings)}</td></tr>`,
  );
  const summary = t("preview.storeSummary")
    .replace("{settings}", String(parts.settings))
    .replace("{templates}", String(parts.templates.length));
  const body = markup`<div class="index-layout"><nav class="panel tree-panel" aria-label="${t("preview.administrativeTemplates")}">${storeTreeMarkup(parts.sections, parts.locale)}</nav><div class="panel"><h1>${parts.title}</h1><p class="description">${summary}</p>${searchBox(parts.locale)}<h2>${t("preview.templates")}</h2><table class="settings-table"><thead><tr><th>ADMX</th><th>${t("preview.settings")}</th></tr></thead><tbody>${rows}</tbody></table></div></div>`;
  return renderPage({
    locale: parts.locale,
    title: parts.title,
    breadcrumbs: [{ label: t("preview.startPage"), href: parts.home }, { label: parts.title }],
    languages: parts.languages,
    languageLabel: t("preview.language"),
    body,
    scripts: ["search-index.js", "../search.js"],
    stylesheet: "../preview.css",
  });
}
