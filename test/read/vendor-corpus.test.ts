/**
 * The vendor families of the shared corpus (Office 2016 with en-us and ja-jp, Firefox, Edge), alone and
 * merged into a copy of the Windows 11 21H2 store (with a Teams-like fixture that depends on office16), as GPMC reads them (issue 19, items 6 and 7): every
 * policy page previewed in every language present, every template converted by `decodeTemplates`, and a
 * sample of policies with elements round-tripped through `pol --admx` → `values --from` → `pol`.
 * The merged store is previewed once, and round trips are sampled and run as one values file per
 * side, to keep the suite fast.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  convertFolder,
  expectRoundTrip,
  mergedStore,
  previewFolder,
  samplePolicies,
  storePages,
  VENDOR_CORPUS,
  VENDOR_FIXTURES,
  type ConvertedTemplate,
} from "../helpers/vendor-kit.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

const FAMILIES = ["office2016", "firefox", "edge"] as const;
const folderOf = (family: string) => join(VENDOR_CORPUS, family, "PolicyDefinitions");
const WINDOWS = inboxStorePath("windows11-21h2");
/** A Teams-like template of ours whose category sits in office16.admx (a family depending on another). */
const TEAMS = join(VENDOR_FIXTURES, "teams");

function expectAllConverted(templates: readonly ConvertedTemplate[]) {
  const refused = templates
    .filter((t) => !t.bundle)
    .map((t) => `${t.base}: ${t.diagnostics.find((d) => d.severity === "error")?.message}`);
  expect(refused).toEqual([]);
}

/** The error lines of a run's stderr, for the failure message. */
const errorsOf = (stderr: string) =>
  stderr
    .split("\n")
    .filter((line) => / error /.test(line))
    .join("\n");

/** Preview the folder and compare the policy pages with those its ADMX and ADML files call for. */
async function expectEveryPage(dir: string): Promise<string[]> {
  const { result, pages } = await previewFolder(dir);
  expect(result.code, errorsOf(result.stderr)).toBe(0);
  const expected = await storePages(dir);
  expect(expected.length).toBeGreaterThan(0);
  expect(pages).toEqual(expected);
  return pages;
}

describe.each(FAMILIES)("the %s family alone", (family) => {
  const dir = folderOf(family);

  it("decodeTemplates converts every template", async () => {
    expectAllConverted(await convertFolder(dir));
  }, 60_000);

  it("round trips a sample of policies with elements", async () => {
    const sample = await samplePolicies(dir, 3);
    expect(sample).toHaveLength(3);
    await expectRoundTrip(dir, ...sample);
  }, 60_000);
});

// Office's pages (en-us and ja-jp) are checked in the merged store below, which holds every one of
// them: previewing them alone as well would double the suite's longest preview.
describe.each(["firefox", "edge"] as const)("the %s family alone, previewed", (family) => {
  it("preview --admx writes every policy page in every language", async () => {
    await expectEveryPage(folderOf(family));
  }, 120_000);
});

describe("the three families and the Teams fixture merged into a copy of the Windows 11 21H2 store", () => {
  let store: string;
  beforeAll(async () => {
    store = await mergedStore([WINDOWS, ...FAMILIES.map(folderOf), TEAMS]);
  }, 60_000);

  it("preview --admx writes every policy page in every language present", async () => {
    const pages = await expectEveryPage(store);
    // Office's en-us ADMLs went into the store's en-US folder; the store has no Japanese folder of its own.
    expect(pages).toContain(join("en-US", "word16", "L_Delaybeforestartingotherproofingtools.html"));
    expect(pages).toContain(join("ja-jp", "word16", "L_Delaybeforestartingotherproofingtools.html"));
    expect(pages).toContain(join("de-DE", "firefox", "Proxy_Locked.html"));
    expect(pages).toContain(join("ja-jp", "teams", "L_PreventFirstLaunch.html"));
  }, 300_000);

  it("decodeTemplates converts every vendor template with the store's locale folders", async () => {
    const vendor = new Set(
      (await Promise.all(FAMILIES.map((f) => readdir(folderOf(f)))))
        .flat()
        .filter((f) => f.endsWith(".admx"))
        .map((f) => f.replace(/\.admx$/, ""))
        .concat("teams"),
    );
    const templates = await convertFolder(store, (base) => vendor.has(base));
    expect(templates).toHaveLength(vendor.size);
    expectAllConverted(templates);
    expect(templates.find((t) => t.base === "word16")?.locales).toEqual(["en-US", "ja-jp"]);
  }, 120_000);

  it("round trips a sample of each family's policies", async () => {
    const samples = await Promise.all(FAMILIES.map((family) => samplePolicies(folderOf(family), 2)));
    const teams = { L_LaunchMode: 1, L_DelaySeconds: 45 };
    await expectRoundTrip(store, ...samples.flat(), {
      key: "teams:L_PreventFirstLaunch",
      side: "machine",
      options: teams,
    });
  }, 120_000);
});
