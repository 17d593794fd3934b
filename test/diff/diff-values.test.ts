/** diffValues and its two output forms, on a small bundle. */
import { describe, expect, it } from "vitest";
import { diffValues, formatDiffJsonLines, formatDiffText } from "../../src/diff/index.js";
import { value } from "../../src/model/values.js";
import type { ValuesFile } from "../../src/values/schema.js";
import { KEY, testBundle } from "../helpers/compile-kit.js";

const control = (type: string) => ({ type, label: "L" }) as never;
const policies = testBundle(
  {
    name: "Proxy",
    valueName: "On",
    elements: [
      {
        kind: "text",
        id: "Server",
        valueName: "Server",
        control: { type: "textBox", label: "L", defaultValue: "auto" },
      },
      {
        kind: "enum",
        id: "Mode",
        valueName: "Mode",
        items: [
          { displayName: "Mode_Off", value: value.decimal(0) },
          { displayName: "Mode_On", value: value.decimal(1) },
        ],
        control: control("dropdownList"),
      },
    ],
  },
  { name: "Telemetry", valueName: "Telemetry" },
  { name: "Tips", class: "User", valueName: "Tips" },
).policies;

const diff = (a: ValuesFile, b: ValuesFile) => diffValues(a, b, { policies }).changes;

describe("diffValues", () => {
  it("finds nothing between a file and itself, nor between options written differently with one effect", () => {
    const a: ValuesFile = { machine: { Proxy: { state: "enabled", options: { Mode: 1 } } } };
    expect(diff(a, a)).toEqual([]);
    // Server left at its default, Mode by index or by id: the same entries.
    const b: ValuesFile = {
      machine: { Proxy: { state: "enabled", options: { Server: "auto", Mode: "Mode_On" } } },
    };
    expect(diff(a, b)).toEqual([]);
    expect(diff({ machine: { Telemetry: { state: "notConfigured" } } }, {})).toEqual([]);
  });

  it("reports added, removed, state and option changes per class, then raw entries", () => {
    const a: ValuesFile = {
      machine: {
        Proxy: { state: "enabled", options: { Server: "a", Mode: 0 } },
        Telemetry: { state: "enabled" },
      },
      registry: { machine: [{ key: KEY, valueName: "Raw", type: "REG_DWORD", data: 1 }] },
    };
    const b: ValuesFile = {
      machine: {
        Proxy: { state: "enabled", options: { Server: "b", Mode: 0 } },
        Telemetry: { state: "disabled" },
      },
      user: { Tips: { state: "enabled" } },
      registry: { machine: [{ key: KEY.toUpperCase(), valueName: "RAW", type: "REG_DWORD", data: 2 }] },
    };
    expect(diff(a, b)).toEqual([
      { change: "option", policyClass: "machine", policy: "Proxy", option: "Server", from: "a", to: "b" },
      { change: "state", policyClass: "machine", policy: "Telemetry", from: "enabled", to: "disabled" },
      {
        change: "registryChanged",
        policyClass: "machine",
        key: KEY.toUpperCase(),
        valueName: "RAW",
        from: a.registry!.machine![0],
        to: b.registry!.machine![0],
      },
      { change: "added", policyClass: "user", policy: "Tips", state: "enabled" },
    ]);
    expect(diff(b, a).find((c) => c.policyClass === "user")).toEqual({
      change: "removed",
      policyClass: "user",
      policy: "Tips",
      state: "enabled",
    });
    expect(diffValues(a, b, { policies, classes: ["user"] }).changes).toHaveLength(1);
  });

  it("prints one line per change under its class and policy, in en-US and ja-JP, and JSON lines", () => {
    const a: ValuesFile = { machine: { Proxy: { state: "enabled", options: { Server: "a" } } } };
    const b: ValuesFile = { machine: { Proxy: { state: "enabled", options: { Server: "b" } } } };
    const { changes } = diffValues(a, b, { policies });
    const names = new Map([["Proxy", "Use a proxy"]]);
    expect(formatDiffText(changes, names, "en-US")).toBe(
      'Computer Configuration (machine)\n  Use a proxy (Proxy)\n    ~ Server: "a" → "b"\n',
    );
    expect(formatDiffText(changes, names, "ja-JP")).toBe(
      'コンピューターの構成 (machine)\n  Use a proxy (Proxy)\n    ~ Server: "a" → "b"\n',
    );
    expect(formatDiffJsonLines(changes, names)).toBe(
      '{"class":"machine","change":"option","policy":"Proxy","option":"Server","from":"a","to":"b","displayName":"Use a proxy"}\n',
    );
    expect(formatDiffText([], names, "en-US")).toBe("");
  });

  it("words states in the message language and lists the options of a newly enabled policy", () => {
    const { changes } = diffValues(
      {},
      { machine: { Proxy: { state: "enabled", options: { Mode: 1 } } } },
      { policies },
    );
    expect(formatDiffText(changes, new Map(), "ja-JP")).toBe(
      'コンピューターの構成 (machine)\n  Proxy\n    + 有効 (変更前は未構成)\n      + Server: "auto"\n      + Mode: "Mode_On"\n',
    );
  });
});
