/**
 * A few DOM helpers over parse5 (a spec-compliant HTML parser), so the tests check what a browser
 * would build from the preview's markup rather than matching strings.
 */
import { parse, parseFragment } from "parse5";

/** A parse5 node, narrowed to what the tests read. */
export interface Node {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { name: string; value: string }[];
  readonly childNodes?: readonly Node[];
  readonly content?: Node;
}

/** Parses an HTML fragment. */
export function fragment(markup: string): Node {
  return parseFragment(markup) as unknown as Node;
}

/** Parses a whole document. */
export function documentOf(markup: string): Node {
  return parse(markup) as unknown as Node;
}

/** Every element below `node` (depth first, document order). */
export function elements(node: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (const child of n.childNodes ?? []) {
      if (child.tagName) out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** The value of an attribute, or undefined. */
export function attr(node: Node, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** The concatenated text of a node, as `textContent` gives it. */
export function text(node: Node): string {
  if (node.nodeName === "#text") return node.value ?? "";
  return (node.childNodes ?? []).map(text).join("");
}

/** Elements matching a simple selector: a tag name, `.class`, `tag.class` or `[attr=value]`. */
export function select(node: Node, selector: string): Node[] {
  const m = /^([a-z0-9]*)(?:\.([\w-]+))?(?:\[([\w-]+)(?:=([^\]]*))?\])?$/.exec(selector);
  if (!m) throw new Error(`unsupported selector ${selector}`);
  const [, tag, cls, attrName, attrValue] = m;
  return elements(node).filter(
    (e) =>
      (!tag || e.tagName === tag) &&
      (!cls || (attr(e, "class") ?? "").split(/\s+/).includes(cls)) &&
      (!attrName ||
        (attrValue === undefined ? attr(e, attrName) !== undefined : attr(e, attrName) === attrValue)),
  );
}

/** The one element matching `selector`; fails the test when there are none or several. */
export function one(node: Node, selector: string): Node {
  const found = select(node, selector);
  if (found.length !== 1) throw new Error(`expected one ${selector}, found ${found.length}`);
  return found[0]!;
}
