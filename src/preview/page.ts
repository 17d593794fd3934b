import { markup, trusted, type SafeHtml } from "./html.js";
import { PREVIEW_CSS } from "./styles.js";

/** A link to the same page in another language. */
export interface LanguageLink {
  readonly locale: string;
  /** Relative href; absent for the page's own language. */
  readonly href?: string;
}

/** What a preview page consists of; every string is text and gets escaped. */
export interface PageParts {
  readonly locale: string;
  readonly title: string;
  readonly breadcrumbs: readonly { readonly label: string; readonly href?: string }[];
  readonly languages: readonly LanguageLink[];
  /** Label of the language switch ("Language" in the page's language); no switch without languages. */
  readonly languageLabel: string;
  readonly body: SafeHtml;
  /**
   * Scripts beside the page (relative paths): the store index's search box, and the editor
   * (src/editor) on the pages `admxkit preview` writes. Every page reads the same with scripts off.
   */
  readonly scripts?: readonly string[];
  /**
   * A stylesheet beside the page (relative path) instead of the inlined one: a store preview has
   * thousands of pages, and one shared file saves 9 kB on each.
   */
  readonly stylesheet?: string;
}

/**
 * No fetches and no inline scripts, ever: the pages must work from file:// and on any static host, and
 * a template's text can never turn into running code even if escaping were wrong somewhere. A page
 * with a search box may load the scripts beside it (`'self'`), nothing else.
 */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
/** The policy for a page's own parts: scripts and a stylesheet beside it, nothing from elsewhere. */
function csp(parts: PageParts): string {
  const style =
    parts.stylesheet === undefined ? CSP : CSP.replace("style-src 'unsafe-inline'", "style-src 'self'");
  return parts.scripts?.length ? `${style}; script-src 'self'` : style;
}

/** Names found by {@link languageName}: making an Intl.DisplayNames costs more than a page of a store. */
const LANGUAGE_NAMES = new Map<string, string>();

/** A language's name in that language ("日本語"), with the region only when two tags share a language. */
export function languageName(locale: string, all: readonly string[]): string {
  const language = locale.split("-")[0]!;
  const shared = all.filter((l) => l.split("-")[0] === language).length > 1;
  const key = `${locale}\u0000${shared}`;
  let name = LANGUAGE_NAMES.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type: "language" }).of(shared ? locale : language) ?? locale;
    } catch {
      name = locale;
    }
    LANGUAGE_NAMES.set(key, name);
  }
  return name;
}

function languageSwitch(parts: PageParts): SafeHtml | null {
  // A start page lists its languages in the page itself: a label with nothing after it says nothing.
  if (parts.languages.length === 0) return null;
  const all = parts.languages.map((l) => l.locale);
  const links = parts.languages.map((l) =>
    l.href === undefined
      ? markup`<span lang="${l.locale}" aria-current="true">${languageName(l.locale, all)}</span>`
      : markup`<a href="${l.href}" hreflang="${l.locale}" lang="${l.locale}">${languageName(l.locale, all)}</a>`,
  );
  return markup`<nav class="lang-switch" aria-label="${parts.languageLabel}"><span>${parts.languageLabel}:</span>${links}</nav>`;
}

/** A whole HTML page with the stylesheet inlined, the breadcrumbs and the language switch. */
export function renderPage(parts: PageParts): string {
  const crumbs = parts.breadcrumbs.map((c) =>
    c.href === undefined ? markup`<li>${c.label}</li>` : markup`<li><a href="${c.href}">${c.label}</a></li>`,
  );
  const alternates = parts.languages
    .filter((l) => l.href !== undefined)
    .map((l) => markup`<link rel="alternate" hreflang="${l.locale}" href="${l.href}" />`);
  return markup`<!DOCTYPE html><html lang="${parts.locale}"><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="${csp(parts)}" /><meta name="viewport" content="width=device-width, initial-scale=1" /><meta name="generator" content="admxkit" /><title>${parts.title}</title>${alternates}${parts.stylesheet === undefined ? markup`<style>${trusted(PREVIEW_CSS)}</style>` : markup`<link rel="stylesheet" href="${parts.stylesheet}" />`}${(parts.scripts ?? []).map((src) => markup`<script src="${src}" defer></script>`)}</head><body><header class="site-header"><nav aria-label="breadcrumbs"><ol class="breadcrumbs">${crumbs}</ol></nav>${languageSwitch(parts)}</header><main>${parts.body}</main></body></html> `
    .value;
}
