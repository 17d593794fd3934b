import type { z } from "zod";
import type { BundleSchema, NamespaceBindingSchema } from "./bundle.js";
import type {
  BooleanElementSchema,
  DecimalElementSchema,
  ElementSchema,
  EnumElementSchema,
  EnumItemSchema,
  ListElementSchema,
  LongDecimalElementSchema,
  MultiTextElementSchema,
  TextElementSchema,
} from "./elements.js";
import type {
  CategorySchema,
  IntuneRouteSchema,
  PolicySchema,
  ProductSchema,
  SupportedOnConditionSchema,
  SupportedOnDefinitionSchema,
} from "./policy.js";
import type { RegistryValueSchema, ValueItemSchema, ValueListSchema } from "./values.js";

/** A validated bundle. Treat it as read-only: writers and the compiler are pure functions of it. */
export type Bundle = z.infer<typeof BundleSchema>;
/** What a consumer writes: the input side of {@link BundleSchema}. */
export type BundleInput = z.input<typeof BundleSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type IntuneRoute = z.infer<typeof IntuneRouteSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type SupportedOnDefinition = z.infer<typeof SupportedOnDefinitionSchema>;
export type SupportedOnCondition = z.infer<typeof SupportedOnConditionSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type NamespaceBinding = z.infer<typeof NamespaceBindingSchema>;
export type Element = z.infer<typeof ElementSchema>;
export type ElementKind = Element["kind"];
export type BooleanElement = z.infer<typeof BooleanElementSchema>;
export type DecimalElement = z.infer<typeof DecimalElementSchema>;
export type LongDecimalElement = z.infer<typeof LongDecimalElementSchema>;
export type TextElement = z.infer<typeof TextElementSchema>;
export type MultiTextElement = z.infer<typeof MultiTextElementSchema>;
export type EnumElement = z.infer<typeof EnumElementSchema>;
export type EnumItem = z.infer<typeof EnumItemSchema>;
export type ListElement = z.infer<typeof ListElementSchema>;
export type Control = Element["control"];
export type RegistryValue = z.infer<typeof RegistryValueSchema>;
export type ValueItem = z.infer<typeof ValueItemSchema>;
export type ValueList = z.infer<typeof ValueListSchema>;
/** The two Registry.pol files of a GPO: Machine (HKLM) and User (HKCU), as values files name them. */
export type PolicyClassName = "machine" | "user";
/** An element of a given kind. */
export type ElementOf<K extends ElementKind> = Extract<Element, { kind: K }>;
