/**
 * The library's loading, called as a consumer calls it (`import { loadPolicies, loadValues } from
 * "admxkit"`): the built-in bundle, a real Windows store, and inputs that cannot be loaded, which throw
 * an AdmxkitError whose diagnostics say why (nothing is printed, nothing exits).
 */
import { cp, mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AdmxkitError, DEFAULT_BUNDLE, loadBundle, loadPolicies, loadValues } from "../../src/index.js";
import { REPO_ROOT, tempDir } from "../helpers/cli.js";
import { inboxStorePath } from "../helpers/inbox-store.js";

const WINDOWS_1903 = inboxStorePath("windows10-1903");
const EXAMPLE_POL = join(REPO_ROOT, "examples", "defender-proxy.Registry.pol");
const EXAMPLE_VALUES = join(REPO_ROOT, "examples", "defender-proxy.values.json");

/** The diagnostics of the AdmxkitError `promise` rejects with, as code and file. */
async function thrown(promise: Promise<unknown>) {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdmxkitError);
  return (error as AdmxkitError).diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    file: d.file,
  }));
}

describe("loadPolicies", () => {
  it("loads the default bundle when no origin is named, with its own display names", async () => {
    const loaded = await loadPolicies({});
    expect(loaded.source).toBe(DEFAULT_BUNDLE);
    expect(loaded.sources.map((s) => s.namespace)).toEqual(["Admxkit.Policies.DefenderProxy"]);
    const found = loaded.index.lookup("ProxyServer");
    expect(found.ok).toBe(true);
    const policy = found.ok ? found.policy : undefined;
    expect(loaded.diagnosticsFor([policy!])).toEqual([]);
    const { bundle } = await loadBundle(DEFAULT_BUNDLE);
    const ja = await loaded.displayNames([policy!], "ja-JP");
    expect(ja.get(policy!)).toBe(bundle.locales["ja-JP"]![policy!.displayName]);
    expect(ja.get(policy!)).toMatch(/プロキシ/);
  });

  it("reads a Windows store, only the templates the keys need, with names in the asked locale", async () => {
    const loaded = await loadPolicies({ admx: WINDOWS_1903 }, { policies: ["DisableAntiSpywareDefender"] });
    expect(loaded.source).toBe(WINDOWS_1903);
    // The keys narrow the read to the ADMX defining them.
    expect(loaded.sources.map((s) => s.namespace)).toEqual(["Microsoft.Policies.WindowsDefender"]);
    const found = loaded.index.lookup("DisableAntiSpywareDefender");
    if (!found.ok) throw new Error("DisableAntiSpywareDefender is not in the store");
    const ja = await loaded.displayNames([found.policy], "ja-JP");
    expect(ja.get(found.policy)).toBe("Windows Defender ウイルス対策を無効にします");
    const en = await loaded.displayNames([found.policy], "en-US");
    expect(en.get(found.policy)).toBe("Turn off Windows Defender Antivirus");
  });

  it("takes display names from the files its own read found, without looking at the folder again", async () => {
    const store = await tempDir("admxkit-load-");
    for (const dir of ["en-US", "ja-JP"]) await mkdir(join(store, dir));
    await cp(join(WINDOWS_1903, "WindowsDefender.admx"), join(store, "WindowsDefender.admx"));
    for (const dir of ["en-US", "ja-JP"]) {
      await cp(join(WINDOWS_1903, dir, "WindowsDefender.adml"), join(store, dir, "WindowsDefender.adml"));
    }
    const loaded = await loadPolicies({ admx: store });
    const found = loaded.index.lookup("DisableAntiSpywareDefender");
    if (!found.ok) throw new Error("DisableAntiSpywareDefender is not in the store");
    // Gone from the folder: a second walk would no longer find the template the ADML belongs to.
    await rename(join(store, "WindowsDefender.admx"), join(store, "WindowsDefender.admx.moved"));
    const ja = await loaded.displayNames([found.policy], "ja-JP");
    expect(ja.get(found.policy)).toBe("Windows Defender ウイルス対策を無効にします");
  });

  it("throws an AdmxkitError naming the folder, the bundle or the file that cannot be loaded", async () => {
    const missing = join(await tempDir("admxkit-load-"), "no-such-store");
    expect(await thrown(loadPolicies({ admx: missing }))).toEqual([
      { code: "INPUT_NOT_FOUND", severity: "error", file: missing },
    ]);
    const empty = await tempDir("admxkit-load-");
    expect(await thrown(loadPolicies({ admx: empty }))).toEqual([
      { code: "STORE_EMPTY", severity: "error", file: empty },
    ]);
    expect(await thrown(loadPolicies({ bundle: "no-such-bundle" }))).toEqual([
      { code: "BUNDLE_NOT_FOUND", severity: "error", file: undefined },
    ]);
    const json = join(empty, "bundle.json");
    await writeFile(json, "{ not json");
    const [first] = await thrown(loadPolicies({ bundle: json }));
    expect(first).toMatchObject({ severity: "error", file: json });
  });
});

describe("loadValues", () => {
  it("reads a values file and checks its names against the policies", async () => {
    const loaded = await loadPolicies({});
    const good = await loadValues(EXAMPLE_VALUES, loaded);
    expect(good.diagnostics).toEqual([]);
    expect(good.only).toBeUndefined();
    expect(Object.keys(good.values.machine ?? {})).toContain("ProxyServer");
    const misspelt = join(await tempDir("admxkit-load-"), "v.json");
    await writeFile(misspelt, JSON.stringify({ machine: { ProxyServr: { state: "enabled" } } }));
    const bad = await loadValues(misspelt, loaded);
    expect(bad.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ["VALUES_UNKNOWN_POLICY", "error", misspelt],
    ]);
  });

  it("decodes a Registry.pol into the values file it was compiled from, for the class asked", async () => {
    const loaded = await loadPolicies({});
    const machine = await loadValues(EXAMPLE_POL, loaded);
    expect(machine.only).toBe("machine");
    expect(machine.diagnostics).toEqual([]);
    const values = (await loadValues(EXAMPLE_VALUES, loaded)).values;
    expect(Object.keys(machine.values.machine ?? {}).sort()).toEqual(
      Object.keys(values.machine ?? {}).sort(),
    );
    const user = await loadValues(EXAMPLE_POL, loaded, { policyClass: "user" });
    expect(user.only).toBe("user");
    // Machine policies in a user Registry.pol: said, and kept as raw entries.
    expect(new Set(user.diagnostics.map((d) => d.code))).toEqual(new Set(["VALUES_FROM_OTHER_CLASS"]));
  });

  it("throws an AdmxkitError for a path that does not exist", async () => {
    const loaded = await loadPolicies({});
    const missing = join(await tempDir("admxkit-load-"), "gone.pol");
    expect(await thrown(loadValues(missing, loaded))).toEqual([
      { code: "INPUT_NOT_FOUND", severity: "error", file: missing },
    ]);
  });
});
