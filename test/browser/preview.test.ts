import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dialog, Page } from "playwright-core";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { REPO_ROOT, runCli, tempDir } from "../helpers/cli.js";
import { launch, type Browser } from "./browser.js";

const bundle = defenderProxyBundle();
const LOCALES = ["en-US", "ja-JP"] as const;
const OUTPUT = join(REPO_ROOT, "test-output");
const hostilePath = fileURLToPath(new URL("../preview/fixtures/hostile-bundle.json", import.meta.url));
const hostile = (await import("../preview/fixtures/hostile-bundle.json", { with: { type: "json" } }))
  .default as {
  locales: Record<string, Record<string, string>>;
};

let site: string;
let hostileSite: string;
let browser: Browser;
let noScript: Browser;

async function generate(args: string[]): Promise<string> {
  const out = await tempDir("admxkit-preview-");
  const result = await runCli(["preview", ...args, "--out", out]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return out;
}

const url = (root: string, path: string) => pathToFileURL(join(root, path)).href;

beforeAll(async () => {
  site = await generate([]);
  hostileSite = await generate(["--bundle", hostilePath]);
  browser = await launch();
  noScript = await launch({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await noScript?.close();
  await rm(site, { recursive: true, force: true });
  await rm(hostileSite, { recursive: true, force: true });
});

function open(b: Browser, href: string): Promise<Page> {
  return b.open(href);
}

describe("the preview of every built-in policy (JavaScript off)", () => {
  for (const locale of LOCALES) {
    for (const policy of bundle.policies) {
      it(`${locale} ${policy.name}: title, state, options and help are visible`, async () => {
        const texts = bundle.locales[locale]!;
        const page = await open(noScript, url(site, `${locale}/${policy.name}.html`));
        const title = page.locator("h1");
        await expect(title.isVisible()).resolves.toBe(true);
        expect(await title.innerText()).toBe(texts[policy.displayName]);
        expect(await page.title()).toBe(texts[policy.displayName]);
        expect(await page.locator("input[type=radio][value=enabled]").isChecked()).toBe(true);
        for (const element of policy.elements ?? []) {
          const label = page.locator(".options label", { hasText: texts[element.control.label]! });
          expect(await label.isVisible()).toBe(true);
          expect(await label.innerText()).toBe(texts[element.control.label]);
        }
        if (!policy.elements) expect(await page.locator(".options > *").count()).toBe(0);
        // innerText of a pre-wrap box keeps the line breaks exactly.
        const help = page.locator(".help");
        expect(await help.isVisible()).toBe(true);
        expect(await help.innerText()).toBe(texts[policy.explainText]);
        const supported = bundle.supportedOn!.find((s) => s.name === policy.supportedOn)!;
        expect(await page.locator(".supported").innerText()).toBe(texts[supported.displayName]);
        expect(await page.locator(".registry table.entries").count()).toBe(2);
      });
    }
  }

  it("switches to the same policy in the other language and back with the link", async () => {
    const page = await open(noScript, url(site, "en-US/ProxyServer.html"));
    await page.locator(".lang-switch a", { hasText: "日本語" }).click();
    expect(page.url()).toBe(url(site, "ja-JP/ProxyServer.html"));
    expect(await page.locator("h1").innerText()).toBe(bundle.locales["ja-JP"]!.ProxyServer);
    expect(await page.locator("label.state").allInnerTexts()).toEqual(["未構成", "有効", "無効"]);
    await page.locator(".lang-switch a", { hasText: "English" }).click();
    expect(page.url()).toBe(url(site, "en-US/ProxyServer.html"));
    expect(await page.locator("h1").innerText()).toBe(bundle.locales["en-US"]!.ProxyServer);
  });

  it("walks from the index tree to a policy and on with Next Setting", async () => {
    const page = await open(noScript, url(site, "ja-JP/index.html"));
    expect(await page.locator(".tree .node").first().innerText()).toBe("コンピューターの構成");
    expect(await page.locator(".tree").innerText()).toContain("Windows コンポーネント");
    await page.locator(".tree a", { hasText: bundle.locales["ja-JP"]!.SSLOptions! }).click();
    expect(page.url()).toBe(url(site, "ja-JP/SSLOptions.html"));
    const next = page.locator("a.button", { hasText: "次の設定" });
    if ((await next.count()) > 0) {
      await next.click();
      expect(page.url()).not.toBe(url(site, "ja-JP/SSLOptions.html"));
      expect(page.url().startsWith(url(site, "ja-JP/"))).toBe(true);
    }
  });
});

describe("a template with markup and script in its texts", () => {
  for (const locale of LOCALES) {
    it(`${locale}: nothing executes and the text shows literally`, async () => {
      const texts = hostile.locales[locale]!;
      const dialogs: string[] = [];
      const errors: string[] = [];
      // Listening from before the first load: a blank page in the browser's tab.
      const page = await browser.open("about:blank");
      const onDialog = (d: Dialog) => {
        dialogs.push(d.message());
        void d.dismiss();
      };
      const onError = (e: Error) => errors.push(e.message);
      page.on("dialog", onDialog);
      page.on("pageerror", onError);
      try {
        for (const file of ["EveryControl.html", "index.html"]) {
          await page.goto(url(hostileSite, `${locale}/${file}`));
          await page.waitForLoadState("load");
          expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
          // The editor's two scripts (its data and the bundle, files of the site) and nothing else.
          expect(
            await page.locator("script").evaluateAll((l) => l.map((x) => x.getAttribute("src"))),
          ).toEqual(["editor-data.js", "../editor.js"]);
          expect(await page.locator("img, iframe, object, embed").count()).toBe(0);
        }
        await page.goto(url(hostileSite, `${locale}/EveryControl.html`));
        expect(await page.locator("h1").innerText()).toBe(texts.EveryControl);
        expect(await page.locator(".help").innerText()).toBe(texts.EveryControl_Help);
        expect(await page.locator(".supported").innerText()).toBe(texts.Supported_Test);
        expect(await page.locator("[data-control=textBox] input").inputValue()).toBe(
          `"><img src=x onerror="window.__pwned='textBox'">`,
        );
        // Open the list box's Show... dialog: it is a <details>; the editor takes options when Enabled.
        await page.locator("input[type=radio][value=enabled]").check();
        await page.locator("[data-control=listBox] summary").click();
        expect(await page.locator("[data-control=listBox] .dialog-box").isVisible()).toBe(true);
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        page.off("dialog", onDialog);
        page.off("pageerror", onError);
      }
    });
  }
});

describe("the start page and the Enabled example (issue 13.8)", () => {
  it("the start page says what the preview holds and offers each language with its count", async () => {
    const page = await open(noScript, url(site, "index.html"));
    expect(await page.locator("main h1").innerText()).toContain(
      bundle.locales["en-US"]![bundle.displayName]!,
    );
    const cards = page.locator(".language-card");
    expect(await cards.count()).toBe(2);
    expect(await cards.first().innerText()).toContain(`${bundle.policies.length} settings`);
    await page.locator(".language-card a", { hasText: "日本語" }).click();
    expect(page.url()).toBe(url(site, "ja-JP/index.html"));
  });

  it("fills the Options pane with the example the registry panel lists; no example wording without options", async () => {
    const page = await open(noScript, url(site, "en-US/ProxyServer.html"));
    const shown = await page.locator("[data-control=textBox] input").inputValue();
    expect(shown).not.toBe("");
    expect(await page.locator(".registry table.examples td.data").first().innerText()).toBe(shown);
    expect(await page.locator(".registry [data-state=enabled] h3").innerText()).toBe(
      "Enabled, with the example values",
    );
    await page.goto(url(site, "en-US/SSLOptions.html"));
    expect(await page.locator(".registry [data-state=enabled] h3").innerText()).toBe("Enabled");
    await page.goto(url(site, "ja-JP/SSLOptions.html"));
    expect(await page.locator(".registry [data-state=enabled] h3").innerText()).toBe("有効");
  });
});

describe("rendering", () => {
  it("writes a screenshot of one policy in each locale to test-output/", async () => {
    await mkdir(OUTPUT, { recursive: true });
    for (const locale of LOCALES) {
      const page = await open(browser, url(site, `${locale}/TelemetryProxyServer.html`));
      const path = join(OUTPUT, `preview-TelemetryProxyServer-${locale}.png`);
      const shot = await page.screenshot({ path, fullPage: true });
      expect(shot.length).toBeGreaterThan(10_000);
    }
  });

  it("writes the pictures of the preview the README and the docs show, in both languages", async () => {
    // Scripts off: the static page, Enabled with the example (the live editor starts from the saved state).
    for (const [locale, file] of [
      ["en-US", "preview.png"],
      ["ja-JP", "preview-ja-JP.png"],
    ] as const) {
      const page = await open(noScript, url(site, `${locale}/ProxyServer.html`));
      // The dialog as the docs show it: the example value in its Options pane, the Help beside it.
      expect(await page.locator("[data-control=textBox] input").inputValue()).not.toBe("");
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      await mkdir(join(REPO_ROOT, "docs", "images"), { recursive: true });
      const shot = await page.screenshot({ path: join(REPO_ROOT, "docs", "images", file) });
      expect(shot.length).toBeGreaterThan(10_000);
    }
  });

  it("draws Japanese with real glyphs, not missing-glyph boxes", async () => {
    const page = await open(browser, url(site, "ja-JP/TelemetryProxyServer.html"));
    // Each sample is drawn in the page's own font stack; a missing glyph is the same box whatever the
    // character, so distinct characters drawn as boxes give identical pictures.
    const samples = { a: "無", b: "構", missingA: "\u{10FFFD}", missingB: "\u{10FFFC}" };
    const markup = Object.entries(samples)
      .map(
        ([id, char]) =>
          `<span id="glyph-${id}" style="font-size:48px;line-height:1;display:block;width:fit-content;height:56px;padding:4px;background:#fff">${char}</span>`,
      )
      .join("");
    // The spans inherit the page's font stack (body), the one its Japanese labels are drawn with.
    await page
      .locator("body")
      .evaluate(
        (body: { insertAdjacentHTML(where: string, html: string): void }, html: string) =>
          body.insertAdjacentHTML("afterbegin", html),
        markup,
      );
    const shot = async (id: string) => page.locator(`#glyph-${id}`).screenshot();
    // The method detects boxes: two different missing characters look alike…
    expect((await shot("missingA")).equals(await shot("missingB"))).toBe(true);
    // …while two Japanese characters look different, so they are not boxes.
    expect((await shot("a")).equals(await shot("b"))).toBe(false);
    expect((await shot("a")).equals(await shot("missingA"))).toBe(false);
  });
});

describe("requests", () => {
  it("no request left file:// in any test", () => {
    expect(browser.requested.length).toBeGreaterThan(0);
    expect(noScript.requested.length).toBeGreaterThan(0);
    expect([...browser.escaped, ...noScript.escaped]).toEqual([]);
    expect([...browser.requested, ...noScript.requested].filter((u) => !u.startsWith("file://"))).toEqual([]);
  });
});
