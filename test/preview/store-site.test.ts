import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTemplates } from "../../src/templates/generate.js";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import type { OutputFile } from "../../src/io/output-file.js";
import { writeStorePreview, type StorePreviewOptions, type StoreTemplate } from "../../src/preview/index.js";
import { SHARED } from "../helpers/cli.js";
import { hostileBundle } from "../helpers/preview-fixtures.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");
const STORE_1903 = inboxStorePath("windows10-1903");

/** A template read from disk: the ADMX in `dir`, its ADMLs in `<dir>/<locale>/`. */
function fromDisk(dir: string, base: string, locales: readonly string[], log?: string[]): StoreTemplate {
  return {
    base,
    async read() {
      log?.push(`read ${base}`);
      return {
        admx: { path: `${base}.admx`, content: await readFile(join(dir, `${base}.admx`)) },
        admls: await Promise.all(
          locales.map(async (locale) => ({
            locale,
            file: {
              path: `${locale}/${base}.adml`,
              content: await readFile(join(dir, locale, `${base}.adml`)),
            },
          })),
        ),
      };
    },
  };
}

/** A template generated from a bundle, as `build` would write it. */
function fromBundle(bundle: Parameters<typeof generateTemplates>[0]): StoreTemplate {
  const { files } = generateTemplates(bundle);
  const admx = files.find((f) => f.path.endsWith(".admx"))!;
  const base = admx.path.replace(/^.*\//, "").replace(/\.admx$/, "");
  return {
    base,
    read: async () => ({
      admx: { path: `${base}.admx`, content: admx.content },
      admls: files
        .filter((f) => f.path.endsWith(".adml"))
        .map((f) => {
          const locale = f.path.split("/").at(-2)!;
          return { locale, file: { path: `${locale}/${base}.adml`, content: f.content } };
        }),
    }),
  };
}

const BOTH = ["en-US", "ja-JP"];

async function render(
  templates: readonly StoreTemplate[],
  log?: string[],
  options: StorePreviewOptions = {},
) {
  const files = new Map<string, string>();
  const result = await writeStorePreview(
    templates,
    async (file: OutputFile) => {
      log?.push(`write ${file.path}`);
      files.set(file.path, String(file.content));
    },
    options,
  );
  return { files, result };
}

describe("writeStorePreview", () => {
  it("resolves Supported on and categories through Windows.admx, in each language", async () => {
    const { files, result } = await render([
      fromDisk(MICROSOFT, "DataCollection", BOTH),
      fromDisk(STORE_1903, "Windows", BOTH),
    ]);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const en = files.get("en-US/DataCollection/TelemetryProxy.html")!;
    expect(en).toContain('<div class="box supported">At least Windows Server 2016, Windows 10</div>');
    expect(en).toContain("<li>Data Collection and Preview Builds</li>");
    const ja = files.get("ja-JP/DataCollection/TelemetryProxy.html")!;
    expect(ja).toContain('<div class="box supported">Windows Server 2016 以降または Windows 10 以降</div>');
    expect(ja).toContain("<li>データの収集とプレビュー ビルド</li>");
    expect(ja).toContain('href="../../en-US/DataCollection/TelemetryProxy.html"');
  });

  it("without Windows.admx, shows a readable Supported on and Windows' folder names", async () => {
    const { files } = await render([fromDisk(MICROSOFT, "DataCollection", ["en-US"])]);
    const page = files.get("en-US/DataCollection/TelemetryProxy.html")!;
    expect(page).toContain(
      '<div class="box supported">Windows 10.0 (its wording is in Microsoft.Policies.Windows, a template this preview does not include)</div>',
    );
    expect(page).not.toContain("defined in another template");
  });

  it("writes one page per policy and locale, a tree and a search index of names and help texts", async () => {
    const { files, result } = await render([
      fromDisk(MICROSOFT, "DataCollection", BOTH),
      fromDisk(MICROSOFT, "WindowsDefender", BOTH),
      fromDisk(STORE_1903, "Windows", BOTH),
    ]);
    const pages = [...files.keys()].filter((p) => /^[^/]+\/[^/]+\/[^/]+\.html$/.test(p));
    expect(pages).toHaveLength(result.pages);
    expect(result.pages).toBe(2 * result.settings);
    expect(new Set(pages).size).toBe(pages.length);
    const tree = files.get("en-US/index.html")!;
    for (const page of pages.filter((p) => p.startsWith("en-US/")))
      expect(tree).toContain(`href="./${page.slice("en-US/".length)}"`);
    // The search index is a script that defines one global: evaluate it as the page does.
    const scope: { ADMXKIT_SEARCH_INDEX?: { entries: string[][] } } = {};
    new Function("window", files.get("ja-JP/search-index.js")!)(scope);
    const entries = scope.ADMXKIT_SEARCH_INDEX!.entries;
    expect(entries).toHaveLength(result.settings);
    const proxy = entries.find((e) => e[0] === "./DataCollection/TelemetryProxy.html")!;
    expect(proxy[3]).toContain("プロキシ");
    expect(tree).toContain('<script src="search-index.js" defer></script>');
    expect(files.get("search.js")).toContain("textContent");
  });

  it("streams: a template's pages are written before the next template is read", async () => {
    const log: string[] = [];
    // Nothing kept from pass 1: every template is read again for its pages.
    await render(
      [
        fromDisk(MICROSOFT, "DataCollection", ["en-US"], log),
        fromDisk(MICROSOFT, "WindowsDefender", ["en-US"], log),
      ],
      log,
      { keptTemplateBytes: 0 },
    );
    // Pass 1 reads both, then the indexes are written, then each template is read again and its
    // pages written at once: never two templates' pages waiting in memory.
    const secondRead = log.lastIndexOf("read WindowsDefender");
    const firstPages = log.filter((l) => l.startsWith("write en-US/DataCollection/"));
    expect(firstPages.length).toBeGreaterThan(0);
    expect(log.lastIndexOf(firstPages.at(-1)!)).toBeLessThan(secondRead);
    expect(log.indexOf("write en-US/WindowsDefender/ProxyServer.html")).toBeGreaterThan(secondRead);
    expect(log.slice(0, 2)).toEqual(["read DataCollection", "read WindowsDefender"]);
  });

  it("reads each template once while the decoded ones fit the bound, then again for its pages", async () => {
    const templates = (log: string[]) => [
      fromDisk(MICROSOFT, "DataCollection", ["en-US"], log),
      fromDisk(MICROSOFT, "WindowsDefender", ["en-US"], log),
    ];
    const once: string[] = [];
    const whole = await render(templates(once), once);
    expect(once.filter((l) => l.startsWith("read "))).toEqual([
      "read DataCollection",
      "read WindowsDefender",
    ]);
    // Pages are still written one template after the other, after the indexes.
    const pages = once.filter((l) => /^write en-US\/\w+\//.test(l));
    expect(pages.findIndex((l) => l.includes("/WindowsDefender/"))).toBeGreaterThan(
      pages.findLastIndex((l) => l.includes("/DataCollection/")),
    );
    // Room for DataCollection's two files only: WindowsDefender is read again when its pages come.
    const room =
      (await stat(join(MICROSOFT, "DataCollection.admx"))).size +
      (await stat(join(MICROSOFT, "en-US", "DataCollection.adml"))).size;
    const bounded: string[] = [];
    const twice = await render(templates(bounded), bounded, { keptTemplateBytes: room });
    expect(bounded.filter((l) => l.startsWith("read "))).toEqual([
      "read DataCollection",
      "read WindowsDefender",
      "read WindowsDefender",
    ]);
    // The same site and findings either way.
    expect(twice.files).toEqual(whole.files);
    expect(twice.result).toEqual(whole.result);
  });

  it("keeps hostile text inert in pages, tree and index", async () => {
    const hostile = fromBundle(hostileBundle());
    const { files } = await render([hostile, fromDisk(MICROSOFT, "DataCollection", ["en-US"])]);
    for (const [path, content] of files) {
      if (path.endsWith(".html")) expect(content, path).not.toMatch(/<script>|<img|<svg|<iframe/i);
    }
    const index = files.get("en-US/search-index.js")!;
    // One statement, one JSON literal: nothing the template wrote can end it early.
    expect(index.startsWith("window.ADMXKIT_SEARCH_INDEX = {")).toBe(true);
    expect(() => JSON.parse(index.slice(index.indexOf("{"), index.lastIndexOf("}") + 1))).not.toThrow();
  });

  it("refuses a store with an error, after reading every template", async () => {
    const broken: StoreTemplate = {
      base: "Broken",
      read: async () => ({ admx: { path: "Broken.admx", content: "<policyDefinitions" }, admls: [] }),
    };
    const written: string[] = [];
    const run = writeStorePreview([broken, fromDisk(MICROSOFT, "DataCollection", ["en-US"])], async (f) => {
      written.push(f.path);
    });
    await expect(run).rejects.toBeInstanceOf(AdmxkitError);
    expect(written).toEqual([]);
  });
});
