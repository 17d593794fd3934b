/**
 * HTML building with escaping by default: every value interpolated into {@link markup} is escaped unless
 * it is already {@link SafeHtml} (the result of another `markup` call). Policy texts come from templates
 * anyone can write, so a template whose Help text says `<script>` must show those characters, never run
 * them; making escaping the default means no call site can forget it.
 */

/** Markup that is already escaped, safe to embed as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What `markup` accepts: text (escaped), numbers, markup, lists of them; null, undefined and false vanish. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and for quoted attribute values (both quote kinds), so one
 * function serves both places.
 */
export function escapeHtml(text: string): string {
  // Most texts (names, keys, labels) have nothing to escape: one scan, and the text itself comes back.
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

const NEEDS_ESCAPE = /[&<>"']/;

/**
 * Lists are appended piece by piece rather than joined: `join` copies its result into a new string at
 * every level of nesting (a store's tree page nests its folders), while `+=` only links the pieces and
 * the page is copied once, when it is written.
 */
function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value as readonly HtmlValue[]) out += render(item);
    return out;
  }
  return escapeHtml(String(value));
}

/**
 * Tagged template: the literal parts are markup, every interpolated value is escaped text. (Named
 * `markup`, not `html`, so that Prettier leaves the templates alone: it reformats `html` templates, and
 * whitespace it adds would show in pre-wrap boxes and option texts.)
 */
export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup known to be safe because the program wrote it (CSS, fixed tags); never policy text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
