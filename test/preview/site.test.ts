import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { compilePolicy } from "../../src/compile/compile-policy.js";
import { type PolEntry } from "../../src/pol/index.js";
import { toDumpRecord } from "../../src/formats/index.js";
import { exampleOptions } from "../../src/preview/example-values.js";
import { compiledRegistry } from "../../src/preview/registry-effects.js";
import { loadPreviewModel, previewSiteOptions } from "../../src/preview/load-model.js";
import { generatePreviewSite } from "../../src/preview/site.js";
import { attr, documentOf, elements, one, select, text, type Node } from "../helpers/dom.js";
import { hostileBundle } from "../helpers/preview-fixtures.js";

const hostile = generatePreviewSite(hostileBundle(), { registry: compiledRegistry });
const pages = new Map(hostile.map((f) => [f.path, documentOf(String(f.content))]));

function page(path: string): Node {
  const found = pages.get(path);
  if (!found) throw new Error(`no page ${path}`);
  return found;
}

describe("generatePreviewSite", () => {
  it("writes a start page, an index per locale and a page per policy per locale", () => {
    expect(hostile.map((f) => f.path).sort()).toEqual([
      "en-US/EveryControl.html",
      "en-US/PlainSwitch.html",
      "en-US/index.html",
      "index.html",
      "ja-JP/EveryControl.html",
      "ja-JP/PlainSwitch.html",
      "ja-JP/index.html",
    ]);
  });

  it("uses only relative links that resolve to pages of the site", () => {
    for (const [path, doc] of pages) {
      for (const link of select(doc, "[href]")) {
        const href = attr(link, "href")!;
        expect(href, `${path}: ${href}`).not.toMatch(/^([a-z]+:|\/)/i);
        expect(pages.has(posix.join(posix.dirname(path), href)), `${path} → ${href}`).toBe(true);
      }
    }
  });

  it("loads nothing and runs nothing: no scripts, no external resources, a CSP that forbids both", () => {
    for (const [path, doc] of pages) {
      const tags = elements(doc).map((e) => e.tagName);
      expect(tags, path).not.toContain("script");
      expect(tags, path).not.toContain("img");
      expect(select(doc, "[src]"), path).toEqual([]);
      expect(
        select(doc, "link").every((l) => attr(l, "rel") === "alternate"),
        path,
      ).toBe(true);
      const csp = attr(one(doc, "meta[http-equiv=Content-Security-Policy]"), "content");
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).not.toMatch(/script-src/);
      expect(
        elements(doc)
          .flatMap((e) => e.attrs ?? [])
          .filter((a) => a.name.startsWith("on")),
        path,
      ).toEqual([]);
    }
  });

  it("switches language to the same page in the other locale", () => {
    for (const [path] of pages) {
      if (path === "index.html") continue;
      const [locale, file] = path.split("/") as [string, string];
      const other = locale === "en-US" ? "ja-JP" : "en-US";
      const nav = one(page(path), "nav.lang-switch");
      expect(
        select(nav, "a").map((a) => attr(a, "href")),
        path,
      ).toEqual([`../${other}/${file}`]);
      expect(attr(one(nav, "[aria-current]"), "lang")).toBe(locale);
      expect(attr(one(page(path), "html"), "lang")).toBe(locale);
    }
  });

  it("builds the editor's tree: configuration roots, Administrative Templates, localized Windows parents", () => {
    const tree = (locale: string) =>
      select(one(page(`${locale}/index.html`), "ul.tree"), "span.node").map((n) => text(n));
    expect(tree("en-US")).toEqual([
      "Computer Configuration",
      "Administrative Templates",
      "Windows Components",
      "Hostile <u>texts</u>",
      "All controls",
      "User Configuration",
      "Administrative Templates",
      "System",
      "Windows Components",
      "Hostile <u>texts</u>",
      "All controls",
    ]);
    expect(tree("ja-JP").slice(0, 3)).toEqual([
      "コンピューターの構成",
      "管理用テンプレート",
      "Windows コンポーネント",
    ]);
    expect(tree("ja-JP")).toContain("システム");
    expect(tree("ja-JP")).toContain("ユーザーの構成");
    // EveryControl is class Both: listed under Computer and User Configuration; PlainSwitch (User) once.
    const links = select(one(page("en-US/index.html"), "ul.tree"), "a").map((a) => attr(a, "data-policy"));
    expect(links).toEqual(["EveryControl", "PlainSwitch", "EveryControl"]);
  });

  it("puts the policy's category path in the breadcrumbs", () => {
    const crumbs = select(one(page("ja-JP/EveryControl.html"), "ol.breadcrumbs"), "li").map(text);
    expect(crumbs).toEqual([
      "悪意のある <i>プレビュー</i> フィクスチャ",
      "Windows コンポーネント",
      "悪意のある <u>テキスト</u>",
      "すべてのコントロール",
    ]);
  });

  it("is deterministic", () => {
    const again = generatePreviewSite(hostileBundle(), { registry: compiledRegistry });
    expect(again).toEqual(hostile);
  });

  it("renders only the requested locales, with a switch of one language", () => {
    const ja = generatePreviewSite(hostileBundle(), { locales: ["ja-JP"] });
    expect(ja.map((f) => f.path)).not.toContain("en-US/index.html");
    const doc = documentOf(String(ja.find((f) => f.path === "ja-JP/PlainSwitch.html")!.content));
    expect(select(one(doc, "nav.lang-switch"), "a")).toEqual([]);
  });
});

describe("generatePreviewSite: the built-in bundle", () => {
  const bundle = defenderProxyBundle();
  const examples = { TelemetryProxyServer: { TelemetryProxyServer: "10.1.2.3:3128" } };
  const site = generatePreviewSite(bundle, { registry: compiledRegistry, examples });

  it("shows for every policy, in both languages, the entries the compiler writes", () => {
    for (const policy of bundle.policies) {
      for (const locale of ["en-US", "ja-JP"]) {
        const doc = documentOf(String(site.find((f) => f.path === `${locale}/${policy.name}.html`)!.content));
        expect(text(one(doc, "h1"))).toBe(bundle.locales[locale]![policy.displayName]);
        const options = exampleOptions(policy, examples[policy.name as keyof typeof examples]);
        const [enabled, disabled] = select(doc, "div.registry-state").map((state) =>
          select(one(state, "table.entries"), "tr")
            .slice(1)
            .map((tr) => select(tr, "td").map(text).slice(0, 3)),
        );
        const cells = (entries: readonly PolEntry[]) =>
          entries.map((e) => [e.key, e.valueName, String(toDumpRecord(e).type)]);
        expect(enabled).toEqual(cells(compilePolicy(policy, { state: "enabled", options }).entries));
        expect(disabled).toEqual(cells(compilePolicy(policy, { state: "disabled" }).entries));
      }
    }
  });

  it("uses the values file's example where given", () => {
    const doc = documentOf(String(site.find((f) => f.path === "en-US/TelemetryProxyServer.html")!.content));
    expect(text(select(doc, "pre")[0]!)).toContain(`"TelemetryProxyServer"="10.1.2.3:3128"`);
  });
});

describe("loadPreviewModel", () => {
  it("renders from the templates read back exactly what the bundle itself renders", () => {
    for (const bundle of [hostileBundle(), defenderProxyBundle()]) {
      const model = loadPreviewModel(bundle);
      expect(model.bundle).not.toBe(bundle);
      expect(model.source).toBe(bundle);
      const fromFiles = generatePreviewSite(model.bundle, previewSiteOptions(model));
      const direct = generatePreviewSite(bundle, { registry: compiledRegistry });
      expect(fromFiles.map((f) => f.path)).toEqual(direct.map((f) => f.path));
      fromFiles.forEach((file, i) => expect(file.content, file.path).toBe(direct[i]!.content));
    }
  });

  it("reads back only the requested locales, with the texts of their ADML", () => {
    const bundle = hostileBundle();
    const model = loadPreviewModel(bundle, ["ja-JP"]);
    expect(Object.keys(model.bundle.locales)).toEqual(["ja-JP"]);
    const policy = model.bundle.policies.find((p) => p.name === "EveryControl")!;
    expect(model.bundle.locales["ja-JP"]![policy.explainText]).toBe(
      bundle.locales["ja-JP"]!.EveryControl_Help,
    );
  });
});
