/**
 * Which presentation control shows which element kind. Its own module, without zod, so that the readers
 * and the linter (`admxkit validate`) use it without loading the model's schemas.
 */

/** The ADMX element kinds of the model (`ElementSchema`'s `kind`; model/elements.ts checks they agree). */
export type ElementKind = "boolean" | "decimal" | "longDecimal" | "text" | "multiText" | "enum" | "list";

/** The presentation control each element kind accepts; ADMX and ADML writers and the linter share it. */
export const CONTROLS_BY_KIND = {
  boolean: ["checkBox"],
  decimal: ["decimalTextBox"],
  longDecimal: ["longDecimalTextBox"],
  text: ["textBox", "comboBox"],
  multiText: ["multiTextBox"],
  enum: ["dropdownList"],
  list: ["listBox"],
} as const satisfies Record<ElementKind, readonly string[]>;

/**
 * True when a control type may present an element kind ({@link CONTROLS_BY_KIND}). `type` is a string
 * because templates read from a store may name any control; the editor shows a mismatched one blank.
 */
export function controlFits(kind: ElementKind, type: string): boolean {
  return (CONTROLS_BY_KIND[kind] as readonly string[]).includes(type);
}
