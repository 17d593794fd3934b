import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { compileValues, createPolicyIndex } from "../../src/compile/index.js";
import { value } from "../../src/model/values.js";
import { dword, KEY, records, testBundle } from "../helpers/compile-kit.js";

const bundle = testBundle(
  { name: "MachineOnly", class: "Machine", valueName: "M" },
  { name: "UserOnly", class: "User", valueName: "U" },
  { name: "Anywhere", class: "Both", valueName: "B" },
  {
    name: "WithText",
    elements: [{ kind: "text", id: "Server", valueName: "Server", control: { type: "textBox", label: "L" } }],
  },
);

describe("compileValues", () => {
  it("compiles the requested section only, in the file's order", () => {
    const values = {
      machine: { Anywhere: { state: "enabled" as const }, MachineOnly: { state: "enabled" as const } },
      user: { UserOnly: { state: "enabled" as const } },
    };
    expect(records(compileValues(bundle.policies, values, "machine").entries)).toEqual([
      dword(KEY, "B", 1),
      dword(KEY, "M", 1),
    ]);
    expect(records(compileValues(bundle.policies, values, "user").entries)).toEqual([dword(KEY, "U", 1)]);
  });

  it("suggests the nearest policy name for an unknown one", () => {
    const result = compileValues(
      bundle.policies,
      { machine: { MachineOnyl: { state: "enabled" } } },
      "machine",
      {
        file: "v.json",
        source: "test",
      },
    );
    expect(result).toEqual({
      entries: [],
      diagnostics: [
        {
          code: "VALUES_UNKNOWN_POLICY",
          severity: "error",
          params: { policy: "MachineOnyl", source: "test", suggestion: "MachineOnly" },
          path: ["machine", "MachineOnyl"],
          file: "v.json",
          message: "there is no policy MachineOnyl in test; did you mean MachineOnly?",
        },
      ],
    });
  });

  it("lists the policies when no name is close", () => {
    const result = compileValues(
      bundle.policies,
      { machine: { Zzzzzzzzzzzz: { state: "enabled" } } },
      "machine",
    );
    expect(result.diagnostics[0]).toMatchObject({
      code: "VALUES_UNKNOWN_POLICY_LIST",
      params: { valid: "MachineOnly, UserOnly, Anywhere, WithText" },
    });
  });

  it("suggests the nearest option id for an unknown option", () => {
    const result = compileValues(
      bundle.policies,
      { machine: { WithText: { state: "enabled", options: { server: "x" } } } },
      "machine",
    );
    expect(result.diagnostics).toContainEqual({
      code: "OPTION_UNKNOWN",
      severity: "error",
      params: { policy: "WithText", option: "server", suggestion: "Server" },
      path: ["machine", "WithText", "options", "server"],
      message: "policy WithText has no option server; did you mean Server?",
    });
    const none = compileValues(
      bundle.policies,
      { machine: { MachineOnly: { state: "enabled", options: { X: 1 } } } },
      "machine",
    );
    expect(none.diagnostics.map((d) => d.code)).toEqual(["OPTION_UNKNOWN_NONE"]);
  });

  it("refuses a Machine policy under user and a User policy under machine, in either compiled class", () => {
    const values = {
      machine: { UserOnly: { state: "enabled" as const } },
      user: { MachineOnly: { state: "disabled" as const } },
    };
    for (const policyClass of ["machine", "user"] as const) {
      const result = compileValues(bundle.policies, values, policyClass);
      expect(result.entries).toEqual([]);
      expect(result.diagnostics.map((d) => [d.code, d.params, d.path])).toEqual([
        [
          "VALUES_WRONG_CLASS",
          { policy: "UserOnly", section: "machine", admxClass: "User", expected: "user" },
          ["machine", "UserOnly"],
        ],
        [
          "VALUES_WRONG_CLASS",
          { policy: "MachineOnly", section: "user", admxClass: "Machine", expected: "machine" },
          ["user", "MachineOnly"],
        ],
      ]);
    }
  });

  it("reports options given to a policy that is not enabled", () => {
    const result = compileValues(
      bundle.policies,
      { machine: { WithText: { state: "disabled", options: { Server: "x" } } } },
      "machine",
    );
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["VALUES_OPTIONS_NOT_ENABLED", ["machine", "WithText", "options"]],
    ]);
  });

  it("refuses what Registry.pol cannot store (data over 65,535 bytes)", () => {
    const big = testBundle({
      name: "Big",
      elements: [
        {
          kind: "text",
          id: "T",
          valueName: "T",
          maxLength: 40_000,
          control: { type: "textBox", label: "L" },
        },
      ],
    });
    const result = compileValues(
      big.policies,
      { machine: { Big: { state: "enabled", options: { T: "x".repeat(40_000) } } } },
      "machine",
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(["COMPILE_UNSTORABLE"]);
    expect(result.diagnostics[0]!.params.detail).toMatchObject({ code: "POL_DATA_TOO_LARGE" });
    expect(formatDiagnostic(result.diagnostics[0]!)).toMatch(
      /: the data is larger than 65,535 bytes \(\d+ bytes\)$/,
    );
    expect(formatDiagnostic(result.diagnostics[0]!, "ja-JP")).toMatch(
      /: データが 65,535 バイトを超えています \(\d+ バイト\)$/,
    );
  });
});

describe("policies from several namespaces (a PolicyIndex)", () => {
  const a = testBundle({ name: "Same", valueName: "A", enabledValue: value.decimal(1) }).policies;
  const b = testBundle({ name: "Same", valueName: "B", enabledValue: value.decimal(2) }).policies;
  const index = createPolicyIndex([
    { namespace: "Contoso.Policies.A", prefix: "a", policies: a },
    { namespace: "Contoso.Policies.B", prefix: "b", policies: b },
  ]);

  it("asks for namespace:name when a bare name is ambiguous", () => {
    const result = compileValues(index, { machine: { Same: { state: "enabled" } } }, "machine");
    expect(result.diagnostics.map((d) => [d.code, d.params])).toEqual([
      [
        "VALUES_AMBIGUOUS_POLICY",
        { policy: "Same", candidates: "Contoso.Policies.A:Same, Contoso.Policies.B:Same" },
      ],
    ]);
  });

  it("resolves namespace:name (case-insensitive namespace) and prefix:name", () => {
    const values = {
      machine: {
        "contoso.policies.b:Same": { state: "enabled" as const },
        "a:Same": { state: "enabled" as const },
      },
    };
    const result = compileValues(index, values, "machine");
    expect(result.diagnostics).toEqual([]);
    expect(records(result.entries)).toEqual([dword(KEY, "B", 2), dword(KEY, "A", 1)]);
  });

  it("suggests qualified names for a typo of an ambiguous one", () => {
    const result = compileValues(
      index,
      { machine: { "Contoso.Policies.C:Same": { state: "enabled" } } },
      "machine",
    );
    expect(result.diagnostics[0]).toMatchObject({
      code: "VALUES_UNKNOWN_POLICY",
      params: { suggestion: "Contoso.Policies.A:Same" },
    });
  });
});
