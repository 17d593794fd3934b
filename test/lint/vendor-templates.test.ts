/**
 * Vendor templates as GPMC reads them: whatever the editor loads, every admxkit command reads. Each
 * trait of the vendor families the project cannot ship is reproduced by a small store of its own in
 * test/fixtures/lint/stores/vendor-* (its markers are checked by fixtures.test.ts); here `validate` is
 * run on it with and without `--strict`, `preview --admx` and `decodeTemplates` read all of it, and a policy
 * with elements goes through `pol --admx`,
 * `values --from` and `pol` again. The three families of ../shared/corpus/vendor are validated alone and
 * merged into Windows 11's store.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVIATION_CODES } from "../../src/lint/strict.js";
import { validateTemplates } from "../../src/lint/validate-templates.js";
import { runCli, SHARED, tempDir } from "../helpers/cli.js";
import { convertFolder, previewFolder, storePages } from "../helpers/vendor-kit.js";
import { FIXTURES } from "../helpers/fixture-markers.js";

const STORES = join(FIXTURES, "stores");

interface Trait {
  /** The fixture store below test/fixtures/lint/stores. */
  readonly store: string;
  /** The schema deviation GPMC tolerates: a warning, an error under --strict; none when the XSD allows it. */
  readonly deviation?: string;
  /** Values of one policy with elements, and the entries they must compile to (`dump --json`). */
  readonly values: Record<string, unknown>;
  readonly entries: readonly Record<string, unknown>[];
}

const enabled = (policy: string, options: Record<string, unknown>) => ({
  [policy]: { state: "enabled", options },
});

const TRAITS: readonly Trait[] = [
  {
    // Office 2013-2019 (every language), RealVNC, VMware Horizon; UTF-16 LE ADML in `en-us`, as Office.
    store: "vendor-empty-default",
    deviation: "XSD_DEFAULT_EMPTY",
    values: { user: enabled("AutoSave", { Minutes: 10 }) },
    entries: [{ valueName: "AutoSaveMinutes", type: "REG_DWORD", data: 10 }],
  },
  {
    // Adobe Acrobat Reader DC, Teradici (`pcoip.client`), Password Alert; the old root namespace too.
    store: "vendor-prefix-space-dot",
    deviation: "XSD_ID_PREFIX",
    values: {
      machine: { ...enabled("TrustedFolder", { Folder: "C:\\Docs" }), ...enabled("Port", { Port: 4172 }) },
    },
    entries: [
      { valueName: "TrustedFolder", type: "REG_SZ", data: "C:\\Docs" },
      { valueName: "Port", type: "REG_DWORD", data: 4172 },
    ],
  },
  {
    // EMET: `<list …>` and `</list>` on two lines.
    store: "vendor-list-whitespace",
    deviation: "XSD_EMPTY_WHITESPACE",
    values: { machine: enabled("Mitigations", { Apps: { "iexplore.exe": "DEP ASLR" } }) },
    entries: [
      { valueName: "**delvals.", type: "REG_SZ" },
      { valueName: "iexplore.exe", type: "REG_SZ", data: "DEP ASLR" },
    ],
  },
  {
    // Citrix: the target prefix `citrix` and the using prefix `Citrix` name two namespaces. The schema
    // allows it (prefixes are not unique by its rules), so nothing is reported, --strict or not.
    store: "vendor-prefix-case",
    values: { machine: enabled("Logging", { Level: "Level_All" }) },
    entries: [{ valueName: "LogLevel", type: "REG_DWORD", data: 3 }],
  },
  {
    store: "vendor-enum-long-string",
    deviation: "XSD_STRING_TOO_LONG",
    values: { machine: enabled("PluginPath", { Path: "Path_All" }) },
    entries: [{ valueName: "PluginPath", type: "REG_SZ", size: 1074 }],
  },
  {
    // Neutral-language folders (`es`, `el`) and no other, as some vendors ship them: once not taken
    // for locale folders, so every ADMX had "no ADML".
    store: "vendor-neutral-locales",
    values: { user: enabled("HomePage", { Url: "https://intranet.example" }) },
    entries: [{ valueName: "HomePage", type: "REG_SZ", data: "https://intranet.example" }],
  },
  {
    // Thunderbird's mozilla.adml lacks $(string.mozilla): an error of mozilla.admx, not of the policies
    // of the product template, which still compile.
    store: "vendor-missing-string",
    values: { machine: enabled("Proxy_Locked", { Locked: true }) },
    entries: [{ valueName: "Locked", type: "REG_DWORD", data: 1 }],
  },
  {
    // An ADML older than its ADMX: the policy it knows compiles; the new one is reported (below).
    store: "vendor-old-adml",
    values: { machine: enabled("Channel", { Channel: "Current" }) },
    entries: [{ valueName: "Channel", type: "REG_SZ", data: "Current" }],
  },
];

/** The findings of `validate --json` on a store, as `severity code` lines, and its exit code. */
async function validate(store: string, strict: boolean): Promise<{ code: number | null; found: string[] }> {
  const run = await runCli(["validate", join(STORES, store), "--json", ...(strict ? ["--strict"] : [])]);
  const found = run.stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as { severity: string; code: string })
    .map((d) => `${d.severity} ${d.code}`);
  return { code: run.code, found };
}

describe.each(TRAITS.filter((t) => !t.store.startsWith("vendor-missing") && !t.store.includes("old-adml")))(
  "validate $store",
  ({ store, deviation }) => {
    it("by default: 0 errors, a warning naming the deviation GPMC tolerates", async () => {
      const { code, found } = await validate(store, false);
      expect(found.filter((f) => f.startsWith("error"))).toEqual([]);
      expect(code).toBe(0);
      if (deviation) expect(found).toContain(`warning ${deviation}`);
      else expect(found).toEqual([]);
    });

    it("with --strict: the schema deviation is an error", async () => {
      const { code, found } = await validate(store, true);
      if (deviation) {
        expect(found).toContain(`error ${deviation}`);
        expect(code).toBe(1);
      } else expect([code, found]).toEqual([0, []]);
    });

    // What validate calls a warning, every command reads: the preview and the library's conversion too.
    it("preview --admx writes every policy page in every language", async () => {
      const { result, pages } = await previewFolder(join(STORES, store));
      expect(result.code, result.stderr).toBe(0);
      // A folder of one template is previewed as that template's site (<locale>/<policy>.html), a folder
      // of several as a store (<locale>/<template>/<policy>.html).
      const admxFiles = (await readdir(join(STORES, store))).filter((f) => f.endsWith(".admx"));
      const expected = (await storePages(join(STORES, store))).map((page) => {
        const [locale, , policy] = page.split(sep);
        return admxFiles.length === 1 ? join(locale!, policy!) : page;
      });
      expect(expected.length).toBeGreaterThan(0);
      expect(pages).toEqual(expected);
    });

    it("decodeTemplates converts every template", async () => {
      const templates = await convertFolder(join(STORES, store));
      expect(templates.length).toBeGreaterThan(0);
      const refused = templates
        .filter((t) => !t.bundle)
        .map((t) => [t.base, t.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)]);
      expect(refused).toEqual([]);
    });
  },
);

describe("real defects of vendor templates stay errors, precisely named", () => {
  it("Thunderbird's mozilla.admx uses $(string.mozilla), which its own mozilla.adml lacks", async () => {
    for (const strict of [false, true]) {
      const { diagnostics } = await validateTemplates([join(STORES, "vendor-missing-string")], { strict });
      expect(
        diagnostics.map((d) => [d.severity, d.code, d.file?.replace(STORES, ""), d.line, d.params]),
      ).toEqual([
        [
          "error",
          "ADML_STRING_MISSING",
          "/vendor-missing-string/mozilla.admx",
          8,
          {
            id: "mozilla",
            locale: "en-US",
            adml: join(STORES, "vendor-missing-string", "en-US", "mozilla.adml"),
          },
        ],
      ]);
    }
  });

  it("an ADML older than its ADMX: its revision, and each string and presentation it lacks", async () => {
    const { diagnostics } = await validateTemplates([join(STORES, "vendor-old-adml")]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.params.id ?? d.params.revision])).toEqual([
      ["error", "ADML_REVISION_TOO_OLD", "1.0"],
      ["error", "ADML_STRING_MISSING", "Telemetry"],
      ["error", "ADML_STRING_MISSING", "Telemetry_Help"],
      ["error", "ADML_PRESENTATION_MISSING", "Telemetry"],
    ]);
  });
});

/**
 * `pol --admx`, `values --from` and `pol` again: the values come back unchanged, the second file has
 * the first's bytes, and the first holds `entries` (compared by the fields given).
 */
async function roundTrip(admx: string, values: Trait["values"], entries: Trait["entries"]): Promise<void> {
  const cwd = await tempDir("admxkit-vendor-");
  try {
    const side = "user" in values ? "user" : "machine";
    await writeFile(join(cwd, "v.json"), JSON.stringify(values));
    const first = await runCli(
      ["pol", "--admx", admx, "--class", side, "--values", "v.json", "--out", "a.pol"],
      { cwd },
    );
    expect(first.code, first.stderr).toBe(0);
    const back = await runCli(
      ["values", "--from", "a.pol", "--class", side, "--admx", admx, "--out", "back.json"],
      { cwd },
    );
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, "back.json"), "utf8"))).toEqual(values);
    const second = await runCli(
      ["pol", "--admx", admx, "--class", side, "--values", "back.json", "--out", "b.pol"],
      { cwd },
    );
    expect(second.code, second.stderr).toBe(0);
    expect(await readFile(join(cwd, "b.pol"))).toEqual(await readFile(join(cwd, "a.pol")));
    const dump = await runCli(["dump", "a.pol", "--json"], { cwd });
    const written = dump.stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(written).toEqual(entries.map((e) => expect.objectContaining(e)));
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

describe.each(TRAITS)("pol --admx, values --from, pol: $store", ({ store, values, entries }) => {
  it("gives the entries the values describe, and the same bytes the second time", async () => {
    await roundTrip(join(STORES, store), values, entries);
  });
});

const CORPUS = join(SHARED, "corpus");
const FAMILIES = ["office2016", "firefox", "edge"];
/** Errors of each family alone under --strict (docs/content/en/severities.md). */
const STRICT_ERRORS: Readonly<Record<string, number>> = { office2016: 107, firefox: 28, edge: 6 };

describe("the vendor families of ../shared/corpus/vendor", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = await tempDir("admxkit-vendor-merged-");
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /**
   * A copy of Windows 11's store with a family's files added. Windows matches locale folders ignoring
   * case, so Office's `en-us` goes into the store's `en-US`, as it does on a real central store.
   */
  async function merged(family: string): Promise<string> {
    const store = join(tmp, family, "PolicyDefinitions");
    await cp(join(CORPUS, "windows11-21h2", "PolicyDefinitions"), store, { recursive: true });
    const from = join(CORPUS, "vendor", family, "PolicyDefinitions");
    const existing = await readdir(store);
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const same = entry.isDirectory()
        ? existing.find((e) => e.toLowerCase() === entry.name.toLowerCase())
        : undefined;
      const target = join(store, same ?? entry.name);
      if (entry.isDirectory()) await mkdir(target, { recursive: true });
      await cp(join(from, entry.name), target, { recursive: true });
    }
    return store;
  }

  it.each(FAMILIES)("%s alone: 0 errors; with --strict only schema deviations", async (family) => {
    const store = join(CORPUS, "vendor", family, "PolicyDefinitions");
    const { counts } = await validateTemplates([store]);
    expect(counts.error).toBe(0);
    const strict = await validateTemplates([store], { strict: true });
    const errors = strict.diagnostics.filter((d) => d.severity === "error");
    expect(errors.filter((d) => !DEVIATION_CODES.has(d.code))).toEqual([]);
    // The counts the severities page states.
    expect(errors.length).toBe(STRICT_ERRORS[family]);
  });

  it('Office 2016 as shipped: a Word policy whose ADML control has defaultValue="" round-trips', async () => {
    // Six Office templates define this policy; the values file names Word's by its namespace.
    const policy = "word16.Office.Microsoft.Policies.Windows:L_SetCNGCipherKeyLength";
    await roundTrip(
      join(CORPUS, "vendor", "office2016", "PolicyDefinitions"),
      { user: enabled(policy, { L_SetCNGCipherKeyLengthSpinID: 256 }) },
      [{ valueName: "cipherkeybits", type: "REG_DWORD", data: 256 }],
    );
  });

  it("Firefox as shipped: a policy with hyphens in its name round-trips", async () => {
    await roundTrip(
      join(CORPUS, "vendor", "firefox", "PolicyDefinitions"),
      {
        machine: enabled("browser_newtabpage_activity-stream_default_sites", {
          Preferences_String: "https://intranet.example",
        }),
      },
      [
        {
          valueName: "browser.newtabpage.activity-stream.default.sites",
          type: "REG_SZ",
          data: "https://intranet.example",
        },
      ],
    );
  });

  it.each(FAMILIES)("%s merged into the Windows 11 21H2 store: 0 errors", async (family) => {
    const { counts } = await validateTemplates([await merged(family)]);
    expect(counts.error).toBe(0);
  });
});
