/**
 * Vendor templates as GPMC reads them (issue 19, items 6 and 7), one small fixture per trait the shared
 * corpus lacks (test/fixtures/vendor-traits): whatever GPMC loads, `preview --admx`, the library's
 * `decodeTemplates` and `pol --admx` → `values --from` → `pol` read, and what `validate` calls a warning
 * stops none of them.
 */
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";
import {
  convertFolder,
  expectedPages,
  expectRoundTrip,
  mergedStore,
  previewFolder,
  VENDOR_CORPUS,
  VENDOR_FIXTURES,
  type ConvertedTemplate,
} from "../helpers/vendor-kit.js";

const CHROMIUM = join(VENDOR_FIXTURES, "chromium");
const FLEX = join(VENDOR_FIXTURES, "flex engine");
const THUNDERBIRD = join(VENDOR_FIXTURES, "thunderbird");
const ALIKE = join(VENDOR_FIXTURES, "alike");

/** Every template converted, and what `READ_NOT_AUTHORED` warnings said (path = value). */
function expectAllConverted(templates: readonly ConvertedTemplate[]) {
  for (const t of templates) {
    const errors = t.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
    expect(errors, t.base).toEqual([]);
    expect(t.bundle, t.base).toBeDefined();
  }
}

const notAuthored = (t: ConvertedTemplate | undefined) =>
  (t?.diagnostics ?? []).filter((d) => d.code === "READ_NOT_AUTHORED").map((d) => String(d.params.path));

/** The policy page's `<title>` and `<h1>`. */
async function headings(file: string) {
  const html = await readFile(file, "utf8");
  return [/<title>([^<]*)<\/title>/.exec(html)?.[1], /<h1>([^<]*)<\/h1>/.exec(html)?.[1]];
}

describe("the fixtures", () => {
  it.each([CHROMIUM, FLEX, THUNDERBIRD, ALIKE])("validate finds warnings only in %s", async (dir) => {
    // validate is the yardstick: what it calls a warning, every other command reads.
    const result = await runCli(["validate", dir]);
    expect(result.stderr).toMatch(/^0 errors, [1-9]\d* warnings?/m);
    expect(result.code).toBe(0);
  });
});

describe("Chrome-like templates: UTF-16 LE with BOM, blank ADML names, es-419 and neutral folders", () => {
  it("decodeTemplates converts both templates, the category-only google.admx included", async () => {
    const templates = await convertFolder(CHROMIUM);
    expectAllConverted(templates);
    const google = templates.find((t) => t.base === "google");
    const chromium = templates.find((t) => t.base === "chromium");
    expect(google?.bundle?.policies).toEqual([]);
    expect(chromium?.locales).toEqual(["el", "en-US", "es-419"]);
    expect(chromium?.bundle?.policies.map((p) => p.name)).toEqual([
      "HomepageLocation",
      "DiskCacheSize",
      "URLBlocklist",
      "Untitled",
    ]);
    // `<displayName/>` and white space are kept as the ADML has them.
    const catalog = chromium!.bundle!.locales["es-419"]!;
    expect(catalog[chromium!.bundle!.displayName]).toBe("   ");
    expect(notAuthored(chromium)).toEqual(["locales.es-419"]);
    expect(notAuthored(google)).toEqual(["policies", "locales.es-419"]);
  });

  it("preview --admx writes a page per policy in el, en-US and es-419", async () => {
    const { result, out, pages } = await previewFolder(CHROMIUM);
    expect(result.code, result.stderr).toBe(0);
    expect(pages).toEqual(expectedPages(await convertFolder(CHROMIUM)));
    expect(pages).toHaveLength(3 * 4);
    expect(await readFile(join(out, "es-419", "chromium", "HomepageLocation.html"), "utf8")).toContain(
      "Configurar la URL de la página principal",
    );
    // A blank display name: GPMC lists a blank row; the page and its tab say the policy's name.
    expect(await headings(join(out, "en-US", "chromium", "Untitled.html"))).toEqual(["Untitled", "Untitled"]);
    expect(await readFile(join(out, "en-US", "index.html"), "utf8")).toMatch(
      /data-policy="Untitled"[^>]*><span class="setting-icon" aria-hidden="true"><\/span>Untitled<\/a>/,
    );
  });

  it("the category-only template alone previews with no policy page and converts", async () => {
    const dir = join(await tempDir("admxkit-google-"), "PolicyDefinitions");
    for (const file of ["google.admx", "en-US/google.adml", "es-419/google.adml"]) {
      await mkdir(join(dir, file, ".."), { recursive: true });
      await copyFile(join(CHROMIUM, file), join(dir, file));
    }
    const { result, out, files, pages } = await previewFolder(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(pages).toEqual([]);
    expect(files).toContain(join("en-US", "index.html"));
    // `<displayName/>`: the site is titled by the file name.
    expect(await headings(join(out, "en-US", "index.html"))).toEqual(["google: policy preview", "google"]);
    expectAllConverted(await convertFolder(dir));
  });

  it("round trips a policy with a number and a required boolean, and a list, through both sides", async () => {
    await expectRoundTrip(CHROMIUM, {
      key: "DiskCacheSize",
      side: "machine",
      options: { DiskCacheSize: 1048576, DiskCacheSizeStrict: true },
    });
    await expectRoundTrip(CHROMIUM, {
      key: "chromium:URLBlocklist",
      side: "user",
      options: { URLBlocklistDesc: ["example.com", "*.example.org"] },
    });
  });
});

describe("a file name with spaces, lower-case locale folders, unknown attributes, a multiTextBox label as text", () => {
  it("decodeTemplates keeps the file name and the folders' names, with a warning for each", async () => {
    const [flex, ...rest] = await convertFolder(FLEX);
    expect(rest).toEqual([]);
    expectAllConverted([flex!]);
    expect(flex!.bundle!.fileName).toBe("Vendor Flex Engine");
    expect(Object.keys(flex!.bundle!.locales).sort()).toEqual(["en-us", "ja-jp"]);
    expect(notAuthored(flex).sort()).toEqual([
      "fileName",
      "locales.en-us",
      "locales.ja-jp",
      "policies[0].elements[1].control.spinStep",
    ]);
  });

  it("preview --admx writes the page in both languages, the ja-jp one with Japanese labels", async () => {
    const { result, out, pages } = await previewFolder(FLEX);
    expect(result.code, result.stderr).toBe(0);
    expect(pages).toEqual([join("en-us", "ProfileArchives.html"), join("ja-jp", "ProfileArchives.html")]);
    const ja = await readFile(join(out, "ja-jp", "ProfileArchives.html"), "utf8");
    expect(ja).toContain("プロファイル アーカイブ");
    expect(ja).toContain("有効");
    expect(await readFile(join(out, "index.html"), "utf8")).toContain("Vendor Flex Engine.admx");
  });

  it("round trips text, number, multi-line text and a drop-down list", async () => {
    await expectRoundTrip(FLEX, {
      key: "ProfileArchives",
      side: "user",
      options: {
        ArchivePath: "\\\\server\\profiles\\%USERNAME%",
        ArchiveBackups: 3,
        ExcludedFolders: ["Downloads", "AppData\\Local\\Temp"],
        LogLevel: "LogLevel_Debug",
      },
    });
  });
});

describe("one shared template in two versions: mozilla.admx of Firefox and of Thunderbird", () => {
  /** Thunderbird's templates with Firefox's mozilla.admx over its own, or its own over Firefox's. */
  const withFirefoxMozilla = async () => {
    const dir = await mergedStore([THUNDERBIRD]);
    await copyFile(
      join(VENDOR_CORPUS, "firefox", "PolicyDefinitions", "mozilla.admx"),
      join(dir, "mozilla.admx"),
    );
    await copyFile(
      join(VENDOR_CORPUS, "firefox", "PolicyDefinitions", "en-US", "mozilla.adml"),
      join(dir, "en-US", "mozilla.adml"),
    );
    return dir;
  };

  for (const [label, store] of [
    ["Thunderbird's own version", async () => THUNDERBIRD],
    ["Firefox's version", withFirefoxMozilla],
  ] as const) {
    it(`with ${label}: previews, converts and round trips a policy whose name has a hyphen`, async () => {
      const dir = await store();
      const templates = await convertFolder(dir);
      expectAllConverted(templates);
      const { result, pages } = await previewFolder(dir);
      expect(result.code, result.stderr).toBe(0);
      expect(pages).toEqual([join("en-US", "thunderbird", "Proxy_HTTP-Port.html")]);
      expect(pages).toEqual(expectedPages(templates));
      await expectRoundTrip(dir, {
        key: "Proxy_HTTP-Port",
        side: "machine",
        options: { HTTPProxy: "proxy.example.com", HTTPPort: 3128 },
      });
    });
  }
});

describe("alternative templates writing the same registry values (x86 and x64 editions)", () => {
  it("previews both, and the values read back compile to the same entries", async () => {
    const { result, pages } = await previewFolder(ALIKE);
    expect(result.code, result.stderr).toBe(0);
    expect(pages).toEqual([
      join("en-US", "ReaderDC32", "TrustedSites.html"),
      join("en-US", "ReaderDC64", "TrustedSites.html"),
    ]);
    expectAllConverted(await convertFolder(ALIKE));
    for (const key of ["readerdc32:TrustedSites", "readerdc64:TrustedSites"]) {
      await expectRoundTrip(ALIKE, {
        key,
        side: "machine",
        options: { EnhancedSecurity: false, Sites: ["https://a.example.com", "https://b.example.com"] },
      });
    }
  });
});
