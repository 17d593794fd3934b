import { AdmxkitError, diag } from "../diagnostics/diagnostic.js";
import { resolveLocale, uiText } from "../i18n/messages.js";
import { splitReference } from "../model/ids.js";
import { own } from "../model/own.js";
import type { Bundle, Policy } from "../model/types.js";
import { readableSupportedName } from "./store/store-catalog.js";

/** What every part of a preview needs: the bundle, the locale of its texts and of the UI labels. */
export interface PreviewContext {
  readonly bundle: Bundle;
  /** The locale of the policy texts (an ADML folder name such as `ja-JP`). */
  readonly locale: string;
  /** A text of the bundle's catalog for this locale. */
  text(id: string): string;
  /** A preview UI label (locales/<tag>.json "ui"), with `{name}` placeholders filled. */
  ui(id: string, params?: Readonly<Record<string, string | number>>): string;
  /** Texts other templates of a central store define, when the preview has the store at hand. */
  readonly store?: StoreTexts;
}

/**
 * What a central store tells a page of one of its templates: the text of a supportedOn or category
 * reference into another template (Windows.admx's "At least Windows 10"), undefined when no template
 * of the store defines it.
 */
export interface StoreTexts {
  supportedOn(ref: string): string | undefined;
  category(ref: string): string | undefined;
}

/**
 * The context for one locale of a bundle. A locale the bundle lacks is a {@link AdmxkitError}. UI labels
 * exist in the tool's own languages; any other template locale gets English labels.
 */
export function previewContext(bundle: Bundle, locale: string, store?: StoreTexts): PreviewContext {
  const catalog = own(bundle.locales, locale);
  if (!catalog) {
    throw new AdmxkitError([
      diag("LOCALE_MISSING", { locale, available: Object.keys(bundle.locales).join(", ") }),
    ]);
  }
  const uiLocale = resolveLocale(locale);
  const fill = (id: string, params: Readonly<Record<string, string | number>>) =>
    uiText(id, uiLocale).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  // Labels without parameters are the same on every page of a store: each is made once per context.
  const labels = new Map<string, string>();
  return {
    bundle,
    locale,
    ...(store && { store }),
    // A missing string makes GPMC refuse the whole ADML; the preview shows the reference instead, so
    // that a bundle the checker has not seen still renders and the gap is visible.
    text: (id) => own(catalog, id) ?? `$(string.${id})`,
    ui: (id, params) => {
      if (params !== undefined) return fill(id, params);
      let label = labels.get(id);
      if (label === undefined) labels.set(id, (label = fill(id, {})));
      return label;
    },
  };
}

/**
 * A title shown where vendors ship an empty or white-space display name: the text, or else `name`, so
 * that a page, its link and its browser tab still say what it is.
 */
export function titleOr(text: string, name: string): string {
  return text.trim() === "" ? name : text;
}

/** A policy's title: its display name in this locale, or its name where that is blank. */
export function policyTitle(ctx: PreviewContext, policy: Policy): string {
  return titleOr(ctx.text(policy.displayName), policy.name);
}

/**
 * The template's title: the ADML's `<displayName>`, or the file name where it is empty or white space
 * (`google.adml`, `mozilla.adml`); GPMC shows that text nowhere, so nothing of the editor is lost.
 */
export function templateTitle(ctx: PreviewContext): string {
  return titleOr(ctx.text(ctx.bundle.displayName), ctx.bundle.fileName);
}

/** The policy of that name; an {@link AdmxkitError} names the policies that exist when it is missing. */
export function findPolicy(bundle: Bundle, name: string): Policy {
  const policy = bundle.policies.find((p) => p.name === name);
  if (policy) return policy;
  throw new AdmxkitError([
    diag("PREVIEW_POLICY_NOT_FOUND", {
      policy: name,
      bundle: bundle.id,
      available: bundle.policies.map((p) => p.name).join(", "),
    }),
  ]);
}

/**
 * The "Supported on" text: the bundle's own definition in this locale; for a definition of another
 * namespace (`windows:SUPPORTED_Windows_10_0`), its text from the store when the preview has one, else
 * a readable name with the namespace that defines it, since that text lives in a template not at hand.
 */
export function supportedOnText(ctx: PreviewContext, policy: Policy): string {
  const { prefix, name } = splitReference(policy.supportedOn);
  const own = prefix === undefined || prefix === ctx.bundle.target.prefix;
  const definition = own ? ctx.bundle.supportedOn?.find((s) => s.name === name) : undefined;
  if (definition) return ctx.text(definition.displayName);
  const fromStore = ctx.store?.supportedOn(policy.supportedOn);
  if (fromStore !== undefined) return fromStore;
  const namespace = own
    ? ctx.bundle.target.namespace
    : (ctx.bundle.using?.find((u) => u.prefix === prefix)?.namespace ?? prefix!);
  return ctx.ui("preview.supportedOnExternal", { name: readableSupportedName(name), namespace });
}

/** Catalog texts use `\n`; texts read back from an ADML may carry CRLF. The editor shows either as one break. */
export function normalizeBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
