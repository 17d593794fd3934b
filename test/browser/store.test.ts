import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { parseAdmx } from "../../src/read/read-file.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { launch, type Browser } from "./browser.js";
import { STORE_21H2 } from "./global-setup.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

const STORE_1903 = inboxStorePath("windows10-1903");

let site21h2: string;
let site1903: string;
let browser: Browser;

/** `preview --admx` of a store, exactly as a user runs it; warnings are fine, the run must succeed. */
async function preview(store: string, locale: string): Promise<string> {
  const out = await tempDir("admxkit-store-");
  const result = await runCli(["preview", "--admx", store, "--locale", locale, "--out", out]);
  expect(result.stderr).not.toMatch(/ error [A-Z_]+/);
  expect(result.code).toBe(0);
  return out;
}

const pagesOfStore = new Map<string, Promise<string[]>>();

/**
 * `<File>/<Policy>.html` for every policy of every ADMX of a store, read with the library's reader:
 * once per store for this file's tests, which ask twice for each store (0.3 s of CPU a read, warm).
 */
function policyPages(store: string): Promise<string[]> {
  let pages = pagesOfStore.get(store);
  if (!pages) {
    pages = readPolicyPages(store);
    pagesOfStore.set(store, pages);
  }
  return pages;
}

async function readPolicyPages(store: string): Promise<string[]> {
  const pages: string[] = [];
  for (const name of await readdir(store)) {
    if (!name.toLowerCase().endsWith(".admx")) continue;
    const admx = parseAdmx(await readFile(join(store, name)), name, { schema: false });
    const base = name.slice(0, -".admx".length);
    for (const policy of admx.document?.policies ?? []) pages.push(`${base}/${policy.name}.html`);
  }
  return pages.sort();
}

async function writtenPages(site: string, locale: string): Promise<string[]> {
  const root = join(site, locale);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html") && e.parentPath !== root)
    .map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

const url = (root: string, path: string) => pathToFileURL(join(root, path)).href;

function open(href: string): Promise<Page> {
  return browser.open(href);
}

beforeAll(async () => {
  // Written once for the browser tests (global-setup.ts), as `preview --admx <store> --out <site>`.
  site21h2 = inject("store21h2Site");
  site1903 = await preview(STORE_1903, "ja-JP");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await rm(site1903, { recursive: true, force: true });
});

describe("preview --admx of Windows 11 21H2's in-box store", () => {
  it("writes one page per policy of every ADMX, each linked from the tree", async () => {
    const expected = await policyPages(STORE_21H2);
    expect(expected.length).toBeGreaterThan(3000);
    expect(await writtenPages(site21h2, "en-US")).toEqual(expected);
    const page = await open(url(site21h2, "en-US/index.html"));
    const hrefs = await page
      .locator("nav.tree-panel a.policy-link")
      .evaluateAll((links: { getAttribute(name: string): string | null }[]) =>
        links.map((a) => a.getAttribute("href")),
      );
    expect([...new Set(hrefs)].sort()).toEqual(expected.map((p) => `./${p}`));
  });

  it("finds a policy by a word of its help text, and opens it", async () => {
    const page = await open(url(site21h2, "en-US/index.html"));
    // "registrar" is in the help text of this policy, not in its name.
    await page.locator("#search-box").fill("Registrar");
    const hit = page.locator("#search-results a", {
      hasText: "Configuration of wireless settings using Windows Connect Now",
    });
    await expect(hit.count()).resolves.toBe(1);
    expect(await page.locator("#search-status").innerText()).toMatch(/^\d+ settings found$/);
    await hit.click();
    expect(page.url()).toBe(url(site21h2, "en-US/WindowsConnectNow/WCN_EnableRegistrar.html"));
    // Supported on comes from Windows.adml, not the raw reference.
    expect(await page.locator(".supported").innerText()).toBe("At least Windows Vista");
    expect(await page.locator(".breadcrumbs").innerText()).toContain("Windows Connect Now");
  });
});

describe("preview --admx of the 1903 store in Japanese", () => {
  it("shows Japanese pages: tree, dialog, Supported on from Windows.adml, and search", async () => {
    const page = await open(url(site1903, "ja-JP/index.html"));
    expect(await page.locator("html").getAttribute("lang")).toBe("ja-JP");
    const tree = await page.locator("nav.tree-panel summary").allInnerTexts();
    expect(tree).toContain("コンピューターの構成");
    expect(tree).toContain("管理用テンプレート");
    await page.locator("#search-box").fill("レジストラー");
    const hit = page.locator("#search-results a", {
      hasText: "Windows Connect Now を使用したワイヤレス設定の構成",
    });
    await expect(hit.count()).resolves.toBe(1);
    await hit.click();
    expect(page.url()).toBe(url(site1903, "ja-JP/WindowsConnectNow/WCN_EnableRegistrar.html"));
    expect(await page.locator("h1").innerText()).toBe("Windows Connect Now を使用したワイヤレス設定の構成");
    expect(await page.locator(".supported").innerText()).toBe("Windows Vista 以降");
    expect(await page.locator("label.state").allInnerTexts()).toEqual(["未構成", "有効", "無効"]);
  });

  it("leaves out a template without a Japanese ADML rather than showing ids", async () => {
    expect((await readdir(join(site1903, "ja-JP"))).includes("WorkplaceJoin")).toBe(false);
  });
});

/** The tool's own texts in each language. */
const UI = {
  "en-US": (await import("../../locales/en-US.json", { with: { type: "json" } })).default.ui,
  "ja-JP": (await import("../../locales/ja-JP.json", { with: { type: "json" } })).default.ui,
} as const;

/** Policies (settings) the ADMX files of a store define, and how many ADMX files it has. */
async function storeCounts(store: string) {
  const files = (await readdir(store)).filter((n) => n.toLowerCase().endsWith(".admx"));
  return { admx: files.length, settings: (await policyPages(store)).length };
}

/** What the start page of a store preview says, read in the browser. */
async function startPage(site: string) {
  const page = await open(url(site, "index.html"));
  return {
    lang: await page.locator("html").getAttribute("lang"),
    header: await page.locator("header").innerText(),
    facts: await page
      .locator(".facts div")
      .evaluateAll((rows: { children: ArrayLike<{ textContent: string | null }> }[]) =>
        rows.map((r) => [r.children[0]!.textContent, r.children[1]!.textContent]),
      ),
    cards: await page.locator(".language-card .language-count").allInnerTexts(),
    text: await page.locator("main").innerText(),
  };
}

describe("the start page of a store preview says what each number counts", () => {
  const cases = [
    { name: "21H2, en-US", locale: "en-US", store: STORE_21H2, site: () => site21h2 },
    { name: "1903, ja-JP", locale: "ja-JP", store: STORE_1903, site: () => site1903 },
  ] as const;
  for (const c of cases) {
    it(c.name, async () => {
      const ui = UI[c.locale];
      const start = await startPage(c.site());
      expect(start.lang).toBe(c.locale);
      // The languages are listed in the page; the header has no language label with nothing after it.
      expect(start.header).not.toContain(ui["preview.language"]);
      const counts = await storeCounts(c.store);
      expect(start.facts).toEqual([
        [ui["preview.admxFiles"], String(counts.admx)],
        [ui["preview.settingsDefined"], String(counts.settings)],
      ]);
      expect(start.text).toContain(ui["preview.countsNote"]);
      // The language's card says what its index says, and both are what its pages hold.
      const pages = await writtenPages(c.site(), c.locale);
      const templates = new Set(pages.map((p) => p.split("/")[0])).size;
      const summary = ui["preview.storeSummary"]
        .replace("{settings}", String(pages.length))
        .replace("{templates}", String(templates));
      expect(start.cards).toEqual([summary]);
      const index = await open(url(c.site(), `${c.locale}/index.html`));
      expect(await index.locator(".panel > p.description").first().innerText()).toBe(summary);
    });
  }
});

/** Run in the page (the tests have no DOM types): its text nodes outside data, its boxes, its title. */
const PAGE_TEXTS = `(() => {
  const data = "code, pre, .mono, .registry td, .language-tag, script, style, noscript";
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement.closest(data)) found.push(node.textContent);
  for (const box of document.querySelectorAll("input[type=text], input[type=search], textarea"))
    found.push(box.value, box.placeholder);
  found.push(document.title);
  return found;
})()`;

/**
 * The words of a page's text (and of its text boxes) that are in ASCII letters, leaving out what is
 * data whatever the language: code, registry data, file names and paths, host names and URLs.
 */
async function asciiWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate<string[]>(PAGE_TEXTS);
  return texts
    .flatMap((t) => t.split(/[\s()（）「」[\]、。:：,]+/))
    .filter((token) => !/:\/\/|\\|_|[A-Za-z0-9]\.[A-Za-z]|@/.test(token))
    .flatMap((token) => token.match(/[A-Za-z]+/g) ?? []);
}

/** Letter runs of texts, as {@link asciiWords} splits them. */
function wordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const w of text.match(/[A-Za-z]+/g) ?? []) words.add(w);
  return words;
}

/** The tool's own Japanese texts keep product and file names in ASCII (admxkit, ADMX, OK): those may show. */
const JA_TOOL_WORDS = wordsOf(Object.values(UI["ja-JP"]).map((t) => t.replace(/\{\w+\}/g, " ")));
/** Registry roots, as the .reg captions name them. */
const REGISTRY_WORDS = wordsOf(["HKEY_LOCAL_MACHINE HKEY_CURRENT_USER"]);

describe("Japanese pages of every kind", () => {
  it("show no English word outside names, codes, paths and registry data", async () => {
    // The texts of the templates themselves (product names, protocols) are theirs to word.
    const admls = join(STORE_1903, "ja-JP");
    const templateTexts: string[] = [];
    for (const name of await readdir(admls)) {
      // One of Windows' ADMLs is UTF-16 (with its byte order mark), as the format allows.
      const bytes = await readFile(join(admls, name));
      templateTexts.push(new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-8").decode(bytes));
    }
    const storeNames = (await policyPages(STORE_1903)).join(" ");
    const bundleSite = await tempDir("admxkit-bundle-");
    try {
      const built = await runCli(["preview", "--locale", "ja-JP", "--out", bundleSite]);
      expect(built.code).toBe(0);
      const bundle = defenderProxyBundle();
      const sites = [
        {
          root: site1903,
          allowed: wordsOf([...templateTexts, storeNames, "ja-JP"]),
          // A required box without a default shows the sample word, in Japanese.
          pages: ["index.html", "ja-JP/index.html", "ja-JP/AddRemovePrograms/DefaultCategory.html"],
        },
        {
          root: bundleSite,
          allowed: wordsOf([
            ...Object.values(bundle.locales["ja-JP"]!),
            bundle.fileName,
            ...bundle.policies.map((p) => p.name),
            "ja-JP",
          ]),
          pages: ["index.html", "ja-JP/index.html", "ja-JP/ProxyServer.html"],
        },
      ];
      for (const s of sites) {
        for (const path of s.pages) {
          const page = await open(url(s.root, path));
          // Where the editor runs, its texts count too: wait for them.
          if (await page.locator('script[src$="editor.js"]').count())
            await page.locator(".admxkit-editor").waitFor();
          const english = (await asciiWords(page)).filter(
            (w) => !s.allowed.has(w) && !JA_TOOL_WORDS.has(w) && !REGISTRY_WORDS.has(w),
          );
          expect([...new Set(english)], path).toEqual([]);
        }
      }
      // The sample word is the page's own: what was "example" reads 例 in the Japanese box.
      const page = await open(url(site1903, "ja-JP/AddRemovePrograms/DefaultCategory.html"));
      expect(await page.locator(".options input[type=text]").first().inputValue()).toBe(
        UI["ja-JP"]["preview.exampleText"],
      );
    } finally {
      await rm(bundleSite, { recursive: true, force: true });
    }
  });
});

describe("requests", () => {
  it("no request left file://", () => {
    expect(browser.requested.length).toBeGreaterThan(0);
    expect(browser.escaped).toEqual([]);
  });
});
