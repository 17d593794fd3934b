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
  /** Label of the language switch ("Language" in the page's language). */
  readonly languageLabel: string;
  readonly body: SafeHtml;
  /**
   * Script files the page loads (relative hrefs to files of the site, e.g. the editor's, src/editor).
   * Without any, the page runs no script at all and its CSP forbids every script.
   */
  readonly scripts?: readonly string[];
}

/**
 * No fetches and no scripts, ever: the pages must work from file:// and on any static host, and a
 * template's text can never turn into running code even if escaping were wrong somewhere.
 */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * With page scripts: files of the site only ('self'; from file:// Chromium counts the file scheme),
 * never inline code nor anything remote; downloads the script offers are blob: URLs.
 */
const CSP_WITH_SCRIPTS = `${CSP}; script-src 'self'`;

/** A language's name in that language ("日本語"), with the region only when two tags share a language. */
export function languageName(locale: string, all: readonly string[]): string {
  const language = locale.split("-")[0]!;
  const shared = all.filter((l) => l.split("-")[0] === language).length > 1;
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(shared ? locale : language) ?? locale;
  } catch {
    return locale;
  }
}

function languageSwitch(parts: PageParts): SafeHtml {
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
  const scripts = parts.scripts ?? [];
  const csp = scripts.length > 0 ? CSP_WITH_SCRIPTS : CSP;
  const tags = scripts.map((src) => markup`<script src="${src}" defer></script>`);
  return markup`<!DOCTYPE html><html lang="${parts.locale}"><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="${csp}" /><meta name="viewport" content="width=device-width, initial-scale=1" /><meta name="generator" content="admxkit" /><title>${parts.title}</title>${alternates}<style>${trusted(PREVIEW_CSS)}</style>${tags}</head><body><header class="site-header"><nav aria-label="breadcrumbs"><ol class="breadcrumbs">${crumbs}</ol></nav>${languageSwitch(parts)}</header><main>${parts.body}</main></body></html> `
    .value;
}
