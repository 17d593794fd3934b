import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { OptionValue, PolicyState } from "../../src/compile/index.js";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { admxPayload } from "../../src/intune/admx-payload.js";
import type { Element, Policy } from "../../src/model/types.js";
import { thrownCodes } from "../helpers/compile-kit.js";

/** A Machine policy of one or more elements, the rest of its fields as a template needs them. */
function policyOf(...elements: Element[]): Policy {
  return {
    name: "P",
    class: "Machine",
    displayName: "P",
    explainText: "P_Help",
    key: "Software\\Policies\\Contoso",
    category: "Contoso",
    supportedOn: "SUPPORTED_Any",
    elements,
  };
}

const text = (id: string, more: Partial<Extract<Element, { kind: "text" }>> = {}): Element => ({
  kind: "text",
  id,
  valueName: id,
  control: { type: "textBox", label: id },
  ...more,
});
const decimal = (id: string, more: Partial<Extract<Element, { kind: "decimal" }>> = {}): Element => ({
  kind: "decimal",
  id,
  valueName: id,
  control: { type: "decimalTextBox", label: id },
  ...more,
});
const enabled = (options: Record<string, OptionValue>): PolicyState => ({ state: "enabled", options });

describe("admxPayload: the states", () => {
  it("is <disabled/> for Disabled and empty for Not Configured (a SyncML Delete has no payload)", () => {
    const policy = policyOf(text("T", { required: true }));
    expect(admxPayload(policy, { state: "disabled" })).toBe("<disabled/>");
    expect(admxPayload(policy, { state: "notConfigured" })).toBe("");
  });

  it("is <enabled/> alone for a policy without elements", () => {
    expect(admxPayload({ ...policyOf(), elements: undefined } as Policy, { state: "enabled" })).toBe(
      "<enabled/>",
    );
  });
});

describe("admxPayload: one data element per element, in the ADMX's order", () => {
  it.each<[string, Element, unknown, string]>([
    ["text as is", text("T"), "proxy:8080", "proxy:8080"],
    ["text escaped for XML", text("T"), `a&b<c>"d"`, "a&amp;b&lt;c&gt;&quot;d&quot;"],
    ["decimal as the number", decimal("D", { maxValue: 100000 }), 65535, "65535"],
    [
      "longDecimal beyond 2^53, as the digits",
      {
        kind: "longDecimal",
        id: "L",
        valueName: "L",
        maxValue: "18446744073709551615",
        control: { type: "longDecimalTextBox", label: "L" },
      },
      "18446744073709551615",
      "18446744073709551615",
    ],
    [
      "boolean checked",
      { kind: "boolean", id: "B", valueName: "B", control: { type: "checkBox", label: "B" } },
      true,
      "true",
    ],
    [
      "boolean unchecked",
      { kind: "boolean", id: "B", valueName: "B", control: { type: "checkBox", label: "B" } },
      false,
      "false",
    ],
    [
      "enum: the chosen item's value, named by its string id",
      {
        kind: "enum",
        id: "E",
        valueName: "E",
        items: [
          { displayName: "Low", value: { type: "decimal", value: 10 } },
          { displayName: "High", value: { type: "decimal", value: 20 } },
        ],
        control: { type: "dropdownList", label: "E" },
      },
      "High",
      "20",
    ],
    [
      "enum: a text item's value",
      {
        kind: "enum",
        id: "E",
        valueName: "E",
        items: [
          { displayName: "Auto", value: { type: "string", value: "auto" } },
          { displayName: "Off", value: { type: "string", value: "off" } },
        ],
        control: { type: "dropdownList", label: "E" },
      },
      "Auto",
      "auto",
    ],
    [
      "multiText: the strings joined by U+F000",
      { kind: "multiText", id: "M", valueName: "M", control: { type: "multiTextBox", label: "M" } },
      ["a.exe", "b & c.exe"],
      "a.exe&#xF000;b &amp; c.exe",
    ],
    [
      "list without valuePrefix: each entry as name and data",
      { kind: "list", id: "L", control: { type: "listBox", label: "L" } },
      ["http://a", "http://b"],
      "http://a&#xF000;http://a&#xF000;http://b&#xF000;http://b",
    ],
    [
      "list with valuePrefix: the numbered names",
      { kind: "list", id: "L", valuePrefix: "Site", control: { type: "listBox", label: "L" } },
      ["x", "y"],
      "Site1&#xF000;x&#xF000;Site2&#xF000;y",
    ],
    [
      "list with explicitValue: the given names",
      { kind: "list", id: "L", explicitValue: true, control: { type: "listBox", label: "L" } },
      { "*.contoso.com": "1", intranet: "2" },
      "*.contoso.com&#xF000;1&#xF000;intranet&#xF000;2",
    ],
  ])("%s", (_name, element, option, value) => {
    const payload = admxPayload(policyOf(element), enabled({ [element.id]: option as never }));
    expect(payload).toBe(`<enabled/><data id="${element.id}" value="${value}"/>`);
    expect(XMLValidator.validate(`<payload>${payload}</payload>`)).toBe(true);
  });

  it("keeps the ADMX's element order, whatever the values file's order", () => {
    const policy = policyOf(text("First"), decimal("Second"));
    expect(admxPayload(policy, enabled({ Second: 2, First: "one" }))).toBe(
      '<enabled/><data id="First" value="one"/><data id="Second" value="2"/>',
    );
  });
});

describe("admxPayload: every element supplied, as the compiler fills them in", () => {
  it("takes the defaults of options the values file leaves out", () => {
    const policy = policyOf(
      text("T", { control: { type: "textBox", label: "T", defaultValue: "fallback" } }),
      decimal("D", { control: { type: "decimalTextBox", label: "D", defaultValue: 30 } }),
      {
        kind: "boolean",
        id: "B",
        valueName: "B",
        control: { type: "checkBox", label: "B", defaultChecked: true },
      },
      {
        kind: "enum",
        id: "E",
        valueName: "E",
        items: [
          { displayName: "A", value: { type: "decimal", value: 0 } },
          { displayName: "B", value: { type: "decimal", value: 1 } },
        ],
        control: { type: "dropdownList", label: "E", defaultItem: 1 },
      },
      { kind: "multiText", id: "M", valueName: "M", control: { type: "multiTextBox", label: "M" } },
      { kind: "list", id: "L", control: { type: "listBox", label: "L" } },
      text("Empty"),
    );
    expect(admxPayload(policy, { state: "enabled" })).toBe(
      "<enabled/>" +
        '<data id="T" value="fallback"/><data id="D" value="30"/><data id="B" value="true"/>' +
        '<data id="E" value="1"/><data id="M" value=""/><data id="L" value=""/><data id="Empty" value=""/>',
    );
  });

  it("refuses an element with neither an option nor a default, naming it", () => {
    const policy = policyOf(text("T"), decimal("Interval"));
    let error: AdmxkitError | undefined;
    try {
      admxPayload(policy, enabled({ T: "x" }), { file: "v.json", path: ["machine", "P"] });
    } catch (e) {
      error = e as AdmxkitError;
    }
    expect(error?.diagnostics).toMatchObject([
      {
        code: "MDM_PAYLOAD_NO_VALUE",
        params: { policy: "P", option: "Interval" },
        file: "v.json",
        path: ["machine", "P", "options", "Interval"],
      },
    ]);
    expect(error?.message).toContain("Interval");
  });
});

describe("admxPayload: refusals", () => {
  it("refuses what the compiler refuses, with its diagnostics", () => {
    const policy = policyOf(decimal("D", { maxValue: 10 }));
    expect(thrownCodes(() => admxPayload(policy, enabled({ D: 11 })))).toEqual(["OPTION_OUT_OF_RANGE"]);
    expect(thrownCodes(() => admxPayload(policy, enabled({ Dx: 1 })))).toContain("OPTION_UNKNOWN");
  });

  it("refuses an entry holding U+F000, which would split it in two on the device", () => {
    const policy = policyOf({
      kind: "multiText",
      id: "M",
      valueName: "M",
      control: { type: "multiTextBox", label: "M" },
    });
    expect(thrownCodes(() => admxPayload(policy, enabled({ M: ["a\uf000b"] })))).toEqual([
      "MDM_PAYLOAD_SEPARATOR",
    ]);
  });

  it("refuses a character XML cannot carry", () => {
    expect(thrownCodes(() => admxPayload(policyOf(text("T")), enabled({ T: "a\u0001b" })))).toEqual([
      "MDM_PAYLOAD_NOT_XML",
    ]);
  });
});
