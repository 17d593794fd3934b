import { describe, expect, it } from "vitest";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { compileValues } from "../../src/compile/index.js";
import { compileGpoBackup, deterministicIdentity } from "../../src/gpo/index.js";
import type { Policy } from "../../src/model/types.js";
import { encodePol } from "../../src/pol/index.js";
import type { ValuesFile } from "../../src/values/index.js";

const base = defenderProxyBundle().policies;
const proxyServer = base.find((p) => p.name === "ProxyServer")!;
// The same policy as a User Configuration one, so both sides of a GPO get entries.
const POLICIES: Policy[] = [...base, { ...proxyServer, name: "UserProxyServer", class: "User" }];

const VALUES: ValuesFile = {
  machine: {
    ProxyServer: { state: "enabled", options: { ProxyServer: "http://10.0.0.6:8080" } },
    SSLOptions: { state: "disabled" },
  },
  user: { UserProxyServer: { state: "enabled", options: { ProxyServer: "http://10.0.0.7:3128" } } },
};

const options = { displayName: "Both sides", identity: deterministicIdentity("Both sides") };

describe("compileGpoBackup", () => {
  it("compiles both sections into the two registry.pol files, as compileValues + encodePol", () => {
    const { backup, diagnostics } = compileGpoBackup(POLICIES, VALUES, options);
    expect(diagnostics).toEqual([]);
    const pol = (side: string) =>
      backup!.files.find((f) => f.path.endsWith(`/${side}/registry.pol`))!.content;
    for (const side of ["machine", "user"] as const) {
      const expected = encodePol(compileValues(POLICIES, VALUES, side).entries);
      expect(Buffer.from(pol(side === "machine" ? "Machine" : "User"))).toEqual(Buffer.from(expected));
    }
  });

  it("reports each problem once and builds nothing when there is an error", () => {
    const bad: ValuesFile = { machine: { NoSuchPolicy: { state: "enabled" } }, user: {} };
    const { backup, diagnostics } = compileGpoBackup(POLICIES, bad, { ...options, displayName: "" });
    expect(backup).toBeUndefined();
    const codes = diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === "GPO_NAME_EMPTY")).toHaveLength(1);
    expect(codes.filter((c) => c.startsWith("VALUES_UNKNOWN_POLICY"))).toHaveLength(1);
  });
});
