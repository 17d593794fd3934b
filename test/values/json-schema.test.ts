import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { value } from "../../src/model/values.js";
import { valuesJsonSchema } from "../../src/values/json-schema.js";
import { testBundle } from "../helpers/compile-kit.js";
import { REPO_ROOT } from "../helpers/cli.js";

/** A validator built from the JSON Schema by zod's own JSON Schema reader (independent of our writer). */
function validator(schema: Record<string, unknown>) {
  const zod = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  return (input: unknown) => zod.safeParse(input).success;
}

describe("the values JSON Schema of the defender-proxy bundle", () => {
  const schema = valuesJsonSchema(defenderProxyBundle());
  const valid = validator(schema);

  it("accepts examples/defender-proxy.values.json", async () => {
    const example = JSON.parse(
      await readFile(join(REPO_ROOT, "examples/defender-proxy.values.json"), "utf8"),
    );
    expect(valid(example)).toBe(true);
  });

  it("lists the seven policies under machine and none under user", () => {
    const properties = schema.properties as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(properties.machine!.properties)).toEqual([
      "TelemetryProxyServer",
      "DisableEnterpriseAuthProxy",
      "ProxyServer",
      "ProxyPacUrl",
      "ProxyBypass",
      "SSLOptions",
      "PreferStaticProxyForHttpRequest",
    ]);
    expect(properties.user!.properties).toEqual({});
  });

  it("rejects unknown policies, wrong sections, missing required options and wrong types", () => {
    expect(valid({ machine: { ProxyServr: { state: "enabled" } } })).toBe(false);
    expect(valid({ user: { ProxyServer: { state: "disabled" } } })).toBe(false);
    expect(valid({ machine: { ProxyServer: { state: "enabled" } } })).toBe(false);
    expect(valid({ machine: { ProxyServer: { state: "enabled", options: { ProxyServer: 8080 } } } })).toBe(
      false,
    );
    expect(valid({ machine: { ProxyServer: { state: "enabled", options: { Other: "x" } } } })).toBe(false);
    expect(valid({ machine: { ProxyServer: { state: "disabled", options: { ProxyServer: "x" } } } })).toBe(
      false,
    );
    expect(valid({ machine: { SSLOptions: { state: "on" } } })).toBe(false);
    expect(
      valid({ machine: { ProxyServer: { state: "disabled" }, SSLOptions: { state: "notConfigured" } } }),
    ).toBe(true);
  });

  it("describes the options with the bundle's labels and format examples", () => {
    const enabled = (schema.properties as any).machine.properties.ProxyServer.anyOf[0] as any;
    expect(enabled.properties.options.properties.ProxyServer).toEqual({
      type: "string",
      maxLength: 1023,
      minLength: 1,
      description: "http:// or https://, a host and a port",
      examples: ["http://10.0.0.6:8080"],
      title: "Proxy server (http:// or https://, host and port):",
    });
  });
});

describe("option types of every element kind", () => {
  const bundle = testBundle(
    {
      name: "All",
      class: "Both",
      elements: [
        { kind: "boolean", id: "B", valueName: "B", control: { type: "checkBox", label: "L" } },
        {
          kind: "decimal",
          id: "D",
          valueName: "D",
          minValue: 2,
          control: { type: "decimalTextBox", label: "L" },
        },
        {
          kind: "longDecimal",
          id: "Q",
          valueName: "Q",
          maxValue: 100,
          control: { type: "longDecimalTextBox", label: "L" },
        },
        {
          kind: "multiText",
          id: "M",
          valueName: "M",
          maxStrings: 2,
          control: { type: "multiTextBox", label: "L" },
        },
        {
          kind: "enum",
          id: "E",
          valueName: "E",
          required: true,
          items: [
            { displayName: "E_One", value: value.decimal(1) },
            { displayName: "E_Two", value: value.decimal(2) },
          ],
          control: { type: "dropdownList", label: "L" },
        },
        { kind: "list", id: "L", valuePrefix: "", control: { type: "listBox", label: "L" } },
        {
          kind: "list",
          id: "X",
          key: "Software\\Policies\\Admxkit\\X",
          explicitValue: true,
          control: { type: "listBox", label: "L" },
        },
      ],
    },
    { name: "UserOnly", class: "User", valueName: "U" },
  );
  const schema = valuesJsonSchema(bundle);
  const valid = validator(schema);
  const enabled = (options: object) => ({ user: { All: { state: "enabled", options } } });

  it("puts Both policies in both sections and User ones under user only", () => {
    const sections = schema.properties as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(sections.machine!.properties)).toEqual(["All"]);
    expect(Object.keys(sections.user!.properties)).toEqual(["All", "UserOnly"]);
  });

  it("spells out ranges, item ids, arrays and name/value objects", () => {
    const good = { B: true, D: 2, Q: "100", M: ["a", "b"], E: "E_Two", L: ["x"], X: { n: "v" } };
    expect(valid(enabled(good))).toBe(true);
    // A number is the value an item writes (E_One writes 1, E_Two 2), never a position.
    expect(valid(enabled({ ...good, E: 1 }))).toBe(true);
    expect(valid(enabled({ ...good, E: 2 }))).toBe(true);
    for (const bad of [
      { B: 1 },
      { D: 1 },
      { D: 10000 },
      { Q: 101 },
      { M: ["a", "b", "c"] },
      { M: [""] },
      { E: "E_Three" },
      { E: 0 },
      { E: 3 },
      { L: "x" },
      { X: ["v"] },
    ]) {
      expect(valid(enabled({ ...good, ...bad })), JSON.stringify(bad)).toBe(false);
    }
    // E is required and has no default: enabling without it is invalid.
    const { E: _e, ...withoutE } = good;
    expect(valid(enabled(withoutE))).toBe(false);
  });
});

it("without a bundle, describes the shape only", () => {
  const valid = validator(valuesJsonSchema());
  expect(
    valid({ machine: { Anything: { state: "enabled", options: { a: ["x"], b: { c: "d" }, e: 1 } } } }),
  ).toBe(true);
  expect(valid({ machine: { Anything: { state: "maybe" } } })).toBe(false);
  expect(valid({ computer: {} })).toBe(false);
});
