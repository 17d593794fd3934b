import { describe, expect, it } from "vitest";
import { parseValuesText } from "../../src/values/parse-values.js";
import { editDistance, nearestName } from "../../src/values/suggest.js";

const problems = (text: string) => {
  const result = parseValuesText(text, "v.json");
  return result.ok ? [] : result.diagnostics.map((d) => [d.code, d.params, d.path ?? [d.line, d.column]]);
};

describe("parseValuesText", () => {
  it("accepts a values file (with a BOM) and keeps the policies in file order", () => {
    const result = parseValuesText(
      '\uFEFF{"machine":{"B":{"state":"enabled","options":{"x":[]}},"A":{"state":"disabled"}}}',
    );
    expect(result).toEqual({
      ok: true,
      values: { machine: { B: { state: "enabled", options: { x: [] } }, A: { state: "disabled" } } },
      diagnostics: [],
    });
  });

  it("reports invalid JSON with its line and column", () => {
    const result = parseValuesText('{\n  "machine": {,\n}', "v.json");
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      code: "JSON_EXPECTED_KEY",
      file: "v.json",
      line: 2,
      column: 15,
    });
  });

  it("suggests the section for an unknown top-level key", () => {
    expect(problems('{"machin":{}}')).toEqual([
      ["VALUES_UNKNOWN_SECTION", { key: "machin", suggestion: "machine" }, ["machin"]],
    ]);
  });

  it("names the policy for a bad state, an unknown key or a bad option value", () => {
    expect(problems('{"user":{"P":{"state":"on"}}}')).toEqual([
      ["VALUES_BAD_STATE", { policy: "P", value: '"on"' }, ["user", "P", "state"]],
    ]);
    expect(problems('{"user":{"P":{}}}')).toEqual([
      ["VALUES_BAD_STATE", { policy: "P", value: "(missing)" }, ["user", "P", "state"]],
    ]);
    expect(problems('{"user":{"P":{"state":"enabled","option":{}}}}')).toEqual([
      ["VALUES_UNKNOWN_STATE_KEY", { policy: "P", key: "option" }, ["user", "P", "option"]],
    ]);
    expect(problems('{"machine":{"P":{"state":"enabled","options":{"o":null}}}}')).toEqual([
      [
        "VALUES_BAD_OPTION_TYPE",
        { policy: "P", option: "o", value: "null" },
        ["machine", "P", "options", "o"],
      ],
    ]);
  });

  it("reports other shape errors with zod's description", () => {
    expect(problems("[]")[0]![0]).toBe("VALUES_SHAPE");
    expect(problems('{"machine":[]}')[0]![0]).toBe("VALUES_SHAPE");
  });
});

describe("name suggestions", () => {
  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("suggests the nearest name case-insensitively, and nothing when all are far", () => {
    expect(nearestName("proxyserver", ["ProxyPacUrl", "ProxyServer"])).toBe("ProxyServer");
    expect(nearestName("ProxyBypas", ["ProxyServer", "ProxyBypass"])).toBe("ProxyBypass");
    expect(nearestName("Telemetry", ["ProxyServer", "SSLOptions"])).toBeUndefined();
    expect(nearestName("Proxy", ["ProxyServer", "SSLOptions"])).toBe("ProxyServer");
    // Letters left out of a longer name: allowed relative to the longer of the two names.
    expect(nearestName("ProxySrv", ["ProxyPacUrl", "ProxyServer", "SSLOptions"])).toBe("ProxyServer");
    expect(nearestName("Proxy", ["ProxyServer", "ProxyBypass"])).toBeUndefined();
  });
});
