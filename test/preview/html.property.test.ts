/**
 * The preview's HTML builder: every interpolated text is escaped, however it is nested in lists, and
 * markup passes through as it is. Checked against a plain character-by-character escape.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, markup, trusted, type HtmlValue } from "../../src/preview/html.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const plainEscape = (text: string) => [...text].map((c) => ENTITIES[c] ?? c).join("");

/** Texts rich in the five special characters, and any other text. */
const text = fc.oneof(fc.string(), fc.stringMatching(/^[&<>"'a é\u2028]{0,12}$/));

/** A value `markup` takes, with the text it must render as. */
type Case = { value: HtmlValue; rendered: string };
const leaf: fc.Arbitrary<Case> = fc.oneof(
  text.map((t) => ({ value: t, rendered: plainEscape(t) })),
  text.map((t) => ({ value: trusted(t), rendered: t })),
  fc.integer().map((n) => ({ value: n, rendered: String(n) })),
  fc.constantFrom<Case>(
    { value: null, rendered: "" },
    { value: undefined, rendered: "" },
    { value: false, rendered: "" },
    { value: true, rendered: "" },
  ),
);
const { tree } = fc.letrec<{ tree: Case }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("tree"), { maxLength: 4 }).map((items) => ({
      value: items.map((i) => i.value),
      rendered: items.map((i) => i.rendered).join(""),
    })),
  ),
}));

describe("markup and escapeHtml", () => {
  it("escape exactly the five special characters of any text", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeHtml(t)).toBe(plainEscape(t));
      }),
    );
  });

  it("render nested lists of texts, markup and numbers in order, texts escaped", () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (cases) => {
        const strings = Object.assign(cases.map((_, i) => `<i${i}>`).concat(["</end>"]), {
          raw: [] as string[],
        }) as unknown as TemplateStringsArray;
        const expected = cases.map((c, i) => `<i${i}>${c.rendered}`).join("") + "</end>";
        expect(markup(strings, ...cases.map((c) => c.value)).value).toBe(expected);
      }),
    );
  });
});
