import type { Element, ElementKind } from "../../model/types.js";
import type { OptionValue } from "../types.js";
import { booleanHandler } from "./boolean.js";
import { decimalHandler } from "./decimal.js";
import { enumHandler } from "./enum.js";
import type { ElementContext, ElementHandler } from "./handler.js";
import { listHandler } from "./list.js";
import { longDecimalHandler } from "./long-decimal.js";
import { multiTextHandler } from "./multi-text.js";
import { textHandler } from "./text.js";

/**
 * One handler per ADMX element kind. The mapped type makes a new kind in the model a compile error here
 * until it has a handler.
 */
export const ELEMENT_HANDLERS = {
  boolean: booleanHandler,
  decimal: decimalHandler,
  longDecimal: longDecimalHandler,
  text: textHandler,
  multiText: multiTextHandler,
  enum: enumHandler,
  list: listHandler,
} satisfies { [K in ElementKind]: ElementHandler<K> };

// TypeScript cannot correlate `element.kind` with the handler it selects; the map's type guarantees it.
const handlerOf = (element: Element) => ELEMENT_HANDLERS[element.kind] as ElementHandler<ElementKind>;

/** Writes an element of an Enabled policy. */
export function compileEnabledElement(
  element: Element,
  value: OptionValue | undefined,
  context: ElementContext,
): void {
  handlerOf(element).enabled(element as never, value, context);
}

/** Writes an element of a Disabled policy. */
export function compileDisabledElement(element: Element, context: ElementContext): void {
  handlerOf(element).disabled(element as never, context);
}

export type { ElementContext, ElementHandler } from "./handler.js";
