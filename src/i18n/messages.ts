import { readFileSync } from "node:fs";
import type { DiagnosticCode } from "./codes.js";

/** The locales admxkit itself speaks (diagnostics, CLI, preview UI). */
export const TOOL_LOCALES = ["en-US", "ja-JP"] as const;
export type LocaleTag = (typeof TOOL_LOCALES)[number];

/** The sections of a tool catalog (`locales/<tag>.json`). */
export interface ToolCatalog {
  messages: Record<string, string>;
  ui: Record<string, string>;
  cli: Record<string, string>;
  [section: string]: Record<string, string>;
}

const cache = new Map<string, ToolCatalog>();

/**
 * Reads `locales/<tag>.json`, which sits two folders above this module both in `src/` and in `dist/`.
 * Exported so built-in bundles can read their sections of the same catalogs.
 */
export function loadToolCatalog(locale: string): ToolCatalog {
  let catalog = cache.get(locale);
  if (!catalog) {
    // The base is taken apart from the `new URL` call so that the page bundler (vite.editor.config.ts)
    // does not turn this into an import of every catalog: the page registers its catalogs instead.
    const base = import.meta.url;
    const url = new URL(`../../locales/${locale}.json`, base);
    catalog = JSON.parse(readFileSync(url, "utf8")) as ToolCatalog;
    cache.set(locale, catalog);
  }
  return catalog;
}

/**
 * Puts a catalog in place of `locales/<tag>.json` for {@link loadToolCatalog}. The browser editor
 * (src/editor) has no file system: its bundle carries the catalogs and registers them before any text
 * is looked up, so messages in the page are the very texts the CLI prints.
 */
export function registerToolCatalog(locale: string, catalog: ToolCatalog): void {
  cache.set(locale, catalog);
}

/** Picks a tool locale from a tag or POSIX locale string (`ja_JP.UTF-8` → ja-JP); default en-US. */
export function resolveLocale(tag: string | undefined): LocaleTag {
  const normalized = (tag ?? "").split(".")[0]!.replace("_", "-").toLowerCase();
  if (normalized.startsWith("ja")) return "ja-JP";
  return "en-US";
}

/**
 * Whether `tag` names a language admxkit speaks (en, ja, with any region or encoding): any other
 * `--lang` falls back to English, which the CLI says once.
 */
export function isToolLocale(tag: string): boolean {
  return /^(en|ja)([-_][a-z0-9]+)*(\.[\w-]+)?$/i.test(tag);
}

/** The locale the environment asks for (LC_ALL, LC_MESSAGES, LANG), as POSIX tools read it. */
export function environmentLocale(
  env: Readonly<Record<string, string | undefined>> = process.env,
): LocaleTag {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * A message to be worded later, in whatever language the finding is shown in: a code and its params.
 * Used as a param where one message carries another (a Registry.pol decoding error inside "this file
 * is not a valid Registry.pol file: …"), so the inner text is not frozen in English when the
 * diagnostic is made.
 */
export interface MessageRef {
  readonly code: DiagnosticCode;
  readonly params: Readonly<Record<string, MessageParam>>;
}

/**
 * A count worded with the plural form the language's rules pick when the message is shown (see
 * {@link formatCount}): `{ counted: "VALIDATE_COUNT_ERROR", count: 1 }` reads "1 error".
 */
export interface CountRef {
  readonly counted: CountedCode;
  readonly count: number;
}

/** What fills a `{name}` placeholder: text, a number, a message or a count worded in the same language. */
export type MessageParam = string | number | MessageRef | CountRef;

/** A message to word later (see {@link MessageRef}). */
export function messageRef(code: DiagnosticCode, params: MessageRef["params"] = {}): MessageRef {
  return { code, params };
}

/**
 * A value that is data (shown as it is) or a message, as en-US text: for the English fields of error
 * objects (`expected`, `detail`) whose message form is kept beside them for other languages.
 */
export function inEnglish(value: string | MessageRef): string {
  return typeof value === "string" ? value : formatMessage(value.code, value.params, "en-US");
}

/** Fills `{name}` placeholders. Unknown codes fall back to en-US, then to the code itself. */
export function formatMessage(
  code: DiagnosticCode,
  params: Readonly<Record<string, MessageParam>>,
  locale: LocaleTag = "en-US",
): string {
  const template = loadToolCatalog(locale).messages[code] ?? loadToolCatalog("en-US").messages[code] ?? code;
  return fill(template, params, locale);
}

/** The codes that come in plural forms: `X` where both `X_ONE` and `X_OTHER` are codes. */
export type CountedCode = {
  [K in DiagnosticCode]: K extends `${infer Base}_ONE`
    ? `${Base}_OTHER` extends DiagnosticCode
      ? Base
      : never
    : never;
}[DiagnosticCode];

/**
 * A count in words with the plural form the locale's rules pick: the catalog has `<code>_ONE` and
 * `<code>_OTHER` (Japanese has one form, written twice), filled with `{count}`.
 */
export function formatCount(code: CountedCode, count: number, locale: LocaleTag = "en-US"): string {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? "ONE" : "OTHER";
  return formatMessage(`${code}_${form}`, { count }, locale);
}

/**
 * Replaces each `{name}` that `params` has as its own property (a `{constructor}` in a text must not
 * find the prototype's); other braces (e.g. `{BackupId}` in a path) stay as they are.
 */
function fill(template: string, params: Readonly<Record<string, MessageParam>>, locale: LocaleTag): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    // A parameter may come worded per locale (`detail@ja-JP`: zod's own Japanese description).
    const localized = `${name}@${locale}`;
    if (Object.hasOwn(params, localized)) return String(params[localized]);
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    if (typeof value !== "object") return String(value);
    return "counted" in value
      ? formatCount(value.counted, value.count, locale)
      : formatMessage(value.code, value.params, locale);
  });
}

/** A UI label of the preview or the CLI. */
export function uiText(id: string, locale: LocaleTag = "en-US"): string {
  return loadToolCatalog(locale).ui[id] ?? loadToolCatalog("en-US").ui[id] ?? id;
}

/**
 * A text of the CLI's `--help`: a command, positional, option or example description, keyed
 * `<command>.describe`, `<command>.option.<name>`, `<command>.positional.<name>`,
 * `<command>.example.<n>`, `shared.option.<name>` / `source.option.<name>` for options several
 * commands share, `program.<id>` for the program itself. Falls back like {@link formatMessage}.
 */
export function cliText(
  id: string,
  locale: LocaleTag = "en-US",
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fill(loadToolCatalog(locale).cli[id] ?? loadToolCatalog("en-US").cli[id] ?? id, params, locale);
}
