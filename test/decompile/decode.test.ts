/**
 * The decoder on small bundles: each element kind read back, the choice between states, and what it
 * reports when entries cannot be attributed (partial, ambiguous, other class, unexplained, written twice).
 */
import { describe, expect, it } from "vitest";
import { compilePolicy, compileValues, type OptionValue } from "../../src/compile/index.js";
import { createValuesDecoder, decodeValues } from "../../src/decompile/index.js";
import type { Element, Policy } from "../../src/model/types.js";
import { value } from "../../src/model/values.js";
import { dwordEntry, encodePol, szEntry, type PolEntry } from "../../src/pol/index.js";
import { KEY, onePolicy, testBundle } from "../helpers/compile-kit.js";

/** A count of entries as the messages carry it (worded "1 entry", "2 entries"). */
const entryCount = (count: number) => ({ counted: "COUNT_ENTRY", count });

const control = (type: string) => ({ type, label: "L" }) as never;

const ELEMENTS: Element[] = [
  {
    kind: "boolean",
    id: "Check",
    valueName: "Check",
    trueValue: value.string("yes"),
    falseValue: value.string("no"),
    trueList: { items: [{ valueName: "CheckList", value: value.decimal(7) }] },
    control: control("checkBox"),
  },
  { kind: "boolean", id: "Plain", valueName: "Plain", control: control("checkBox") },
  { kind: "decimal", id: "Num", valueName: "Num", maxValue: 100_000, control: control("decimalTextBox") },
  {
    kind: "decimal",
    id: "Digits",
    valueName: "Digits",
    storeAsText: true,
    control: control("decimalTextBox"),
  },
  {
    kind: "longDecimal",
    id: "Big",
    valueName: "Big",
    maxValue: "18446744073709551615",
    control: control("longDecimalTextBox"),
  },
  { kind: "text", id: "Text", valueName: "Text", control: control("textBox") },
  { kind: "text", id: "Path", valueName: "Path", expandable: true, soft: true, control: control("textBox") },
  { kind: "multiText", id: "Lines", valueName: "Lines", control: control("multiTextBox") },
  {
    kind: "enum",
    id: "Mode",
    valueName: "Mode",
    items: [
      { displayName: "Mode_Off", value: value.decimal(0) },
      {
        displayName: "Mode_On",
        value: value.decimal(1),
        valueList: { items: [{ valueName: "ModeOn", value: value.decimal(1) }] },
      },
      { displayName: "Mode_Gone", value: value.delete() },
    ],
    control: control("dropdownList"),
  },
  { kind: "list", id: "Named", key: `${KEY}\\Named`, explicitValue: true, control: control("listBox") },
  { kind: "list", id: "Numbered", key: `${KEY}\\Numbered`, valuePrefix: "Site", control: control("listBox") },
  { kind: "list", id: "Same", key: `${KEY}\\Same`, expandable: true, control: control("listBox") },
];

const big = onePolicy({ name: "Big", valueName: "On", elements: ELEMENTS });

function decodeOne(policies: readonly Policy[], entries: readonly PolEntry[]) {
  return decodeValues(policies, { machine: entries });
}

function enabled(policy: Policy, options: Record<string, OptionValue>): PolEntry[] {
  const result = compilePolicy(policy, { state: "enabled", options });
  expect(result.diagnostics).toEqual([]);
  return result.entries;
}

describe("decoding one policy", () => {
  it.each([
    [
      "every option set",
      {
        Check: true,
        Plain: true,
        Num: 70_000,
        Digits: 12,
        Big: "18446744073709551615",
        Text: "hello",
        Path: "%ProgramFiles%\\x",
        Lines: ["a", "b"],
        Mode: "Mode_On",
        Named: { Alpha: "1", beta: "2" },
        Numbered: ["x.example", "y.example"],
        Same: ["%TEMP%", "c:\\"],
      },
    ],
    [
      "unchecked boxes, the delete item, empty lists",
      { Check: false, Plain: false, Mode: "Mode_Gone", Named: {}, Numbered: [], Same: [] },
    ],
  ])("reads back an Enabled state with %s", (_, options) => {
    const entries = enabled(big, options);
    const { values, diagnostics } = decodeOne([big], entries);
    expect(diagnostics).toEqual([]);
    const decoded = values.machine!.Big!;
    expect(decoded.state).toBe("enabled");
    // Options left out come back as the values the compiler wrote for them (their defaults).
    expect(decoded.options).toMatchObject(options);
    expect(encodePol(compileValues([big], values, "machine").entries)).toEqual(encodePol(entries));
  });

  it("reads Disabled, and names an enum item by index when two items share its id", () => {
    const policy = onePolicy({
      name: "Twins",
      elements: [
        {
          kind: "enum",
          id: "E",
          valueName: "E",
          items: [
            { displayName: "Same", value: value.decimal(1) },
            { displayName: "Same", value: value.decimal(2) },
          ],
          control: control("dropdownList"),
        },
      ],
    });
    expect(decodeOne([policy], enabled(policy, { E: 1 })).values.machine).toEqual({
      Twins: { state: "enabled", options: { E: 1 } },
    });
    const disabled = compilePolicy(policy, { state: "disabled" }).entries;
    expect(decodeOne([policy], disabled).values.machine).toEqual({ Twins: { state: "disabled" } });
  });

  it("reads an item whose value list deletes the item's own value by that deletion (Bits.admx's Custom)", () => {
    // As in Bits.admx: "Custom" writes 255 and then deletes the value, so the file holds `**del.` only;
    // "Always" writes 255 too, but that one is not in the file.
    const deletesOwn = { items: [{ valueName: "Level", value: value.delete() }] };
    const policy = onePolicy({
      name: "Costed",
      elements: [
        {
          kind: "enum",
          id: "Level",
          valueName: "Level",
          items: [
            { displayName: "Always", value: value.decimal(255) },
            { displayName: "Custom", value: value.decimal(255), valueList: deletesOwn },
          ],
          control: control("dropdownList"),
        },
        { kind: "decimal", id: "Custom", valueName: "LevelCustom", control: control("decimalTextBox") },
        {
          kind: "boolean",
          id: "Flag",
          valueName: "Flag",
          trueList: { items: [{ valueName: "Flag", value: value.decimal(2) }] },
          control: control("checkBox"),
        },
      ],
    });
    for (const options of [
      { Level: "Custom", Custom: 7, Flag: true },
      { Level: "Always", Custom: 7, Flag: false },
    ]) {
      const entries = enabled(policy, options);
      const result = decodeOne([policy], entries);
      expect(result.diagnostics).toEqual([]);
      expect(result.values).toEqual({ machine: { Costed: { state: "enabled", options } } });
      expect(encodePol(compileValues([policy], result.values, "machine").entries)).toEqual(
        encodePol(entries),
      );
    }
    // The check box's true list rewrites its own value: checked is DWORD 2 there, not the 1 it wrote first.
    expect(
      enabled(policy, { Level: "Always", Flag: true }).find((e) => e.valueName === "Flag")?.data,
    ).toEqual(Uint8Array.of(2, 0, 0, 0));
  });

  it("reads Disabled where Enabled and Disabled write the same entries (an unchecked box with falseValue)", () => {
    const policy = onePolicy({
      name: "Box",
      elements: [
        {
          kind: "boolean",
          id: "B",
          valueName: "B",
          falseValue: value.decimal(0),
          control: control("checkBox"),
        },
      ],
    });
    const entries = enabled(policy, { B: false });
    expect(entries).toEqual(compilePolicy(policy, { state: "disabled" }).entries);
    expect(decodeOne([policy], entries).values.machine).toEqual({ Box: { state: "disabled" } });
  });
});

describe("what cannot be attributed stays raw, with the reason", () => {
  const simple = onePolicy({
    name: "Proxy",
    valueName: "On",
    elements: [
      { kind: "text", id: "Server", valueName: "Server", control: control("textBox") },
      { kind: "decimal", id: "Port", valueName: "Port", control: control("decimalTextBox") },
    ],
  });

  it("partial: the policy's own value is missing", () => {
    const entries = enabled(simple, { Server: "proxy", Port: 8080 }).filter((e) => e.valueName !== "On");
    const result = decodeOne([simple], entries);
    expect(result.values.machine).toEqual({});
    expect(result.values.registry?.machine).toHaveLength(2);
    expect(result.diagnostics.map((d) => [d.code, d.params])).toEqual([
      [
        "VALUES_FROM_PARTIAL_MISSING",
        {
          policy: "Proxy",
          state: "enabled",
          count: entryCount(2),
          value: `${KEY}\\On`,
          expected: "REG_DWORD 1",
        },
      ],
    ]);
    expect(encodePol(compileValues([simple], result.values, "machine").entries)).toEqual(encodePol(entries));
  });

  it("partial: a value holds other data than any state writes", () => {
    const entries = [dwordEntry(KEY, "On", 2)];
    const result = decodeOne([simple], entries);
    expect(result.diagnostics[0]).toMatchObject({
      code: "VALUES_FROM_PARTIAL_DIFFERENT",
      params: { value: `${KEY}\\On`, expected: "REG_DWORD 1", found: "REG_DWORD 2" },
    });
  });

  it("ambiguous: two policies write the same entries; subsumed: one explains a part of another's", () => {
    const [a, b, c] = testBundle(
      { name: "A", valueName: "On" },
      { name: "B", valueName: "On" },
      { name: "C", valueName: "Other" },
    ).policies;
    const same = decodeOne([a!, b!], [dwordEntry(KEY, "On", 1)]);
    expect(same.values.machine).toEqual({});
    expect(same.diagnostics.map((d) => [d.code, d.params.policies])).toEqual([
      ["VALUES_FROM_AMBIGUOUS", "A, B"],
    ]);
    const wide = onePolicy({
      name: "Wide",
      valueName: "Other",
      enabledList: { items: [{ valueName: "More", value: value.decimal(1) }] },
    });
    const sub = decodeOne([c!, wide], [dwordEntry(KEY, "Other", 1), dwordEntry(KEY, "More", 1)]);
    expect(sub.values.machine).toEqual({ Wide: { state: "enabled" } });
    expect(sub.diagnostics.map((d) => [d.code, d.severity, d.params])).toEqual([
      ["VALUES_FROM_SUBSUMED", "info", { policy: "C", by: "Wide" }],
    ]);
  });

  it("another class, no policy at all, a value written twice", () => {
    const user = onePolicy({ name: "U", class: "User", valueName: "UserOn" });
    const entries = [
      dwordEntry(KEY, "UserOn", 1),
      szEntry(`${KEY}\\Else`, "x", "1"),
      szEntry(`${KEY}\\Else`, "y", "1"),
      dwordEntry(KEY, "Twice", 1),
      dwordEntry(KEY, "TWICE", 2),
    ];
    const result = decodeOne([user], entries);
    expect(result.values.registry?.machine).toHaveLength(5);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.params])).toEqual([
      ["VALUES_FROM_DUPLICATE", "warning", { key: KEY, valueName: "Twice", count: 2 }],
      [
        "VALUES_FROM_OTHER_CLASS",
        "warning",
        { policy: "U", admxClass: "User", section: "machine", count: entryCount(1) },
      ],
      [
        "VALUES_FROM_UNEXPLAINED",
        "info",
        { key: `${KEY}\\Else`, count: entryCount(2), source: "the templates given" },
      ],
      ["VALUES_FROM_UNEXPLAINED", "info", { key: KEY, count: entryCount(2), source: "the templates given" }],
    ]);
  });

  it("leaves out values a later **delvals. of their key undoes (the editor never writes them)", () => {
    const list = onePolicy({
      name: "Sites",
      elements: [{ kind: "list", id: "L", valuePrefix: "", control: control("listBox") }],
    });
    const listed = enabled(list, { L: ["a.example"] });
    const entries = [szEntry(KEY, "Stale", "x"), ...listed];
    const result = decodeOne([list], entries);
    expect(result.values.machine).toEqual({ Sites: { state: "enabled", options: { L: ["a.example"] } } });
    expect(result.diagnostics.map((d) => [d.code, d.params])).toEqual([
      ["VALUES_FROM_UNDONE", { key: KEY, count: entryCount(1) }],
    ]);
    // Positions are those of the file as given.
    expect(result.policies[0]!.claimed).toEqual([1, 2]);
  });

  it("refuses names a values file cannot carry (control characters)", () => {
    const result = decodeOne([simple], [dwordEntry(KEY, "bad\u001b[2J", 1)]);
    expect(result.diagnostics.find((d) => d.severity === "error")).toMatchObject({
      code: "VALUES_FROM_CONTROL_CHARACTER",
      params: { field: "valueName", character: "U+001B (ESC)" },
    });
  });
});

describe("the values file it writes", () => {
  it("orders policies so that every key gets its values back in the file's order", () => {
    const [a, b] = testBundle(
      {
        name: "A",
        valueName: "a1",
        elements: [
          {
            kind: "decimal",
            id: "D",
            key: `${KEY}\\Sub`,
            valueName: "a2",
            control: control("decimalTextBox"),
          },
        ],
      },
      { name: "B", key: `${KEY}\\Sub`, valueName: "b" },
    ).policies;
    // B set first: in Sub its value comes before A's, although A's first entry (in KEY) is earlier.
    const original = compileValues(
      [a!, b!],
      { machine: { B: { state: "enabled" }, A: { state: "enabled", options: { D: 5 } } } },
      "machine",
    ).entries;
    expect(original.map((e) => e.valueName)).toEqual(["a1", "b", "a2"]);
    const { values } = decodeOne([a!, b!], original);
    expect(Object.keys(values.machine!)).toEqual(["B", "A"]);
    expect(encodePol(compileValues([a!, b!], values, "machine").entries)).toEqual(encodePol(original));
  });

  it("qualifies a name two namespaces share, and gives both classes from one decoder", () => {
    const one = { namespace: "Contoso.One", policies: [onePolicy({ name: "Same", valueName: "One" })] };
    const two = {
      namespace: "Contoso.Two",
      policies: [onePolicy({ name: "Same", class: "Both", valueName: "Two" })],
    };
    const decoder = createValuesDecoder([one, two]);
    const result = decoder.decode({
      machine: [dwordEntry(KEY, "One", 1)],
      user: [dwordEntry(KEY, "Two", 1)],
    });
    expect(result.values).toEqual({
      machine: { "Contoso.One:Same": { state: "enabled" } },
      user: { "Contoso.Two:Same": { state: "enabled" } },
    });
    expect(result.policies.map((p) => [p.policyClass, p.name])).toEqual([
      ["machine", "Contoso.One:Same"],
      ["user", "Contoso.Two:Same"],
    ]);
  });
});

describe("a GPO saved with older templates: element values the file lacks", () => {
  const proxy = onePolicy({
    name: "Proxy",
    valueName: "On",
    elements: [
      { kind: "text", id: "Server", valueName: "Server", control: control("textBox") },
      { kind: "decimal", id: "Port", valueName: "Port", control: control("decimalTextBox") },
    ],
  });

  it("decodes the state its own value says, with the options found, and names the missing values", () => {
    const entries = enabled(proxy, { Server: "proxy", Port: 8080 }).filter((e) => e.valueName !== "Server");
    const result = decodeOne([proxy], entries);
    expect(result.values).toEqual({ machine: { Proxy: { state: "enabled", options: { Port: 8080 } } } });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.params])).toEqual([
      [
        "VALUES_FROM_OLDER_TEMPLATE",
        "warning",
        { policy: "Proxy", state: "enabled", count: 1, values: `${KEY}\\Server (REG_SZ "")` },
      ],
    ]);
    // Compiling writes the state as the current template has it: the file's entries and the missing one.
    const back = compileValues([proxy], result.values, "machine").entries;
    expect(back.map((e) => e.valueName)).toEqual(["On", "Server", "Port"]);
  });

  it("reads Disabled from the policy's value when a **del. of a newer element is missing", () => {
    const entries = compilePolicy(proxy, { state: "disabled" }).entries.filter(
      (e) => e.valueName !== "**del.Port",
    );
    const result = decodeOne([proxy], entries);
    expect(result.values.machine).toEqual({ Proxy: { state: "disabled" } });
    expect(result.diagnostics[0]).toMatchObject({
      code: "VALUES_FROM_OLDER_TEMPLATE",
      params: { state: "disabled", values: `${KEY}\\**del.Port (REG_SZ " ")` },
    });
  });

  it("stays raw when an element value is there with other data, and yields to a policy that matches in full", () => {
    // Port as text: the file holds the element's value, but not as any state writes it.
    const result = decodeOne([proxy], [dwordEntry(KEY, "On", 1), szEntry(KEY, "Port", "x")]);
    expect(result.values.machine).toEqual({});
    expect(result.diagnostics.map((d) => d.code)).toEqual(["VALUES_FROM_PARTIAL_MISSING"]);
    // A policy that writes On alone explains the file in full; Proxy's older reading does not compete.
    const [alone] = testBundle({ name: "OnAlone", valueName: "On" }).policies;
    const full = decodeOne([alone!, proxy], [dwordEntry(KEY, "On", 1)]);
    expect(full.values.machine).toEqual({ OnAlone: { state: "enabled" } });
    expect(full.diagnostics).toEqual([]);
  });
});

describe("alike policies of two templates: the template the file already uses decides", () => {
  const alike = (namespace: string, ...names: string[]) => ({
    namespace,
    policies: names.map((name) =>
      onePolicy({ name, valueName: name === "Shared" ? "Shared" : `${namespace}.${name}` }),
    ),
  });
  // Two copies of one template (an x86 and an x64 build, an older and a newer version): "Shared" is in
  // both and writes the same value; each also has a policy of its own.
  const x86 = alike("Contoso.X86", "Shared", "OnlyX86");
  const x64 = alike("Contoso.X64", "Shared", "OnlyX64");

  it("decodes the copy of the template whose other policy the file holds", () => {
    const result = decodeValues([x86, x64], {
      machine: [dwordEntry(KEY, "Shared", 1), dwordEntry(KEY, "Contoso.X64.OnlyX64", 1)],
    });
    expect(result.values).toEqual({
      machine: { "Contoso.X64:Shared": { state: "enabled" }, OnlyX64: { state: "enabled" } },
    });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.params])).toEqual([
      [
        "VALUES_FROM_PREFERRED_TEMPLATE",
        "info",
        { policy: "Contoso.X64:Shared", template: "Contoso.X64", others: "Contoso.X86:Shared" },
      ],
    ]);
  });

  it("stays raw when nothing decides: no other policy, or policies of both copies", () => {
    for (const extra of [
      [],
      [dwordEntry(KEY, "Contoso.X86.OnlyX86", 1), dwordEntry(KEY, "Contoso.X64.OnlyX64", 1)],
    ]) {
      const result = decodeValues([x86, x64], { machine: [dwordEntry(KEY, "Shared", 1), ...extra] });
      expect(result.values.registry?.machine).toHaveLength(1);
      expect(result.diagnostics.map((d) => d.code)).toEqual(["VALUES_FROM_AMBIGUOUS"]);
    }
  });
});
