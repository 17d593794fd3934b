/**
 * Finds a document type declaration and blanks it out before the XML is parsed. ADMX and ADML files
 * must not have one: GPMC refuses them ("DTD is prohibited"), and a DTD is also the door to entity
 * expansion attacks ("billion laughs"). Blanking it keeps every offset and line number of the rest of the
 * file, and guarantees the parser never sees an entity declaration, so nothing can ever expand.
 */

/** The span of the DOCTYPE (start offset of `<!DOCTYPE`, offset after its `>`), or undefined. */
export interface DoctypeSpan {
  readonly start: number;
  /** undefined when the declaration never ends (the file is then not well-formed). */
  readonly end: number | undefined;
}

/** Offset of the first `<!DOCTYPE` that is not inside a comment or processing instruction. */
function findDoctype(text: string): number | undefined {
  let i = 0;
  for (;;) {
    const lt = text.indexOf("<", i);
    if (lt < 0) return undefined;
    if (text.startsWith("<!--", lt)) i = skipTo(text, "-->", lt + 4);
    else if (text.startsWith("<?", lt)) i = skipTo(text, "?>", lt + 2);
    else if (text.startsWith("<!DOCTYPE", lt)) return lt;
    else return undefined; // the first element or other markup: a DOCTYPE can only come before it
  }
}

function skipTo(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

/** The end of a declaration starting at `start`: quotes and the `[…]` internal subset are skipped. */
function doctypeEnd(text: string, start: number): number | undefined {
  let quote: string | undefined;
  let depth = 0;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth <= 0) return i + 1;
  }
  return undefined;
}

/** Locates the DOCTYPE of a document, if any. */
export function locateDoctype(text: string): DoctypeSpan | undefined {
  const start = findDoctype(text);
  return start === undefined ? undefined : { start, end: doctypeEnd(text, start) };
}

/** The text with the span replaced by spaces, line ends kept so that line numbers do not move. */
export function blankOut(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, " ") + text.slice(end);
}
