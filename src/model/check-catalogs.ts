import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { MAX_LABEL_LENGTH, MAX_STRING_LENGTH, MAX_TITLE_LENGTH } from "../pol/limits.js";
import { hasNonXmlChar } from "../xml/xml-chars.js";
import { own } from "./own.js";
import { collectStringUses } from "./strings.js";
import type { Bundle } from "./types.js";

/** The longest text each kind of use may have: titles are single lines, explain texts are long. */
function limitFor(path: readonly (string | number)[]): { max: number; what: string } {
  const last = path.at(-1);
  if (last === "explainText" || last === "description") return { max: MAX_STRING_LENGTH, what: "text" };
  if (last === "label" || last === "text") return { max: MAX_LABEL_LENGTH, what: "label" };
  return { max: MAX_TITLE_LENGTH, what: "title" };
}

/**
 * Every catalog key the bundle uses must exist in every locale that is written. GPMC does not fall back
 * to another language per string: one missing `$(string.X)` makes the whole ADML unusable for that
 * language, so this is an error, never a warning.
 */
export function checkCatalogs(bundle: Bundle, locales: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const uses = collectStringUses(bundle);
  for (const locale of locales) {
    const catalog = own(bundle.locales, locale);
    if (!catalog) {
      out.push(
        diag(
          "LOCALE_MISSING",
          { locale, available: Object.keys(bundle.locales).join(", ") },
          { path: ["locales"] },
        ),
      );
      continue;
    }
    const reported = new Set<string>();
    for (const use of uses) {
      const text = own(catalog, use.id);
      if (reported.has(use.id)) continue;
      reported.add(use.id);
      const path = ["locales", locale, use.id];
      if (text === undefined) {
        out.push(
          diag("STRING_MISSING", { locale, id: use.id, usedAt: use.path.join(".") }, { path: [...use.path] }),
        );
        continue;
      }
      if (hasNonXmlChar(text)) out.push(diag("TEXT_INVALID_CHAR", { locale, id: use.id }, { path }));
      const { max, what } = limitFor(use.path);
      if (text.length > max)
        out.push(diag("TEXT_TOO_LONG", { locale, id: use.id, length: text.length, max, what }, { path }));
      if (text.trim().length === 0) out.push(diag("TEXT_EMPTY", { locale, id: use.id }, { path }));
      else if (text !== text.trim())
        out.push(diag("TEXT_WHITESPACE", { locale, id: use.id }, { path }, "warning"));
    }
  }
  return out;
}
