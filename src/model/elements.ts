import { z } from "zod";
import type { ElementKind } from "./controls.js";
import { IdSchema, RegistryKeySchema, StringIdSchema, ValueNameSchema } from "./primitives.js";
import { RegistryValueSchema, UInt32Schema, UInt64Schema, ValueListSchema } from "./values.js";

/**
 * Named checks a bundle can put on a text element, beyond what ADMX itself can express. The compiler
 * runs them on option values (see src/values/formats.ts); the Group Policy editor cannot.
 */
export const TEXT_FORMATS = ["hostPort", "proxyUrl", "httpUrl", "proxyBypass"] as const;

const label = StringIdSchema.describe("Catalog key of the control's label");

/** Fields every element that writes one registry value shares. */
const valueElement = {
  id: IdSchema,
  key: RegistryKeySchema.optional().describe("Overrides the policy's key for this element"),
  valueName: ValueNameSchema,
};

export const BooleanElementSchema = z.strictObject({
  kind: z.literal("boolean"),
  ...valueElement,
  trueValue: RegistryValueSchema.optional(),
  falseValue: RegistryValueSchema.optional(),
  trueList: ValueListSchema.optional(),
  falseList: ValueListSchema.optional(),
  control: z.strictObject({
    type: z.literal("checkBox"),
    label,
    defaultChecked: z.boolean().optional(),
  }),
});

const numberControl = <T extends "decimalTextBox" | "longDecimalTextBox">(type: T) =>
  z.strictObject({
    type: z.literal(type),
    label,
    // The schema types the default and the step of both boxes as unsignedInt.
    defaultValue: UInt32Schema.optional(),
    spin: z.boolean().optional(),
    spinStep: UInt32Schema.min(1).optional(),
  });

export const DecimalElementSchema = z.strictObject({
  kind: z.literal("decimal"),
  ...valueElement,
  required: z.boolean().optional(),
  minValue: UInt32Schema.optional(),
  maxValue: UInt32Schema.optional().describe("Defaults to 9999 in the Group Policy editor when absent"),
  storeAsText: z.boolean().optional(),
  soft: z.boolean().optional(),
  control: numberControl("decimalTextBox"),
});

export const LongDecimalElementSchema = z.strictObject({
  kind: z.literal("longDecimal"),
  ...valueElement,
  required: z.boolean().optional(),
  minValue: UInt64Schema.optional(),
  maxValue: UInt64Schema.optional().describe("Defaults to 9999 in the Group Policy editor when absent"),
  storeAsText: z.boolean().optional(),
  soft: z.boolean().optional(),
  control: numberControl("longDecimalTextBox"),
});

export const TextElementSchema = z.strictObject({
  kind: z.literal("text"),
  ...valueElement,
  required: z.boolean().optional(),
  maxLength: UInt32Schema.min(1).optional().describe("Defaults to 1023 in the Group Policy editor"),
  expandable: z.boolean().optional(),
  soft: z.boolean().optional(),
  format: z.enum(TEXT_FORMATS).optional(),
  control: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("textBox"), label, defaultValue: z.string().optional() }),
    z.strictObject({
      type: z.literal("comboBox"),
      label,
      defaultValue: z.string().optional(),
      suggestions: z.array(z.string()).optional(),
      noSort: z.boolean().optional(),
    }),
  ]),
});

export const MultiTextElementSchema = z.strictObject({
  kind: z.literal("multiText"),
  ...valueElement,
  required: z.boolean().optional(),
  maxLength: UInt32Schema.min(1).optional(),
  maxStrings: UInt32Schema.optional(),
  soft: z.boolean().optional(),
  control: z.strictObject({
    type: z.literal("multiTextBox"),
    label,
    defaultHeight: UInt32Schema.min(1).optional(),
    showAsDialog: z.boolean().optional(),
  }),
});

export const EnumItemSchema = z.strictObject({
  displayName: StringIdSchema,
  value: RegistryValueSchema,
  valueList: ValueListSchema.optional(),
});

export const EnumElementSchema = z.strictObject({
  kind: z.literal("enum"),
  ...valueElement,
  required: z.boolean().optional(),
  soft: z.boolean().optional(),
  items: z.array(EnumItemSchema).min(1),
  control: z.strictObject({
    type: z.literal("dropdownList"),
    label,
    defaultItem: UInt32Schema.optional().describe("Index of the item selected by default"),
    noSort: z.boolean().optional(),
  }),
});

export const ListElementSchema = z.strictObject({
  kind: z.literal("list"),
  id: IdSchema,
  key: RegistryKeySchema.optional().describe("The key whose values the list writes (default: the policy's)"),
  valuePrefix: z.string().max(200).optional(),
  additive: z.boolean().optional(),
  expandable: z.boolean().optional(),
  explicitValue: z.boolean().optional(),
  control: z.strictObject({ type: z.literal("listBox"), label }),
});

/** Every ADMX element kind, discriminated by `kind` (the ADMX element name). */
export const ElementSchema = z.discriminatedUnion("kind", [
  BooleanElementSchema,
  DecimalElementSchema,
  LongDecimalElementSchema,
  TextElementSchema,
  MultiTextElementSchema,
  EnumElementSchema,
  ListElementSchema,
]);

export { CONTROLS_BY_KIND, controlFits } from "./controls.js";

// The zod-free kind list of controls.ts names exactly the schema's kinds.
type SchemaKind = z.infer<typeof ElementSchema>["kind"];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<SchemaKind, ElementKind> = true;
void kindsAgree;
