import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { readAdmx } from "../../src/read/read-file.js";
import { runCli, SHARED, tempDir } from "../helpers/cli.js";
import { launch, type Browser } from "./browser.js";
import { STORE_21H2 } from "./global-setup.js";

const STORE_1903 = join(SHARED, "corpus", "windows10-1903", "PolicyDefinitions");

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

/** `<File>/<Policy>.html` for every policy of every ADMX of a store, read with the library's reader. */
async function policyPages(store: string): Promise<string[]> {
  const pages: string[] = [];
  for (const name of await readdir(store)) {
    if (!name.toLowerCase().endsWith(".admx")) continue;
    const admx = readAdmx(await readFile(join(store, name)), name, { schema: false });
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

async function open(href: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(href);
  return page;
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
    try {
      const hrefs = await page
        .locator("nav.tree-panel a.policy-link")
        .evaluateAll((links: { getAttribute(name: string): string | null }[]) =>
          links.map((a) => a.getAttribute("href")),
        );
      expect([...new Set(hrefs)].sort()).toEqual(expected.map((p) => `./${p}`));
    } finally {
      await page.close();
    }
  });

  it("finds a policy by a word of its help text, and opens it", async () => {
    const page = await open(url(site21h2, "en-US/index.html"));
    try {
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
    } finally {
      await page.close();
    }
  });
});

describe("preview --admx of the 1903 store in Japanese", () => {
  it("shows Japanese pages: tree, dialog, Supported on from Windows.adml, and search", async () => {
    const page = await open(url(site1903, "ja-JP/index.html"));
    try {
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
    } finally {
      await page.close();
    }
  });

  it("leaves out a template without a Japanese ADML rather than showing ids", async () => {
    expect((await readdir(join(site1903, "ja-JP"))).includes("WorkplaceJoin")).toBe(false);
  });
});

describe("requests", () => {
  it("no request left file://", () => {
    expect(browser.requested.length).toBeGreaterThan(0);
    expect(browser.escaped).toEqual([]);
  });
});
