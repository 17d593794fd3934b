import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePolicy } from "../../src/compile/compile-policy.js";
import type { OptionValue, PolicyState } from "../../src/compile/types.js";
import {
  createEntryExplainer,
  describeOrigins,
  explainEntries,
  formatExplainedText,
  registryWrites,
} from "../../src/explain/index.js";
import type { Element, Policy } from "../../src/model/types.js";
import { szEntry, type PolEntry } from "../../src/pol/index.js";
import { readStore } from "../../src/read/read-store.js";
import { SHARED } from "../helpers/cli.js";
import { itemOption } from "../helpers/enabled-state.js";

const MICROSOFT = join(SHARED, "reference", "microsoft");

/** Option values the compiler accepts for each element kind; `variant` walks enum items and check boxes. */
function optionFor(element: Element, variant: number): OptionValue {
  switch (element.kind) {
    case "boolean":
      return variant % 2 === 0;
    case "decimal":
    case "longDecimal":
      return Number(element.minValue ?? 0);
    case "text":
      return "1";
    case "multiText":
      return ["a", "b"];
    case "enum":
      return itemOption(element, variant % element.items.length);
    case "list":
      return element.explicitValue ? { first: "a", second: "b" } : ["a", "b"];
  }
}

/** Disabled, then enabled once per enum item / check box state, so every value list is written. */
function statesOf(policy: Policy): PolicyState[] {
  const elements = policy.elements ?? [];
  const variants = Math.max(2, ...elements.map((e) => (e.kind === "enum" ? e.items.length : 0)));
  const enabled = Array.from({ length: variants }, (_, v): PolicyState => ({
    state: "enabled",
    options: Object.fromEntries(elements.map((e) => [e.id, optionFor(e, v)])),
  }));
  return [{ state: "disabled" }, ...enabled];
}

const label = "L";
const FULL: Policy = {
  name: "Full",
  class: "Both",
  displayName: "Full",
  explainText: "Full_Help",
  category: "Cat",
  supportedOn: "Any",
  key: "Software\\Policies\\Admxkit\\Full",
  valueName: "On",
  enabledList: { items: [{ valueName: "Mode", value: { type: "decimal", value: 1 } }] },
  disabledList: {
    defaultKey: "Software\\Policies\\Admxkit\\Full\\Off",
    items: [{ valueName: "Mode", value: { type: "decimal", value: 0 } }],
  },
  elements: [
    {
      kind: "boolean",
      id: "Check",
      valueName: "Check",
      trueList: { items: [{ valueName: "CheckedToo", value: { type: "decimal", value: 1 } }] },
      falseList: {
        items: [
          { key: "Software\\Policies\\Admxkit\\Other", valueName: "Unchecked", value: { type: "delete" } },
        ],
      },
      control: { type: "checkBox", label },
    },
    {
      kind: "decimal",
      id: "Soft",
      valueName: "Soft",
      soft: true,
      control: { type: "decimalTextBox", label },
    },
    {
      kind: "enum",
      id: "Pick",
      key: "Software\\Policies\\Admxkit\\Pick",
      valueName: "Pick",
      items: [
        { displayName: "Pick_A", value: { type: "decimal", value: 0 } },
        {
          displayName: "Pick_B",
          value: { type: "decimal", value: 1 },
          valueList: { items: [{ valueName: "PickedB", value: { type: "string", value: "yes" } }] },
        },
      ],
      control: { type: "dropdownList", label },
    },
    {
      kind: "list",
      id: "Hosts",
      key: "Software\\Policies\\Admxkit\\Full\\Hosts",
      valuePrefix: "Host",
      control: { type: "listBox", label },
    },
  ],
};

describe("registry writes and the entry explainer", () => {
  it("lists every write of a policy with the part that writes it, in the editor's order", () => {
    expect(
      registryWrites(FULL).map((w) => [
        w.scope,
        w.key.replace("Software\\Policies\\Admxkit\\", ""),
        w.scope === "value" ? w.valueName : "*",
        describeOrigins([w.origin]),
      ]),
    ).toEqual([
      ["value", "Full", "On", "(policy value)"],
      ["value", "Full", "Mode", "(enabledList)"],
      ["value", "Full\\Off", "Mode", "(disabledList)"],
      ["value", "Full", "Check", "Check"],
      ["value", "Full", "CheckedToo", "Check (trueList)"],
      ["value", "Other", "Unchecked", "Check (falseList)"],
      ["value", "Full", "Soft", "Soft"],
      ["value", "Pick", "Pick", "Pick"],
      ["value", "Pick", "PickedB", "Pick (valueList of Pick_B)"],
      ["key", "Full\\Hosts", "*", "Hosts"],
    ]);
  });

  it("explains each entry the compiler writes for the policy, whatever its state", () => {
    const explainer = createEntryExplainer([{ namespace: "Admxkit.Test", policies: [FULL] }]);
    const seen = new Map<string, string>();
    for (const state of statesOf(FULL)) {
      const { entries, diagnostics } = compilePolicy(FULL, state);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      for (const entry of entries) {
        const writers = explainer.explain(entry, "machine");
        expect(writers.map((w) => w.qualifiedName)).toEqual(["Admxkit.Test:Full"]);
        const key = entry.key.replace("Software\\Policies\\Admxkit\\", "");
        seen.set(`${key}: ${entry.valueName}`, describeOrigins(writers[0]!.origins));
      }
    }
    expect(Object.fromEntries(seen)).toEqual({
      "Full: On": "(policy value)",
      "Full: **del.On": "(policy value)",
      "Full: Mode": "(enabledList)",
      "Full\\Off: Mode": "(disabledList)",
      "Full: Check": "Check",
      "Full: **del.Check": "Check",
      "Full: CheckedToo": "Check (trueList)",
      "Other: **del.Unchecked": "Check (falseList)",
      "Full: **soft.Soft": "Soft",
      "Full: **del.Soft": "Soft",
      "Pick: Pick": "Pick",
      "Pick: **del.Pick": "Pick",
      "Pick: PickedB": "Pick (valueList of Pick_B)",
      "Full\\Hosts: **delvals.": "Hosts",
      "Full\\Hosts: Host1": "Hosts",
      "Full\\Hosts: Host2": "Hosts",
    });
  });

  it("groups the parts of one policy that write the same value", () => {
    const both: Policy = {
      ...FULL,
      disabledList: { items: [{ valueName: "Mode", value: { type: "decimal", value: 0 } }] },
    };
    const explainer = createEntryExplainer([{ policies: [both] }]);
    const [writer, ...others] = explainer.explain(szEntry("Software\\Policies\\Admxkit\\Full", "mode", "0"));
    expect(others).toEqual([]);
    expect(describeOrigins(writer!.origins)).toBe("(enabledList), (disabledList)");
  });

  it("compares keys and value names as the registry does, and prefers policies of the file's class", () => {
    const user: Policy = { ...FULL, name: "UserOnly", class: "User", elements: [] };
    const machine: Policy = { ...FULL, name: "MachineOnly", class: "Machine", elements: [] };
    const explainer = createEntryExplainer([{ namespace: "A", policies: [user, machine] }]);
    const entry = szEntry("SOFTWARE\\POLICIES\\ADMXKIT\\FULL", "on", "x");
    expect(explainer.explain(entry, "machine").map((w) => w.qualifiedName)).toEqual(["A:MachineOnly"]);
    expect(explainer.explain(entry, "user").map((w) => w.qualifiedName)).toEqual(["A:UserOnly"]);
    expect(explainer.explain(entry).map((w) => w.qualifiedName)).toEqual(["A:UserOnly", "A:MachineOnly"]);
    // Only the other class writes it: still named, its class shows the mismatch.
    const onlyUser = createEntryExplainer([{ namespace: "A", policies: [user] }]);
    expect(onlyUser.explain(entry, "machine").map((w) => w.policy.class)).toEqual(["User"]);
    expect(onlyUser.explain(szEntry("Software\\Policies\\Admxkit\\Full", "Nope", "x"))).toEqual([]);
  });

  it("keeps one table row per entry when a value name holds a line break", () => {
    const explainer = createEntryExplainer([{ policies: [FULL] }]);
    const entries: PolEntry[] = [
      szEntry("Software\\Policies\\Admxkit\\Full", "a\nb", "x"),
      szEntry("Software\\Policies\\Admxkit\\Full", "On", "x"),
    ];
    const lines = formatExplainedText(explainEntries(entries, explainer)).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain("a\\nb");
    expect(lines[2]).toMatch(/ - +-$/);
    expect(lines[3]).toMatch(/ Full \(Both\) +\(policy value\)$/);
  });

  it("round trip over Windows' own templates: every entry compiled from a policy is explained by it", async () => {
    const store = await readStore(MICROSOFT);
    const explainer = createEntryExplainer(store.templates);
    let checked = 0;
    for (const { policy } of store.policies) {
      for (const state of statesOf(policy)) {
        const { entries, diagnostics } = compilePolicy(policy, state);
        expect(
          diagnostics.filter((d) => d.severity === "error"),
          policy.name,
        ).toEqual([]);
        for (const entry of entries) {
          const cls = policy.class === "User" ? "user" : "machine";
          expect(
            explainer.explain(entry, cls).map((w) => w.policy),
            `${policy.name}: ${entry.valueName}`,
          ).toContain(policy);
          checked++;
        }
      }
    }
    expect(store.policies).toHaveLength(171);
    expect(checked).toBeGreaterThan(500);
  });
});
