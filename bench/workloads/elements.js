/**
 * One generator per ADMX element kind (and per presentation control: text has two), for the generated
 * bundles of the benchmarks. Each takes the element id, the seeded random source and the policy's key.
 */

/** A registry value `decimal`. */
export const decimal = (n) => ({ type: "decimal", value: n });

/** The seven element kinds and their controls; a policy takes a few of them in turn. */
export const ELEMENT_MAKERS = [
  (id, random) => ({
    kind: "boolean",
    id,
    valueName: id,
    trueValue: decimal(1),
    falseValue: decimal(0),
    control: { type: "checkBox", label: `${id}_Label`, defaultChecked: random.next() < 0.5 },
  }),
  (id, random) => ({
    kind: "decimal",
    id,
    valueName: id,
    required: true,
    minValue: 1,
    maxValue: random.int(100, 100000),
    control: { type: "decimalTextBox", label: `${id}_Label`, defaultValue: 10, spinStep: 5 },
  }),
  (id) => ({
    kind: "longDecimal",
    id,
    valueName: id,
    maxValue: "1099511627776",
    storeAsText: true,
    control: { type: "longDecimalTextBox", label: `${id}_Label`, spin: false },
  }),
  (id, random) => ({
    kind: "text",
    id,
    valueName: id,
    maxLength: 255,
    expandable: random.next() < 0.3,
    control: { type: "textBox", label: `${id}_Label`, defaultValue: "contoso.example" },
  }),
  (id) => ({
    kind: "text",
    id,
    valueName: id,
    control: {
      type: "comboBox",
      label: `${id}_Label`,
      defaultValue: "a.example",
      suggestions: ["a.example", "b.example", "c.example"],
    },
  }),
  (id) => ({
    kind: "multiText",
    id,
    valueName: id,
    maxStrings: 50,
    control: { type: "multiTextBox", label: `${id}_Label`, defaultHeight: 4 },
  }),
  (id, random) => ({
    kind: "enum",
    id,
    valueName: id,
    required: true,
    items: Array.from({ length: random.int(2, 5) }, (_, i) => ({
      displayName: `${id}_Item${i}`,
      value: i === 4 ? { type: "delete" } : decimal(i),
      ...(i === 1
        ? { valueList: { items: [{ valueName: `${id}Extra`, value: { type: "string", value: "on" } }] } }
        : {}),
    })),
    control: { type: "dropdownList", label: `${id}_Label`, defaultItem: 0 },
  }),
  (id, random, key) => ({
    kind: "list",
    id,
    key: `${key}\\${id}`,
    ...(random.next() < 0.5 ? { valuePrefix: "Item" } : { explicitValue: true, additive: true }),
    control: { type: "listBox", label: `${id}_Label` },
  }),
];

/** Every catalog key an element uses, for both catalogs. */
export function elementStrings(element) {
  const keys = [element.control.label];
  if (element.kind === "enum") keys.push(...element.items.map((item) => item.displayName));
  return keys;
}
