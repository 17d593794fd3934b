import { describe, expect, it } from "vitest";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { exampleOptions } from "../../src/preview/example-values.js";
import { examplesFromValues } from "../../src/preview/values-examples.js";
import { FORMAT_EXAMPLES } from "../../src/values/formats.js";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { hostileBundle } from "../helpers/preview-fixtures.js";

describe("exampleOptions", () => {
  it("starts every element where the editor starts it", () => {
    expect(exampleOptions(hostileBundle().policies[0]!)).toEqual({
      Server: `"><img src=x onerror="window.__pwned='textBox'">`,
      Mirror: "zeta.example",
      Retries: 3,
      Quota: 4096,
      Verbose: true,
      // The default item (defaultItem 2, a position in the ADMX) by its id, as values files name it.
      Mode: "Mode_Mike",
      Shares: ["example"],
      Patterns: [],
    });
  });

  it("gives a required text box without default its format's example", () => {
    const policy = defenderProxyBundle().policies.find((p) => p.name === "ProxyServer")!;
    expect(exampleOptions(policy)).toEqual({ ProxyServer: FORMAT_EXAMPLES.proxyUrl });
  });

  it("words the sample of a required box in the page's language, or leaves it to the page", () => {
    const policy = hostileBundle().policies[0]!;
    expect(exampleOptions(policy, {}, "例")).toMatchObject({ Shares: ["例"], Patterns: [] });
    // A site fills the sample per language later: the values file's choice still comes through.
    const later = exampleOptions(policy, { Retries: 7 }, false);
    expect(Object.keys(later)).not.toContain("Shares");
    expect(later).toMatchObject({ Retries: 7, Mirror: "zeta.example" });
    expect(exampleOptions(policy, later, "例")).toMatchObject({ Shares: ["例"], Retries: 7 });
  });

  it("lets the values file win, element by element", () => {
    expect(exampleOptions(hostileBundle().policies[0]!, { Retries: 7, Unknown: "x" })).toMatchObject({
      Retries: 7,
      Mirror: "zeta.example",
      Unknown: "x",
    });
  });
});

describe("examplesFromValues", () => {
  it("takes the options of enabled policies from both sections", () => {
    const values = {
      machine: { A: { state: "enabled", options: { X: "1" } }, B: { state: "disabled" } },
      user: { C: { state: "enabled", options: { Y: [1] } }, A: { state: "enabled", options: { X: "user" } } },
    };
    expect(examplesFromValues(values, "v.json")).toEqual({ A: { X: "1" }, C: { Y: [1] } });
  });

  it("refuses a file that is not a values object, naming the file", () => {
    for (const bad of [[], "x", { machine: [] }]) {
      try {
        examplesFromValues(bad, "v.json");
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AdmxkitError);
        expect((error as AdmxkitError).diagnostics[0]).toMatchObject({
          code: "PREVIEW_VALUES_INVALID",
          file: "v.json",
        });
      }
    }
  });
});
