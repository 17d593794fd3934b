import type { XmlElement } from "./tree.js";

/** XSD `whiteSpace="collapse"`: trim, and runs of white space become one space. */
export function collapse(value: string): string {
  // Most values are already collapsed: test before building a new string.
  return /[\t\n\r]|^ | $|  /.test(value) ? value.replace(/[\t\n\r ]+/g, " ").trim() : value;
}

/** The child elements, optionally only those with a local name. */
export function children(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of element.children)
    if (c.kind === "element" && (name === undefined || c.local === name)) out.push(c);
  return out;
}

/** The first child element with a local name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  for (const c of element.children) if (c.kind === "element" && c.local === name) return c;
  return undefined;
}

/** An unprefixed attribute's value. */
export function attr(element: XmlElement, name: string): string | undefined {
  for (const a of element.attributes) if (a.ns === undefined && a.local === name) return a.value;
  return undefined;
}

/** The element's text: its text and CDATA children joined. */
export function textOf(element: XmlElement): string {
  const nodes = element.children;
  if (nodes.length === 1 && nodes[0]!.kind === "text") return nodes[0]!.text;
  let text = "";
  for (const c of nodes) if (c.kind === "text") text += c.text;
  return text;
}

/**
 * An xs:boolean attribute as the model keeps it: only a non-default value is stored, as the writers
 * only write non-default values. `defaultValue` is the schema default (false for all but `spin`).
 */
export function flagAttr(element: XmlElement, name: string, defaultValue = false): boolean | undefined {
  const raw = attr(element, name);
  if (raw === undefined) return undefined;
  const v = collapse(raw);
  const on = v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : undefined;
  return on === undefined || on === defaultValue ? undefined : on;
}

/** An xs:unsignedInt attribute as a number, or undefined when absent or invalid. */
export function uintAttr(element: XmlElement, name: string): number | undefined {
  const raw = attr(element, name);
  const v = raw === undefined ? undefined : collapse(raw).replace(/^[+-]/, "");
  if (v === undefined || !/^[0-9]+$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 0xffff_ffff ? n : undefined;
}

/**
 * An xs:unsignedLong attribute the way the model holds one: a number when it is exact in JavaScript,
 * else a string of digits.
 */
export function ulongAttr(element: XmlElement, name: string): number | string | undefined {
  const raw = attr(element, name);
  const v = raw === undefined ? undefined : collapse(raw).replace(/^[+-]/, "");
  if (v === undefined || !/^[0-9]+$/.test(v)) return undefined;
  const n = BigInt(v);
  if (n > 0xffff_ffff_ffff_ffffn) return undefined;
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}
