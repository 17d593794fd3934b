/**
 * The editor in the pages `admxkit preview` writes (issue 14), driven in Chromium from file://: what
 * the page says and downloads must be what the CLI says and writes for the same values file.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fileURLToPath } from "node:url";
import { REPO_ROOT, runCli, SHARED, tempDir } from "../helpers/cli.js";
import { HOSTILE_BUNDLE_PATH } from "../helpers/preview-fixtures.js";
import { launch, type Browser } from "./browser.js";
import { STORE_21H2 as STORE } from "./global-setup.js";

type Values = {
  machine?: Record<string, { state: string; options?: Record<string, unknown> }>;
  user?: object;
};

/** The editor's own texts, as the page must show them. */
const UI = {
  "en-US": (await import("../../locales/en-US.json", { with: { type: "json" } })).default.ui,
  "ja-JP": (await import("../../locales/ja-JP.json", { with: { type: "json" } })).default.ui,
} as const;

const EXAMPLE = JSON.parse(
  await readFile(join(REPO_ROOT, "examples", "defender-proxy.values.json"), "utf8"),
) as Values;
const FORMATS = [
  ["pol", "Machine-Registry.pol"],
  ["reg", "Machine.reg"],
  ["ps1", "Machine.ps1"],
  ["lgpo", "Machine.lgpo.txt"],
] as const;

let work: string;
let site: string;
let storeDir: string;
let storeSite: string;
let controlsSite: string;
const HOSTILE = fileURLToPath(HOSTILE_BUNDLE_PATH);
let browser: Browser;

beforeAll(async () => {
  work = await tempDir("admxkit-editor-");
  site = join(work, "site");
  const built = await runCli(["preview", "--out", site]);
  expect(built.stderr).toBe("");
  expect(built.code).toBe(0);
  // The whole 21H2 store, previewed as one site (its policy pages carry the editor and the downloads).
  storeDir = STORE;
  controlsSite = join(work, "controls-site");
  const controls = await runCli(["preview", "--bundle", HOSTILE, "--locale", "en-US", "--out", controlsSite]);
  expect(controls.code).toBe(0);
  // Written once for the browser tests (global-setup.ts), as `preview --admx <store> --out <site>`.
  storeSite = inject("store21h2Site");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const url = (root: string, path: string) => pathToFileURL(join(root, path)).href;

/** A page in the browser's tab, once its editor is up; `browser.pageErrors` collects its script errors. */
async function open(href: string): Promise<Page> {
  const page = await browser.open(href);
  await page.locator(".admxkit-editor").waitFor();
  return page;
}

/** Runs `admxkit pol` on a values file and returns its output's bytes (or the failure). */
async function cliPol(values: string, format: string, extra: string[] = [], cls = "machine") {
  const out = join(work, `cli-${format}-${Math.random().toString(36).slice(2)}`);
  const result = await runCli([
    "pol",
    ...extra,
    "--values",
    values,
    "--class",
    cls,
    "--format",
    format,
    "--out",
    out,
  ]);
  return { result, bytes: result.code === 0 ? await readFile(out) : undefined };
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`a.editor-download[download="${name}"]`).click(),
  ]);
  return readFile((await file.path())!);
}

async function clearAll(root: string, locale: string): Promise<void> {
  const page = await open(url(root, `${locale}/index.html`));
  await page.locator(".editor-clear").click();
  await expect(page.locator(".editor-none").count()).resolves.toBe(1);
}

for (const locale of ["en-US", "ja-JP"] as const) {
  describe(`the built-in bundle's editor, ${locale}`, () => {
    const cliLang = ["--lang", locale];

    it("refuses a bad proxy as gpedit does: the field marked, the sentence beside it, the CLI's line on demand", async () => {
      await clearAll(site, locale);
      const ui = UI[locale];
      const dialogUrl = url(site, `${locale}/ProxyServer.html`);
      const page = await open(dialogUrl);
      // Keyboard: the state radios move with the arrow keys, as in the Windows dialog.
      await page.locator("input[type=radio][value=notConfigured]").focus();
      await page.keyboard.press("ArrowDown");
      expect(await page.locator("input[type=radio][value=enabled]").isChecked()).toBe(true);
      const field = page.locator("#ProxyServer-ProxyServer");
      await field.fill("proxy.contoso.com");
      expect(await page.locator(".editor-entries").count()).toBe(0);
      const bad = join(work, `bad-${locale}.json`);
      const values = {
        machine: { ProxyServer: { state: "enabled", options: { ProxyServer: "proxy.contoso.com" } } },
      };
      await writeFile(bad, JSON.stringify(values));
      const cli = await cliPol(bad, "pol", cliLang);
      expect(cli.result.code).toBe(1);
      const [cliLine, ...more] = cli.result.stderr.trim().split("\n");
      expect(more).toEqual([]);
      // The field is marked and described by the sentence, which sits beside it in the page's language.
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await field.getAttribute("aria-describedby"))!;
      const sentence = page.locator(`[id="${describedBy}"]`);
      const message = page.locator(".options .ctl:has(#ProxyServer-ProxyServer) + .editor-message.error");
      expect(await message.locator(".editor-message-text").getAttribute("id")).toBe(describedBy);
      const said = await sentence.innerText();
      expect(said).toContain("proxy.contoso.com");
      expect(said).toMatch(locale === "ja-JP" ? /プロキシ アドレスではありません/ : /is not a proxy address/);
      expect(cliLine).toContain(said);
      expect(said).not.toContain("FORMAT_PROXY_URL");
      // The CLI's own line (severity, code, path) is there on demand: closed until asked for.
      const details = message.locator("details.editor-message-code");
      expect(await details.evaluate((d: { open: boolean }) => d.open)).toBe(false);
      expect(await details.locator("code").isVisible()).toBe(false);
      await details.locator("summary").click();
      const line = await details.locator("code").innerText();
      // The CLI names the file first; the page has none. The rest is the same line.
      expect(cliLine).toBe(`${bad}: ${line}`);
      expect(line).toMatch(/FORMAT_PROXY_URL: .*\(machine\.ProxyServer\.options\.ProxyServer\)$/);
      expect(await page.locator(".editor-status").innerText()).toBe(ui["editor.invalid"]);
      // Apply with Enter on the focused button: refused, said at once, the focus back on the value.
      await page.locator(".editor-apply").focus();
      await page.keyboard.press("Enter");
      const alert = page.locator("[role=alert]");
      expect(await alert.innerText()).toBe(ui["editor.notApplied"]);
      expect(await focused(page)).toBe("#ProxyServer-ProxyServer");
      // OK and Next Setting keep the dialog open too.
      await page.locator(".editor-ok").click();
      await page.locator(".nav-buttons a").last().click();
      expect(page.url()).toBe(dialogUrl);
      expect(await page.locator(".editor-status").innerText()).toBe(ui["editor.invalid"]);
      // The picture of the docs (docs/content/en/preview.md, docs/content/ja/editor.md).
      await details.locator("summary").click();
      await field.focus();
      const shot = await page.locator(".window").screenshot({
        path: join(REPO_ROOT, "docs", "images", `editor-error-${locale}.png`),
      });
      expect(shot.length).toBeGreaterThan(10_000);
      // A right value clears the mark and the alert; Apply then keeps it.
      await field.fill("http://proxy.contoso.com:8080");
      expect(await field.getAttribute("aria-invalid")).toBe(null);
      expect(await field.getAttribute("aria-describedby")).toBe(null);
      expect(await page.locator(".editor-message").count()).toBe(0);
      expect(await alert.innerText()).toBe("");
      expect(await page.locator(".editor-status").innerText()).toBe(ui["editor.unsaved"]);
      await field.fill("proxy.contoso.com");
      // Nothing was applied: the index has nothing configured and nothing to fix.
      await page.goto(url(site, `${locale}/index.html`));
      await page.locator(".editor-panel").waitFor();
      expect(await page.locator(".editor-none").count()).toBe(1);
      expect(await page.locator("a.editor-download").count()).toBe(0);
      expect(await page.locator(".editor-diagnostics li.error").count()).toBe(0);
      expect(browser.pageErrors).toEqual([]);
    });

    it("exports the seven policies byte for byte as admxkit pol writes them, imports them back, keeps them", async () => {
      const names = Object.keys(EXAMPLE.machine!);
      expect(names).toHaveLength(7);
      const page = await open(url(site, `${locale}/ProxyServer.html`));
      for (const name of names) {
        await page.goto(url(site, `${locale}/${name}.html`));
        await page.locator(".admxkit-editor").waitFor();
        await page.locator("input[type=radio][value=enabled]").check();
        for (const [id, value] of Object.entries(EXAMPLE.machine![name]!.options ?? {}))
          await page.locator(`#${name}-${id}`).fill(String(value));
        expect(await page.locator(".editor-message").count()).toBe(0);
        // The live registry view shows what this state writes: the policy's own value among them.
        const live = await page.locator(".editor-entries").innerText();
        for (const value of Object.values(EXAMPLE.machine![name]!.options ?? {}))
          expect(live).toContain(String(value));
        await page.locator(".editor-apply").click();
        expect(await page.locator(".editor-apply").isDisabled()).toBe(true);
      }
      await page.locator(".editor-overview").click();
      await page.locator(".editor-panel").waitFor();
      expect(await page.locator("table.editor-configured[data-class=machine] tbody tr").count()).toBe(7);
      const valuesBytes = await download(page, "values.json");
      expect(JSON.parse(valuesBytes.toString("utf8"))).toEqual({ machine: EXAMPLE.machine });
      const valuesFile = join(work, `exported-${locale}.json`);
      await writeFile(valuesFile, valuesBytes);
      const downloaded = new Map<string, Buffer>();
      for (const [format, name] of FORMATS) {
        const bytes = await download(page, name);
        downloaded.set(format, bytes);
        const cli = await cliPol(valuesFile, format);
        expect(cli.result.stderr).toBe("");
        expect(bytes.equals(cli.bytes!), `${name} equals admxkit pol --format ${format}`).toBe(true);
      }
      // Import the Registry.pol into an empty editor: the same states come back.
      await page.locator(".editor-clear").click();
      expect(await page.locator(".editor-none").count()).toBe(1);
      const polFile = join(work, `exported-${locale}.pol`);
      await writeFile(polFile, downloaded.get("pol")!);
      await page.locator(".editor-import input[type=file]").setInputFiles(polFile);
      await page.locator(".editor-import-notes p").first().waitFor();
      const imported = JSON.parse(await page.locator(".editor-values").innerText()) as Values;
      expect(imported.machine).toEqual(EXAMPLE.machine);
      // A reload keeps them, and each dialog shows its state and values.
      await page.reload();
      await page.locator(".editor-panel").waitFor();
      expect(await page.locator("table.editor-configured[data-class=machine] tbody tr").count()).toBe(7);
      await page.goto(url(site, `${locale}/ProxyServer.html`));
      await page.locator(".admxkit-editor").waitFor();
      expect(await page.locator("input[type=radio][value=enabled]").isChecked()).toBe(true);
      expect(await page.locator("#ProxyServer-ProxyServer").inputValue()).toBe(
        EXAMPLE.machine!.ProxyServer!.options!.ProxyServer,
      );
      expect(browser.pageErrors).toEqual([]);
    });
  });
}

describe("the editor on the preview of the 21H2 store", () => {
  const base = "en-US/ActiveXInstallService";

  it("sets a list box with value names and dropdowns, exports what admxkit pol --admx writes, imports it back", async () => {
    const page = await open(url(storeSite, `${base}/ApprovedActiveXInstallSites.html`));
    // On a store preview the downloads (and Clear) sit below each dialog of the template.
    await page.locator(".editor-panel").waitFor();
    await page.locator(".editor-clear").click();
    await page.locator("input[type=radio][value=enabled]").check();
    // The list box's Show Contents dialog: two rows typed, one added and removed again, then OK.
    await page.locator(".ctl-list summary").click();
    const rows = page.locator(".ctl-list tbody tr");
    await rows.nth(0).locator("input").nth(0).fill("https://intranet.contoso.com");
    await rows.nth(0).locator("input").nth(1).fill("2,1,0,0");
    await page.locator(".ctl-list .list-add").click();
    await rows.nth(1).locator("input").nth(0).fill("https://apps.contoso.com");
    await rows.nth(1).locator("input").nth(1).fill("1,1,0,0");
    await page.locator(".ctl-list .list-add").click();
    await rows.nth(2).locator("input").nth(0).fill("https://remove.me");
    await rows.nth(2).locator(".list-remove").click();
    await page.locator(".ctl-list .list-ok").click();
    await page.locator(".editor-ok").click();
    await page.locator(".editor-panel").waitFor();
    await page.goto(url(storeSite, `${base}/AxISURLZonePolicies.html`));
    await page.locator(".admxkit-editor").waitFor();
    await page.locator("input[type=radio][value=enabled]").check();
    const selects = page.locator(".options select");
    const count = await selects.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await selects.nth(i).selectOption(String(i % 2 === 0 ? 1 : 2));
    expect(await page.locator(".editor-message").count()).toBe(0);
    await page.locator(".editor-apply").click();
    await page.locator(".editor-overview").click();
    await page.locator(".editor-panel").waitFor();
    const valuesBytes = await download(page, "values.json");
    const values = JSON.parse(valuesBytes.toString("utf8")) as Values;
    expect(values.machine!.ApprovedActiveXInstallSites).toEqual({
      state: "enabled",
      options: {
        ApprovedActiveXInstallSiteslist: {
          "https://intranet.contoso.com": "2,1,0,0",
          "https://apps.contoso.com": "1,1,0,0",
        },
      },
    });
    // Each dropdown's choice is written as its item's id, never as its position in the ADMX (a values
    // file's number means the value an item writes); the check boxes keep their defaults.
    const ids = await selects.evaluateAll((list) =>
      list.map((x) => x.id.replace(/^AxISURLZonePolicies-/, "")),
    );
    const options = values.machine!.AxISURLZonePolicies!.options!;
    ids.forEach((id) => expect(typeof options[id], id).toBe("string"));
    const valuesFile = join(work, "store-values.json");
    await writeFile(valuesFile, valuesBytes);
    let pol: Buffer | undefined;
    for (const [format, name] of FORMATS) {
      const bytes = await download(page, name);
      if (format === "pol") pol = bytes;
      const cli = await cliPol(valuesFile, format, ["--admx", storeDir]);
      expect(cli.result.code).toBe(0);
      expect(bytes.equals(cli.bytes!), `${name} equals admxkit pol --admx --format ${format}`).toBe(true);
    }
    await page.locator(".editor-clear").click();
    const polFile = join(work, "store.pol");
    await writeFile(polFile, pol!);
    await page.locator(".editor-import input[type=file]").setInputFiles(polFile);
    await page.locator(".editor-import-notes p").first().waitFor();
    // The decoder names dropdown items by their ids, as the editor writes them: the same states, so the
    // same Registry.pol, and the dialogs show the same choices.
    const imported = JSON.parse(await page.locator(".editor-values").innerText()) as Values;
    expect(Object.keys(imported.machine!).sort()).toEqual(Object.keys(values.machine!).sort());
    for (const id of ids) expect(imported.machine!.AxISURLZonePolicies!.options![id], id).toBe(options[id]);
    expect(imported.machine!.ApprovedActiveXInstallSites).toEqual(
      values.machine!.ApprovedActiveXInstallSites,
    );
    expect((await download(page, "Machine-Registry.pol")).equals(pol!)).toBe(true);
    await page.goto(url(storeSite, `${base}/AxISURLZonePolicies.html`));
    await page.locator(".admxkit-editor").waitFor();
    expect(await page.locator("input[type=radio][value=enabled]").isChecked()).toBe(true);
    for (let i = 0; i < count; i++)
      expect(await selects.nth(i).inputValue()).toBe(String(i % 2 === 0 ? 1 : 2));
    await page.reload();
    await page.goto(url(storeSite, `${base}/ApprovedActiveXInstallSites.html`));
    await page.locator(".admxkit-editor").waitFor();
    expect(await page.locator("input[type=radio][value=enabled]").isChecked()).toBe(true);
    await page.locator(".ctl-list summary").click();
    expect(
      await page
        .locator(".ctl-list tbody tr input")
        .evaluateAll((i) => i.map((x) => (x as unknown as { value: string }).value)),
    ).toEqual(["https://intranet.contoso.com", "2,1,0,0", "https://apps.contoso.com", "1,1,0,0", "", ""]);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("every option control, for a policy of both classes", () => {
  it("sets each control in the User section and exports what admxkit pol --class user writes", async () => {
    await clearAll(controlsSite, "en-US");
    const page = await open(url(controlsSite, "en-US/EveryControl.html"));
    await page.locator(".editor-class select").selectOption("user");
    await page.locator("input[type=radio][value=enabled]").check();
    await page.locator("#EveryControl-Server").fill("srv01.contoso.com");
    // The combo box's own list puts a suggestion into the box.
    await page.locator(".ctl-combo summary").click();
    await page.locator(".ctl-combo li", { hasText: "alpha.example" }).click();
    // The spin box steps with the arrow keys and stops at maxValue (10).
    await page.locator("#EveryControl-Retries").focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowUp");
    expect(await page.locator("#EveryControl-Retries").inputValue()).toBe("10");
    await page.keyboard.press("ArrowDown");
    await page.locator(".ctl-number .spin-down").first().click();
    expect(await page.locator("#EveryControl-Retries").inputValue()).toBe("8");
    await page.locator("#EveryControl-Quota").fill("5000");
    await page.locator("#EveryControl-Verbose").uncheck();
    await page.locator("#EveryControl-Mode").selectOption("1");
    await page.locator(".ctl-list summary").click();
    await page.locator(".ctl-list tbody tr input").first().fill("\\\\srv\\a");
    await page.locator(".ctl-list .list-add").click();
    await page.locator(".ctl-list tbody tr").nth(1).locator("input").fill("\\\\srv\\b");
    await page.locator(".ctl-list .list-ok").click();
    await page.locator("#EveryControl-Patterns").fill("*.log\n*.tmp");
    expect(await page.locator(".editor-message").allInnerTexts()).toEqual([]);
    await page.locator(".editor-ok").click();
    await page.locator(".editor-panel").waitFor();
    expect(await page.locator("table.editor-configured[data-class=machine]").count()).toBe(0);
    expect(await page.locator("table.editor-configured[data-class=user] tbody tr").count()).toBe(1);
    const valuesBytes = await download(page, "values.json");
    expect(JSON.parse(valuesBytes.toString("utf8"))).toEqual({
      user: {
        EveryControl: {
          state: "enabled",
          options: {
            Server: "srv01.contoso.com",
            Mirror: "alpha.example",
            Retries: 8,
            Quota: 5000,
            Verbose: false,
            // The second item of the list, by its id (it writes 1; its position is 1 too).
            Mode: "Mode_Alpha",
            Shares: ["\\\\srv\\a", "\\\\srv\\b"],
            Patterns: ["*.log", "*.tmp"],
          },
        },
      },
    });
    const valuesFile = join(work, "controls-values.json");
    await writeFile(valuesFile, valuesBytes);
    for (const [format, name] of FORMATS) {
      const bytes = await download(page, name.replace("Machine", "User"));
      const cli = await cliPol(valuesFile, format, ["--bundle", HOSTILE], "user");
      expect(cli.result.code).toBe(0);
      expect(bytes.equals(cli.bytes!), `${name} equals admxkit pol --class user --format ${format}`).toBe(
        true,
      );
    }
    expect(await page.locator("a.editor-download[data-class=machine]").count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("Supported on, for a custom bundle's reference to a Windows definition", () => {
  it("shows a readable text, not the raw id, without Windows' templates at hand (issue 13.8)", async () => {
    // PlainSwitch of the fixture is supported on windows:SUPPORTED_Windows_10_0; the site has no Windows.admx.
    const page = await open(url(controlsSite, "en-US/PlainSwitch.html"));
    const supported = await page.locator(".box.supported").innerText();
    expect(supported).toContain("Windows 10.0");
    expect(supported).toContain("its wording is in");
    expect(supported).toContain("Microsoft.Policies.Windows");
    expect(supported).not.toContain("windows:SUPPORTED");
    expect(supported).not.toContain("SUPPORTED_");
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("Previous / Next Setting and Cancel", () => {
  it("Next Setting applies the change before it moves on; Cancel leaves the saved state as it was", async () => {
    await clearAll(site, "en-US");
    const page = await open(url(site, "en-US/ProxyPacUrl.html"));
    await page.locator("input[type=radio][value=enabled]").check();
    await page.locator("#ProxyPacUrl-ProxyPacUrl").fill("http://proxy.contoso.com/a.pac");
    expect(await page.locator(".editor-status").innerText()).toBe(
      "Changes not applied yet: press Apply or OK.",
    );
    const next = page.locator(".nav-buttons a").last();
    const target = await next.getAttribute("href");
    await next.click();
    await page.waitForURL(url(site, `en-US/${target}`));
    await page.locator(".admxkit-editor").waitFor();
    // Change this one and cancel: only the first is kept.
    await page.locator("input[type=radio][value=disabled]").check();
    await page.locator(".editor-cancel").click();
    await page.locator(".editor-panel").waitFor();
    expect(
      await page
        .locator("table.editor-configured tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-policy"))),
    ).toEqual(["ProxyPacUrl"]);
    expect(JSON.parse(await page.locator(".editor-values").innerText())).toEqual({
      machine: {
        ProxyPacUrl: { state: "enabled", options: { ProxyPacUrl: "http://proxy.contoso.com/a.pac" } },
      },
    });
  });
});

/** What has the keyboard focus: a state radio by its value, a control by its id, else its text. */
async function focused(page: Page): Promise<string> {
  return page.locator(":focus").evaluate((node) => {
    const e = node as unknown as { id: string; type?: string; value?: string; className: string };
    if (e.type === "radio") return `radio:${e.value}`;
    if (e.id) return `#${e.id}`;
    if (/\bhelp\b/.test(e.className)) return "help";
    return (node.textContent ?? "").trim();
  });
}

/** The tab stops after `from`, in order, until the focus leaves the dialog's last button. */
async function tabStops(page: Page, from: string, count: number): Promise<string[]> {
  await page.locator(from).focus();
  const stops: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    stops.push(await focused(page));
  }
  return stops;
}

describe("the keyboard, as in the Windows dialog", () => {
  /*
   * Tab order: the page's own, which follows the dialog's layout top to bottom: Previous Setting and
   * Next Setting (the top right of the Windows dialog), the state radios (one tab stop, the selected
   * radio, as Windows groups them; the arrow keys move between them), the Options pane's controls in
   * the ADML's order, the Help pane (a read-only text box in Windows, a tab stop), OK, Cancel, Apply.
   * Controls that are off (the options while the state is not Enabled, Apply with nothing to apply)
   * are skipped, as Windows skips disabled controls. The editor's bar above the dialog (class, the
   * configured-settings link) comes before it. Windows' own dialog resource could not be inspected
   * here: this is the layout's reading order, not a copy of the resource's tab order.
   */
  it("tabs through the dialog in order; Space presses a radio, Apply and Next Setting; Enter presses Previous Setting", async () => {
    await clearAll(site, "en-US");
    const page = await open(url(site, "en-US/ProxyPacUrl.html"));
    const previousHref = await page.locator(".nav-buttons a").first().getAttribute("href");
    const nextHref = await page.locator(".nav-buttons a").last().getAttribute("href");
    expect([previousHref, nextHref]).toEqual(["ProxyBypass.html", "ProxyServer.html"]);
    // Previous / Next Setting stay links (the static page's), announced as buttons.
    expect(await page.locator(".nav-buttons a[role=button]").count()).toBe(2);
    expect(await page.locator("input[type=radio][value=notConfigured]").isChecked()).toBe(true);
    const dialog = ["Previous Setting", "Next Setting"];
    expect(await tabStops(page, ".editor-overview", 6)).toEqual([
      ...dialog,
      "radio:notConfigured",
      "help",
      "OK",
      "Cancel",
    ]);

    // Space on a radio selects it, as a click would: the option turns on, Apply too.
    await page.locator("input[type=radio][value=enabled]").focus();
    await page.keyboard.press("Space");
    expect(await page.locator("input[type=radio][value=enabled]").isChecked()).toBe(true);
    expect(await page.locator("#ProxyPacUrl-ProxyPacUrl").isEditable()).toBe(true);
    expect(await page.locator(".editor-status").innerText()).toBe(
      "Changes not applied yet: press Apply or OK.",
    );
    expect(await tabStops(page, ".editor-overview", 8)).toEqual([
      ...dialog,
      "radio:enabled",
      "#ProxyPacUrl-ProxyPacUrl",
      "help",
      "OK",
      "Cancel",
      "Apply",
    ]);

    // Space on Apply (the last tab stop above) applies: nothing left to apply, Apply turns off.
    await page.keyboard.press("Space");
    expect(await page.locator(".editor-apply").isDisabled()).toBe(true);
    expect(await page.locator(".editor-status").innerText()).not.toContain("not applied");

    // Disabled with the arrow key, then Space on Next Setting: it applies, then moves on.
    await page.locator("input[type=radio][value=enabled]").focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("input[type=radio][value=disabled]").isChecked()).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("Next Setting");
    await page.keyboard.press("Space");
    await page.waitForURL(url(site, `en-US/${nextHref}`));
    await page.locator(".admxkit-editor").waitFor();

    // Enter on Previous Setting goes back, and the dialog shows what Next Setting applied.
    await page.locator(".nav-buttons a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(url(site, "en-US/ProxyPacUrl.html"));
    await page.locator(".admxkit-editor").waitFor();
    expect(await page.locator("input[type=radio][value=disabled]").isChecked()).toBe(true);
    await page.locator(".editor-overview").click();
    await page.locator(".editor-panel").waitFor();
    expect(JSON.parse(await page.locator(".editor-values").innerText())).toEqual({
      machine: { ProxyPacUrl: { state: "disabled" } },
    });
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("the editor on a store preview (several templates, one site)", () => {
  it("writes a name two templates share as namespace:name, as admxkit pol --admx needs it, through an import too", async () => {
    const fixture = join(REPO_ROOT, "test", "fixtures", "cli-admx", "same-name");
    const root = join(work, "same-site");
    expect((await runCli(["preview", "--admx", fixture, "--out", root])).code).toBe(0);
    const page = await open(url(root, "en-US/NsA/Same.html"));
    // The downloads sit below the dialog: the store's index spans many templates.
    await page.locator(".editor-panel").waitFor();
    await page.locator(".editor-clear").click();
    await page.locator("input[type=radio][value=enabled]").check();
    await page.locator("#Same-Label").fill("first");
    await page.locator(".editor-ok").click();
    expect(page.url()).toBe(`${url(root, "en-US/NsA/Same.html")}#editor`);
    const key = "Admxkit.Fixture.NsA:Same";
    const valuesBytes = await download(page, "values.json");
    expect(JSON.parse(valuesBytes.toString("utf8"))).toEqual({
      machine: { [key]: { state: "enabled", options: { Label: "first" } } },
    });
    const valuesFile = join(work, "same-values.json");
    await writeFile(valuesFile, valuesBytes);
    const pol = await download(page, "Machine-Registry.pol");
    const cli = await cliPol(valuesFile, "pol", ["--admx", fixture]);
    expect(cli.result.code).toBe(0);
    expect(pol.equals(cli.bytes!)).toBe(true);
    // Clearing below the dialog resets it; importing the Registry.pol brings the state back.
    await page.locator(".editor-clear").click();
    expect(await page.locator("input[type=radio][value=notConfigured]").isChecked()).toBe(true);
    const polFile = join(work, "same.pol");
    await writeFile(polFile, pol);
    await page.locator(".editor-import input[type=file]").setInputFiles(polFile);
    await page.locator(".editor-import-notes p").first().waitFor();
    expect(
      await page
        .locator("table.editor-configured tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-policy"))),
    ).toEqual([key]);
    expect(await page.locator("input[type=radio][value=enabled]").isChecked()).toBe(true);
    expect(await page.locator("#Same-Label").inputValue()).toBe("first");
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("requests", () => {
  it("no request left file:// (downloads are blob: URLs made in the page)", () => {
    expect(browser.escaped.filter((u) => !u.startsWith("blob:"))).toEqual([]);
    expect(browser.requested.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:"))).toEqual([]);
  });
});
