import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { bundleJsonSchema } from "../../src/model/json-schema.js";
import { contosoSync } from "../../examples/custom-bundle/bundle.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";

/** The published JSON Schema, read back by an independent reader (zod's JSON Schema import). */
const fromSchema = z.fromJSONSchema(bundleJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);

describe("the bundle JSON Schema (admxkit schema bundle)", () => {
  it.each([
    ["defender-proxy", () => defenderProxyBundle()],
    ["contoso-sync example", () => contosoSync],
    ["small test bundle", () => smallBundle()],
  ])("accepts the %s bundle as a JSON file", (_name, bundle) => {
    const result = fromSchema.safeParse(JSON.parse(JSON.stringify(bundle())));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("rejects what the model rejects in shape: an unknown element kind, a bad id, a missing field", () => {
    const bad = (patch: (b: any) => void) => {
      const b: any = smallBundle();
      patch(b);
      return fromSchema.safeParse(b).success;
    };
    expect(bad(() => {})).toBe(true);
    expect(bad((b) => (b.policies[0].elements[0].kind = "slider"))).toBe(false);
    expect(bad((b) => (b.policies[0].name = "Proxy.Server"))).toBe(false);
    expect(bad((b) => delete b.fileName)).toBe(false);
    expect(bad((b) => (b.revision = "1.04.0000"))).toBe(false);
  });

  it("takes a policy's Intune route: a native CSP, an ADMX-backed setting or a script; nothing else", () => {
    const withRoute = (intune: unknown) => {
      const b: any = smallBundle();
      b.policies[0].intune = intune;
      return fromSchema.safeParse(b).success;
    };
    const native = { route: "nativeCsp", omaUri: "./Device/Vendor/MSFT/Policy/Config/System/TelemetryProxy" };
    expect(withRoute({ ...native, format: "string" })).toBe(true);
    expect(
      withRoute({ route: "admxBackedCsp", admxFile: "WindowsDefender.admx", policy: "ProxyServer" }),
    ).toBe(true);
    expect(
      withRoute({
        route: "admxBackedCsp",
        admxFile: "WindowsDefender.admx",
        policy: "ProxyServer",
        elementIds: { Server: "ProxyServer" },
      }),
    ).toBe(true);
    expect(withRoute({ route: "remediation" })).toBe(true);
    expect(withRoute({ ...native, format: "boolean" })).toBe(false);
    expect(
      withRoute({ route: "nativeCsp", omaUri: "Policy/Config/System/TelemetryProxy", format: "string" }),
    ).toBe(false);
    expect(withRoute({ route: "gpo" })).toBe(false);
    expect(withRoute({ route: "remediation", omaUri: "./Device/Vendor/MSFT/x" })).toBe(false);
  });
});
