import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { launch, type Browser } from "./browser.js";

const SITE = join(REPO_ROOT, "docs", ".site");
const bundle = defenderProxyBundle();
let browser: Browser;

const url = (path: string) => pathToFileURL(join(SITE, path)).href;

beforeAll(async () => {
  // What `npm run docs` runs after its build step (`npm run build`, which the tests' global setup has
  // just done): the Eleventy pages and the embedded preview. Building dist/ again here would rewrite
  // the editor's script while the unit suite, running beside this one, reads it.
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  await promisify(execFile)(npm, ["run", "docs:site"], {
    cwd: REPO_ROOT,
    env: { ...process.env, CI: "true" },
  });
  browser = await launch({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
});

function open(path: string): Promise<Page> {
  return browser.open(url(path));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
}

describe("npm run docs", () => {
  it("builds a start page that leads to the guides and the embedded preview", async () => {
    const page = await open("index.html");
    expect(await page.locator("main h1").innerText()).toBe("admxkit");
    const guides = await page.locator("nav.side a").allInnerTexts();
    expect(guides).toEqual(
      expect.arrayContaining(["Getting started", "Central store", "Values files", "CLI reference"]),
    );
    await page.locator("main a", { hasText: "日本語 (ja-JP)" }).click();
    expect(page.url()).toBe(url("preview/ja-JP/index.html"));
    const title = bundle.locales["ja-JP"]!.ProxyPacUrl!;
    await page.locator(".tree a", { hasText: title }).click();
    expect(page.url()).toBe(url("preview/ja-JP/ProxyPacUrl.html"));
    expect(await page.locator("h1").innerText()).toBe(title);
    expect(await page.locator(".help").innerText()).toBe(bundle.locales["ja-JP"]!.ProxyPacUrl_Explain);
    // The docs build passes the example values file: its URL is the Enabled example.
    expect(await page.locator(".registry pre").first().innerText()).toContain(
      '"ProxyPacUrl"="http://proxy.contoso.com/proxy.pac"',
    );
  });

  it("has getting started in Japanese, linked both ways with the English page", async () => {
    const page = await open("en/getting-started.html");
    await page.locator("header a", { hasText: "日本語" }).click();
    expect(page.url()).toBe(url("ja/getting-started.html"));
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    expect(await page.locator("main h1").innerText()).toBe("はじめに");
    expect(await page.locator("main").innerText()).toContain("セントラル ストア");
    await page.locator("header a", { hasText: "English" }).click();
    expect(page.url()).toBe(url("en/getting-started.html"));
  });

  it("makes the built-in bundle's pages the editor, with a how-to in both languages", async () => {
    const live = await launch();
    try {
      const page = await live.open(url("preview/ja-JP/ProxyServer.html"));
      await page.locator(".admxkit-editor").waitFor();
      await page.locator("input[type=radio][value=enabled]").check();
      await page.locator("#ProxyServer-ProxyServer").fill("http://proxy.contoso.com:8080");
      await page.locator(".editor-ok").click();
      await page.locator(".editor-panel").waitFor();
      expect(page.url()).toBe(`${url("preview/ja-JP/index.html")}#editor`);
      expect(await page.locator("a.editor-download").allInnerTexts()).toContain("Machine-Registry.pol");
      expect(live.escaped).toEqual([]);
    } finally {
      await live.close();
    }
    // Each shows the editor refusing a wrong value, in its own language (pictures the editor tests take).
    const picture = async (page: Page, locale: string) => {
      const img = page.locator(`main img[src$="images/editor-error-${locale}.png"]`);
      expect(await img.evaluate((i: { naturalWidth: number }) => i.naturalWidth)).toBeGreaterThan(500);
      expect(await img.getAttribute("alt")).toContain("proxy.contoso.com");
    };
    const ja = await open("ja/editor.html");
    expect(await ja.locator("main h1").innerText()).toBe("ブラウザーでポリシーを設定する");
    expect(await ja.locator("main").innerText()).toContain("Registry.pol");
    await picture(ja, "ja-JP");
    const en = await open("en/editor.html");
    expect(await en.locator("main h1").innerText()).toBe("Setting policies in the browser");
    await picture(en, "en-US");
    // The language switch leads to the same page in the other language, not to its start page.
    await en.locator("header a", { hasText: "日本語" }).click();
    expect(en.url()).toBe(url("ja/editor.html"));
  });

  it("shows the contributor notes in the language of each site", async () => {
    for (const [path, heading] of [
      ["en/design.html", "Layers"],
      ["ja/design.html", "レイヤー"],
      ["en/performance.html", "The test suite"],
      ["ja/performance.html", "テスト スイート"],
    ] as const) {
      const page = await open(path);
      expect({ path, headings: await page.locator("main h2").allInnerTexts() }).toEqual({
        path,
        headings: expect.arrayContaining([heading]),
      });
    }
  });

  it("documents every command with its --help", async () => {
    const page = await open("en/cli.html");
    const headings = await page.locator("main h2").allInnerTexts();
    for (const command of ["build", "schema", "preview", "pol"])
      expect(headings).toContain(`admxkit ${command}`);
    expect(await page.locator("main pre").first().innerText()).toContain("admxkit <command>");
    // Every help text fits its code box: no horizontal scrolling at the test's 1100 pixels.
    const overflowing = await page
      .locator("main pre")
      .evaluateAll((boxes: { scrollWidth: number; clientWidth: number; innerText: string }[]) =>
        boxes.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.innerText.slice(0, 40)),
      );
    expect(overflowing).toEqual([]);
  });

  it("has the CLI reference and the values-file page in Japanese, and lists every guide on the home pages", async () => {
    const page = await open("ja/cli.html");
    expect(await page.locator("main h1").innerText()).toBe("CLI リファレンス");
    expect(await page.locator("main pre").first().innerText()).toContain("コマンド:");
    const overflowing = await page
      .locator("main pre")
      .evaluateAll(
        (boxes: { scrollWidth: number; clientWidth: number }[]) =>
          boxes.filter((b) => b.scrollWidth > b.clientWidth).length,
      );
    expect(overflowing).toBe(0);
    await page.goto(url("ja/values-files.html"));
    expect(await page.locator("main h1").innerText()).toBe("値ファイル");
    await page.locator("header a", { hasText: "English" }).click();
    expect(page.url()).toBe(url("en/values-files.html"));
    await page.goto(url("index.html"));
    const home = await page.locator("main li a").allInnerTexts();
    expect(home).toEqual(expect.arrayContaining(["Delivering settings to a GPO", "Robustness"]));
    await page.goto(url("ja/index.html"));
    const ja = await page.locator("main li a").allInnerTexts();
    expect(ja).toEqual(expect.arrayContaining(["値ファイル", "CLI リファレンス", "設定の配布", "堅牢性"]));
  });

  it("links only to pages that exist, and loads nothing from outside file://", async () => {
    const files = await htmlFiles(SITE);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const page = await browser.open(pathToFileURL(file).href);
      const hrefs = await page
        .locator("a[href]")
        .evaluateAll((links: { href: string }[]) => links.map((link) => link.href));
      for (const href of hrefs) {
        expect(href.startsWith("file://"), `${file} → ${href}`).toBe(true);
        const target = fileURLToPath(href.split("#")[0]!);
        expect(existsSync(target), `${file} → ${href}`).toBe(true);
      }
    }
    expect(browser.escaped).toEqual([]);
    expect(browser.requested.filter((u) => !u.startsWith("file://"))).toEqual([]);
  });
});
