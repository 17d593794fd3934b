/**
 * The preview of a whole central store, written page by page. Two passes over the templates, each
 * reading one template at a time, so memory holds the largest template plus the store's index (names,
 * categories, supportedOn texts, and the search index of names and help texts) and a bounded number of
 * decoded templates, never the pages:
 *
 * 1. **Index**: every ADMX and its ADMLs are read (schema findings reported here), their categories and
 *    supportedOn tables go into the {@link StoreCatalog}, their policies into summaries. Templates are
 *    also converted into the model here and kept for pass 2, up to {@link KEPT_TEMPLATE_BYTES} of
 *    template files: the model shares its texts with the summaries, so it costs little more memory
 *    (the 21H2 store whole: 6 MB of heap), and reading and parsing it again cost more CPU.
 * 2. **Pages**: each template is taken from pass 1 or, past that bound, read again and converted into
 *    the model, and its pages are rendered with the store's texts and handed to `write` one by one,
 *    then dropped.
 *
 * Layout: `index.html` (start page), `search.js`, `preview.css` (shared by the policy pages), and per locale `index.html` (tree and search box),
 * `search-index.js` and `<File>/<Policy>.html` (one page per policy; policy names are unique only
 * within a namespace, file names within the folder).
 */
import { AdmxkitError, diag, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { resolveLocale, uiText, type LocaleTag } from "../../i18n/messages.js";
import type { OutputFile } from "../../io/output-file.js";
import { own } from "../../model/own.js";
import { parseAdmx } from "../../read/read-file.js";
import { exampleOptions, type ExampleOptions } from "../example-values.js";
import { PREVIEW_CSS } from "../styles.js";
import { policyTitle, previewContext, titleOr } from "../preview-context.js";
import { compiledRegistry } from "../registry-effects.js";
import { renderPolicyPage } from "../policy-page.js";
import type { Bundle, Policy } from "../../model/types.js";
import { StoreCatalog, templateScope, type TemplateScope } from "./store-catalog.js";
import {
  decodeTemplate,
  readAdmls,
  readDecoded,
  type DecodedTemplate,
  type StoreTemplate,
} from "./store-read.js";
import { renderLanding, renderStoreIndex, policyHref } from "./store-pages.js";
import { SEARCH_SCRIPT, searchIndexScript } from "./search-index.js";
import {
  categoryChain,
  categoryLabel,
  storeOrder,
  storeSections,
  storeTexts,
  type PolicySummary,
  type StoreSection,
} from "./store-tree.js";

export type { StoreAdml, StoreTemplate } from "./store-read.js";

/** Options of {@link writeStorePreview}. */
export interface StorePreviewOptions {
  /** Locales to render; default: every locale folder with at least one ADML. */
  readonly locales?: readonly string[];
  /** Enabled option values by policy name (from a values file); others use the controls' defaults. */
  readonly examples?: Readonly<Record<string, ExampleOptions>>;
  /** Title of the start page; default "Administrative Templates" in each page's language. */
  readonly title?: string;
  /**
   * Scripts layered on the policy pages (the editor of src/editor, passed in by the CLI): asked once per
   * template and locale, with the template's policies and their pages (relative to `<locale>/<File>/`).
   */
  readonly pageScripts?: (template: StoreTemplatePages) => {
    readonly scripts: readonly string[];
    readonly files: readonly OutputFile[];
  };
  /**
   * Bytes of template files (ADMX and the ADMLs rendered) whose model the first pass keeps for the
   * pages; default {@link KEPT_TEMPLATE_BYTES}. The templates past it are read a second time: 0 reads
   * every template twice and keeps none.
   */
  readonly keptTemplateBytes?: number;
}

/**
 * How much of a store the first pass keeps decoded for the pages, in bytes of its files: the Windows
 * 11 21H2 store whole (9.4 MB) and a few vendors' templates beside it; a larger store reads the rest
 * twice rather than hold its model.
 */
export const KEPT_TEMPLATE_BYTES = 32 * 1024 * 1024;

/** One template's policy pages in one locale, for {@link StorePreviewOptions.pageScripts}. */
export interface StoreTemplatePages {
  readonly base: string;
  readonly locale: string;
  readonly bundle: Bundle;
  /** Policy names (lower case) that several templates of the store define. */
  readonly shared: ReadonlySet<string>;
  readonly shown: readonly {
    readonly policy: Policy;
    readonly displayName: string;
    readonly page: string;
  }[];
}

/** What the preview wrote and found. */
export interface StorePreviewResult {
  /** Findings of every template (warnings and infos: an error throws). */
  readonly diagnostics: readonly Diagnostic[];
  /** Policy pages written, over all locales. */
  readonly pages: number;
  /** Settings in the store (each policy once). */
  readonly settings: number;
}

const POLICY_CLASSES = new Set(["Machine", "User", "Both"]);

/** Pass 1: the catalog, the policies' summaries and every reading finding. */
async function indexStore(
  templates: readonly StoreTemplate[],
  locales: ReadonlySet<string> | undefined,
  keptBytes: number,
) {
  const catalog = new StoreCatalog();
  const summaries: PolicySummary[] = [];
  const scopes = new Map<string, TemplateScope>();
  const seenLocales = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const decoded = new Map<StoreTemplate, DecodedTemplate>();
  let room = keptBytes;
  for (const template of templates) {
    const files = await template.read();
    const admx = parseAdmx(files.admx.content, files.admx.path);
    const admls = readAdmls(files.admls, locales, true);
    diagnostics.push(...admx.diagnostics, ...admls.diagnostics);
    if (!admx.document) continue;
    catalog.add(admx.document, admls.documents);
    // A template without settings has no pages: nothing to keep.
    const size = files.admls.reduce(
      (n, a) => (locales && !locales.has(a.locale) ? n : n + a.file.content.length),
      files.admx.content.length,
    );
    if (admx.document.policies.length > 0 && size <= room) {
      room -= size;
      decoded.set(template, decodeTemplate(files.admx.path, admx.document, admls.documents));
    }
    const scope = templateScope(admx.document);
    scopes.set(template.base, scope);
    for (const locale of admls.documents.keys()) seenLocales.add(locale);
    for (const p of admx.document.policies) {
      const texts = (id: string, shown: (text: string) => string = (text) => text) =>
        new Map(
          [...admls.documents].map(([locale, adml]) => [locale, shown(adml.strings.get(id)?.text ?? id)]),
        );
      summaries.push({
        file: template.base,
        name: p.name,
        class: POLICY_CLASSES.has(p.class) ? p.class : "Both",
        ...(p.category !== undefined && { category: catalog.resolve(scope, p.category, "category") }),
        // A blank title is shown as the policy name, as on its page (policyTitle).
        titles: texts(p.displayName, (text) => titleOr(text, p.name)),
        help: texts(p.explainText),
      });
    }
  }
  return { catalog, summaries, scopes, seenLocales, diagnostics, decoded };
}

/** One locale's view of the store: the tree, the order of Previous / Next, and each policy's place in it. */
interface LocaleView {
  readonly sections: readonly StoreSection[];
  readonly order: readonly PolicySummary[];
  /** Index in `order` by {@link placeKey}. */
  readonly position: ReadonlyMap<string, number>;
  /** The labels of a category's chain from the root down (breadcrumbs, search paths). */
  readonly crumbs: (category: string) => readonly string[];
}

/**
 * The labels of a category's chain from the root down, in one locale, found once per category: the
 * policies of a folder share them, and a store has a few hundred folders for thousands of policies.
 */
function categoryLabels(catalog: StoreCatalog, locale: string): (key: string) => readonly string[] {
  const found = new Map<string, readonly string[]>();
  return (key) => {
    let labels = found.get(key);
    if (labels === undefined) {
      labels = categoryChain(catalog, key).map((k) => categoryLabel(catalog, k, locale));
      found.set(key, labels);
    }
    return labels;
  };
}

/** A policy's key in {@link LocaleView.position}: names are unique only within a template. */
const placeKey = (file: string, name: string) => `${file}\u0000${name}`;

function localeViews(
  catalog: StoreCatalog,
  summaries: readonly PolicySummary[],
  locales: readonly string[],
): Map<string, LocaleView> {
  return new Map(
    locales.map((locale) => {
      const sections = storeSections(catalog, summaries, locale);
      const order = storeOrder(sections);
      const position = new Map(order.map((p, i) => [placeKey(p.file, p.name), i]));
      return [locale, { sections, order, position, crumbs: categoryLabels(catalog, locale) }] as const;
    }),
  );
}

/** What the passes after the index share: its results, the options, and where files go. */
interface StoreRun {
  readonly catalog: StoreCatalog;
  readonly locales: readonly string[];
  readonly views: ReadonlyMap<string, LocaleView>;
  /** Policy names (lower case) that several templates of the store define. */
  readonly shared: ReadonlySet<string>;
  readonly options: StorePreviewOptions;
  readonly write: (file: OutputFile) => Promise<void>;
}

/** The start page's title in a tool language: the one asked for, else "Administrative Templates". */
const titleIn = (run: StoreRun, ui: LocaleTag) => run.options.title ?? uiText("preview.storeTitle", ui);

/**
 * The files shared by every page and the start page. The start page speaks the first language, as
 * renderLanding does. Its facts count the folder; each language counts what its pages show, which leaves
 * out templates without settings or without an ADML in that language: the note says so, so that the
 * numbers never seem to disagree.
 */
async function writeStart(run: StoreRun, templates: number, settings: number): Promise<void> {
  const { locales, views, write } = run;
  await write({ path: "search.js", content: SEARCH_SCRIPT });
  await write({ path: "preview.css", content: PREVIEW_CSS });
  const startUi = resolveLocale(locales[0]);
  await write({
    path: "index.html",
    content: renderLanding({
      title: titleIn(run, startUi),
      facts: [
        { label: uiText("preview.admxFiles", startUi), value: templates },
        { label: uiText("preview.settingsDefined", startUi), value: settings },
      ],
      languages: locales.map((locale) => ({
        locale,
        href: `${encodeURIComponent(locale)}/index.html`,
        settings: views.get(locale)!.order.length,
        templates: new Set(views.get(locale)!.order.map((p) => p.file)).size,
      })),
      countsNote: uiText("preview.countsNote", startUi),
      generated: uiText("preview.storeGenerated", startUi),
    }),
  });
}

/** A locale's tree page and its search index. */
async function writeLocaleIndex(run: StoreRun, locale: string): Promise<void> {
  const { catalog, locales, write } = run;
  const view = run.views.get(locale)!;
  const title = titleIn(run, resolveLocale(locale));
  const pathOf = (p: PolicySummary) => (p.category === undefined ? [] : view.crumbs(p.category));
  await write({
    path: `${locale}/search-index.js`,
    content: searchIndexScript(
      view.order.map((p) => ({
        href: policyHref(p),
        title: p.titles.get(locale) ?? p.name,
        path: pathOf(p).join(" › "),
        help: p.help.get(locale) ?? "",
      })),
    ),
  });
  const counts = new Map<string, number>();
  for (const p of view.order) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
  await write({
    path: `${locale}/index.html`,
    content: renderStoreIndex({
      locale,
      title: uiText("preview.indexTitle", resolveLocale(locale)).replace("{bundle}", title),
      sections: view.sections,
      templates: [...counts]
        .map(([file, settings]) => ({ file, settings }))
        .sort((a, b) => a.file.toLowerCase().localeCompare(b.file.toLowerCase())),
      settings: view.order.length,
      languages: locales.map((l) =>
        l === locale ? { locale: l } : { locale: l, href: `../${l}/index.html` },
      ),
      home: "../index.html",
    }),
  });
}

/** Policy names (lower case) that several templates of the store define. */
function sharedNames(summaries: readonly PolicySummary[]): Set<string> {
  const files = new Map<string, Set<string>>();
  for (const p of summaries) {
    const name = p.name.toLowerCase();
    files.set(name, (files.get(name) ?? new Set()).add(p.file));
  }
  return new Set([...files].filter(([, f]) => f.size > 1).map(([name]) => name));
}

/**
 * Pass 2 for one template of `count` settings: its pages in every locale it has an ADML in. Its findings
 * join `diagnostics`, and once those hold an error (of this template or an earlier one) it writes no page.
 */
async function writeTemplatePages(
  run: StoreRun,
  template: StoreTemplate,
  scope: TemplateScope,
  count: number,
  diagnostics: Diagnostic[],
  kept: DecodedTemplate | undefined,
): Promise<number> {
  const decoded = kept ?? (await readDecoded(template, run.locales));
  if (!decoded) return 0;
  // A template without an ADML in a locale has no texts to show there: its pages are left out of
  // that locale (the tree already leaves it out), and the gap is said once per locale.
  for (const locale of run.locales.filter((l) => !decoded.locales.includes(l))) {
    const params = { file: decoded.admx, locale, count: { counted: "COUNT_SETTING", count } as const };
    diagnostics.push(diag("PREVIEW_LOCALE_MISSING", params, { file: decoded.admx }, "warning"));
  }
  const { read } = decoded;
  if (!read) return 0;
  diagnostics.push(...read.diagnostics);
  // Keep reading the other templates after an error, so that one run reports every problem.
  if (!read.bundle || hasErrors(diagnostics)) return 0;
  let pages = 0;
  for (const locale of decoded.locales)
    pages += await writeLocalePages(run, template.base, read.bundle, scope, locale);
  return pages;
}

/** One template's policy pages in one locale, with the scripts layered on them. */
async function writeLocalePages(
  run: StoreRun,
  base: string,
  bundle: Bundle,
  scope: TemplateScope,
  locale: string,
): Promise<number> {
  const { catalog, locales, views, shared, options, write } = run;
  const view = views.get(locale)!;
  const title = titleIn(run, resolveLocale(locale));
  const ctx = previewContext(bundle, locale, storeTexts(catalog, scope, locale));
  const shown = bundle.policies
    .filter((p) => view.position.has(placeKey(base, p.name)))
    .map((p) => ({ policy: p, displayName: policyTitle(ctx, p), page: `${p.name}.html` }));
  const layered = options.pageScripts?.({ base, locale, bundle, shared, shown });
  for (const file of layered?.files ?? []) await write(file);
  let pages = 0;
  for (const policy of bundle.policies) {
    const at = view.position.get(placeKey(base, policy.name));
    if (at === undefined) continue;
    const summary = view.order[at]!;
    const link = (p: PolicySummary | undefined) => (p ? `../${policyHref(p).slice(2)}` : undefined);
    const previous = link(view.order[at - 1]);
    const next = link(view.order[at + 1]);
    const given = options.examples && own(options.examples, policy.name);
    const example = exampleOptions(policy, given, ctx.ui("preview.exampleText"));
    const own_ = `${encodeURIComponent(base)}/${encodeURIComponent(policy.name)}.html`;
    const crumbs = summary.category === undefined ? [] : view.crumbs(summary.category);
    await write({
      path: `${locale}/${base}/${policy.name}.html`,
      content: renderPolicyPage({
        ctx,
        policy,
        example,
        registry: compiledRegistry(policy, example),
        ...(previous && { previous }),
        ...(next && { next }),
        breadcrumbs: [{ label: title, href: "../index.html" }, ...crumbs.map((label) => ({ label }))],
        languages: locales
          .filter((l) => views.get(l)!.position.has(placeKey(base, policy.name)))
          .map((l) => (l === locale ? { locale: l } : { locale: l, href: `../../${l}/${own_}` })),
        stylesheet: "../../preview.css",
        ...(layered && { scripts: layered.scripts }),
      }),
    });
    pages++;
  }
  return pages;
}

/**
 * Writes the preview of a central store through `write`, one file at a time (see the module comment).
 * An error-severity finding in any template throws an {@link AdmxkitError} listing every finding; the
 * caller discards what was written (an {@link OutputWriter} does). Findings GPMC tolerates are
 * warnings or infos and come back in the result.
 */
export async function writeStorePreview(
  templates: readonly StoreTemplate[],
  write: (file: OutputFile) => Promise<void>,
  options: StorePreviewOptions = {},
): Promise<StorePreviewResult> {
  const wanted = options.locales ? new Set(options.locales) : undefined;
  const index = await indexStore(templates, wanted, options.keptTemplateBytes ?? KEPT_TEMPLATE_BYTES);
  const { catalog, summaries } = index;
  const diagnostics = [...index.diagnostics];
  if (hasErrors(diagnostics)) throw new AdmxkitError(diagnostics);
  const locales = (options.locales ?? [...index.seenLocales].sort()).filter((l) => index.seenLocales.has(l));
  const views = localeViews(catalog, summaries, locales);
  const run: StoreRun = { catalog, locales, views, shared: sharedNames(summaries), options, write };

  await writeStart(run, templates.length, summaries.length);
  for (const locale of locales) await writeLocaleIndex(run, locale);

  // Settings per template, counted once: looking them up per template would be templates × policies.
  const policiesOf = new Map<string, number>();
  for (const s of summaries) policiesOf.set(s.file, (policiesOf.get(s.file) ?? 0) + 1);
  let pages = 0;
  for (const template of templates) {
    const scope = index.scopes.get(template.base);
    const count = policiesOf.get(template.base) ?? 0;
    if (!scope || count === 0) continue;
    // A kept template is let go once its pages are written.
    const kept = index.decoded.get(template);
    index.decoded.delete(template);
    pages += await writeTemplatePages(run, template, scope, count, diagnostics, kept);
  }
  if (hasErrors(diagnostics)) throw new AdmxkitError(diagnostics);
  return { diagnostics, pages, settings: summaries.length };
}

/**
 * The catalog of a store alone (pass 1 without the policies): for previewing a bundle whose references
 * point into Windows' templates (`windows:SUPPORTED_Windows_10_0`) with their real texts.
 */
export async function readStoreCatalog(
  templates: readonly StoreTemplate[],
  locales?: readonly string[],
): Promise<StoreCatalog> {
  const catalog = new StoreCatalog();
  const wanted = locales ? new Set(locales) : undefined;
  for (const template of templates) {
    const files = await template.read();
    const admx = parseAdmx(files.admx.content, files.admx.path, { schema: false });
    if (admx.document) catalog.add(admx.document, readAdmls(files.admls, wanted, false).documents);
  }
  return catalog;
}
