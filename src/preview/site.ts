import type { OutputFile } from "../io/output-file.js";
import { own } from "../model/own.js";
import type { Bundle, Policy } from "../model/types.js";
import { categoryPath, categoryTree, treeOrder, type TreeNode } from "./category-tree.js";
import { exampleOptions, type ExampleOptions } from "./example-values.js";
import { markup, type SafeHtml } from "./html.js";
import { renderPage } from "./page.js";
import { policyTitle, previewContext, templateTitle, type PreviewContext } from "./preview-context.js";
import type { PolicyRegistry } from "./registry-panel.js";
import { renderPolicyPage } from "./policy-page.js";
import { bundleScope, type StoreCatalog } from "./store/store-catalog.js";
import { renderLanding } from "./store/store-pages.js";
import { storeTexts } from "./store/store-tree.js";

/** Computes the registry entries of a policy for the given Enabled option values (the compiler). */
export type RegistryProvider = (policy: Policy, options: ExampleOptions) => PolicyRegistry | undefined;

/** Options of {@link generatePreviewSite}. */
export interface PreviewSiteOptions {
  /** Locales to render; default: every locale of the bundle. */
  readonly locales?: readonly string[];
  /** Enabled option values by policy name (from a values file); others use the controls' defaults. */
  readonly examples?: Readonly<Record<string, ExampleOptions>>;
  /** Registry entries per policy; without it the pages say the entries are not shown. */
  readonly registry?: RegistryProvider;
  /**
   * A central store whose templates define what the bundle refers to in other namespaces (Windows'
   * categories and supportedOn texts): pages then show those texts rather than a readable stand-in.
   */
  readonly store?: StoreCatalog;
  /** Scripts layered on the pages (the editor, src/editor); without them the pages run no script. */
  readonly pageScripts?: PageScripts;
}

/** A policy as one locale's pages show it: what a page script's data is made from. */
export interface ShownPolicy {
  readonly policy: Policy;
  readonly displayName: string;
  /** Its page, relative to the locale folder. */
  readonly page: string;
}

/**
 * The hook for page scripts (the editor of src/editor): the scripts every policy and index page of a
 * locale loads, and the files they need beside the pages.
 */
export interface PageScripts {
  /** Hrefs relative to a locale folder, loaded in this order. */
  readonly scripts: readonly string[];
  /** Files for one locale (paths relative to the site root), given its policies in tree order. */
  files(locale: string, shown: readonly ShownPolicy[]): OutputFile[];
}

/** The page of a policy, relative to its locale folder. Policy names are `[A-Za-z0-9_]`, safe as file names. */
export function policyPageName(policy: Policy): string {
  return `${policy.name}.html`;
}

const folder = markup`<span class="folder" aria-hidden="true"></span>`;

function treeMarkup(ctx: PreviewContext, nodes: readonly TreeNode[]): SafeHtml {
  const policyItem = (p: Policy) =>
    markup`<li><a class="policy-link" href="${policyPageName(p)}" data-policy="${p.name}"><span class="setting-icon" aria-hidden="true"></span>${policyTitle(ctx, p)}</a></li>`;
  return markup`<ul>${nodes.map(
    (n) =>
      markup`<li><span class="node">${folder}${n.label}</span>${n.children.length ? treeMarkup(ctx, n.children) : null}${
        n.policies.length ? markup`<ul>${n.policies.map(policyItem)}</ul>` : null
      }</li>`,
  )}</ul>`;
}

interface Section {
  readonly label: string;
  readonly tree: TreeNode[];
}

/**
 * The configuration roots the editor shows: Machine settings under Computer Configuration, User
 * settings under User Configuration, Both under each.
 */
function sections(ctx: PreviewContext): Section[] {
  const machine = ctx.bundle.policies.filter((p) => p.class !== "User");
  const user = ctx.bundle.policies.filter((p) => p.class !== "Machine");
  return [
    { label: ctx.ui("preview.computerConfiguration"), tree: categoryTree(ctx, machine) },
    { label: ctx.ui("preview.userConfiguration"), tree: categoryTree(ctx, user) },
  ].filter((s) => s.tree.length > 0);
}

function indexBody(ctx: PreviewContext, roots: readonly Section[], order: readonly Policy[]): SafeHtml {
  const { bundle } = ctx;
  const tree = roots.map(
    (s) =>
      markup`<li><span class="node">${folder}${s.label}</span><ul><li><span class="node">${folder}${ctx.ui("preview.administrativeTemplates")}</span>${treeMarkup(ctx, s.tree)}</li></ul></li>`,
  );
  const rows = order.map(
    (p) =>
      markup`<tr><td><a href="${policyPageName(p)}">${policyTitle(ctx, p)}</a></td><td class="mono">${p.name}</td></tr>`,
  );
  return markup`<div class="index-layout"><nav class="panel" aria-label="${ctx.ui("preview.administrativeTemplates")}"><ul class="tree">${tree}</ul></nav><div class="panel"><h1>${templateTitle(ctx)}</h1><p class="description">${ctx.text(bundle.description)}</p><h2>${ctx.ui("preview.settings")}</h2><table class="settings-table"><thead><tr><th>${ctx.ui("preview.setting")}</th><th>ADMX</th></tr></thead><tbody>${rows}</tbody></table><p class="generated">${ctx.ui("preview.generatedBy", { file: bundle.fileName, locale: ctx.locale })}</p></div></div>`;
}

/**
 * The start page: the bundle's name and description, what it holds, and a card per language with its
 * number of settings, for hosts that serve the folder's index.
 */
function rootPage(bundle: Bundle, locales: readonly string[]): OutputFile {
  const first = previewContext(bundle, locales[0]!);
  const description = first.text(bundle.description);
  const content = renderLanding({
    title: first.ui("preview.indexTitle", { bundle: templateTitle(first) }),
    ...(description.trim() !== "" && { description }),
    facts: [
      { label: "ADMX", value: `${bundle.fileName}.admx` },
      { label: first.ui("preview.settings"), value: bundle.policies.length },
    ],
    languages: locales.map((locale) => ({
      locale,
      href: `${locale}/index.html`,
      settings: bundle.policies.length,
    })),
    generated: first.ui("preview.generatedBy", { file: bundle.fileName, locale: first.locale }),
  });
  return { path: "index.html", content };
}

/**
 * The static preview site of a bundle: `index.html` (languages), and per locale `<locale>/index.html`
 * (the category tree) and `<locale>/<Policy>.html` (the setting dialog and its registry entries). All
 * links are relative, so the folder works from file:// and from any static host; each page links to
 * the same page in the other languages.
 */
export function generatePreviewSite(bundle: Bundle, options: PreviewSiteOptions = {}): OutputFile[] {
  const locales = options.locales ?? Object.keys(bundle.locales);
  // The Enabled example and its registry entries: a required box without a default shows the word
  // "example" in the page's language, and the entries write what the box shows. Compiled once per word,
  // not per locale: locales that share the word share the entries.
  const byWord = new Map<string, ReturnType<typeof effectsOf>>();
  const effectsOf = (word: string) =>
    new Map(
      bundle.policies.map((policy) => {
        const given = options.examples && own(options.examples, policy.name);
        const example = exampleOptions(policy, given, word);
        return [policy.name, { example, registry: options.registry?.(policy, example) }] as const;
      }),
    );
  const effectsIn = (ctx: PreviewContext) => {
    const word = ctx.ui("preview.exampleText");
    let effects = byWord.get(word);
    if (!effects) byWord.set(word, (effects = effectsOf(word)));
    return effects;
  };
  const files: OutputFile[] = [rootPage(bundle, locales)];
  const scope = bundleScope(bundle);
  for (const locale of locales) {
    const store = options.store;
    const ctx = previewContext(bundle, locale, store && storeTexts(store, scope, locale));
    const roots = sections(ctx);
    const effects = effectsIn(ctx);
    const order = [...new Set(roots.flatMap((s) => treeOrder(s.tree)))];
    const switchTo = (page: string) =>
      locales.map((l) => (l === locale ? { locale: l } : { locale: l, href: `../${l}/${page}` }));
    const home = { label: templateTitle(ctx), href: "index.html" };
    const scripts = options.pageScripts ? { scripts: options.pageScripts.scripts } : {};
    if (options.pageScripts) {
      const shown = order.map((p) => ({
        policy: p,
        displayName: policyTitle(ctx, p),
        page: policyPageName(p),
      }));
      files.push(...options.pageScripts.files(locale, shown));
    }
    files.push({
      path: `${locale}/index.html`,
      content: renderPage({
        locale,
        title: ctx.ui("preview.indexTitle", { bundle: templateTitle(ctx) }),
        breadcrumbs: [{ label: home.label }],
        languages: switchTo("index.html"),
        languageLabel: ctx.ui("preview.language"),
        body: indexBody(ctx, roots, order),
        ...scripts,
      }),
    });
    order.forEach((policy, i) => {
      const page = policyPageName(policy);
      const effect = effects.get(policy.name)!;
      const path = roots.map((s) => categoryPath(s.tree, policy)).find((found) => found !== undefined) ?? [];
      files.push({
        path: `${locale}/${page}`,
        content: renderPolicyPage({
          ctx,
          policy,
          example: effect.example,
          ...(effect.registry && { registry: effect.registry }),
          ...(i > 0 && { previous: policyPageName(order[i - 1]!) }),
          ...(i < order.length - 1 && { next: policyPageName(order[i + 1]!) }),
          breadcrumbs: [home, ...path.map((label) => ({ label }))],
          languages: switchTo(page),
          ...scripts,
        }),
      });
    });
  }
  return files;
}
