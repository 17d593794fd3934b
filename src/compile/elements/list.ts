import { MAX_VALUE_NAME_LENGTH } from "../../pol/limits.js";
import type { ListElement } from "../../model/types.js";
import { findUnsafeNameChar, visibleName } from "../../pol/registry-names.js";
import { delvalsEntry, expandSzEntry, registryUpcase, szEntry } from "../../pol/index.js";
import type { OptionValue } from "../types.js";
import { isRecord, quoteValue, type ElementContext, type ElementHandler } from "./handler.js";

/** One value a list writes: its name and its data. */
export type ListPair = readonly [name: string, data: string];

/**
 * The value names and data a list writes. explicitValue: the user's names; valuePrefix P: P1, P2, …
 * (numbering from 1; `valuePrefix=""` gives 1, 2, …); neither: each entry is both name and data (ADMX
 * reference, "valuePrefix Attribute": without it the value name matches the value entered).
 */
export function listPairs(
  element: ListElement,
  value: OptionValue | undefined,
  context: ElementContext,
): ListPair[] | undefined {
  if (element.explicitValue) {
    const given = value ?? {};
    if (!isRecord(given) || !Object.values(given).every((data) => typeof data === "string")) {
      return void context.problem("OPTION_NOT_NAME_VALUE_MAP");
    }
    return Object.entries(given as Record<string, string>);
  }
  const given = value ?? [];
  if (!Array.isArray(given) || !given.every((item) => typeof item === "string")) {
    return void context.problem("OPTION_NOT_STRING_ARRAY");
  }
  const items = given as readonly string[];
  const empty = items.indexOf("");
  // The editor's list dialog drops blank rows; an empty entry here is most likely a mistake.
  if (empty >= 0) return void context.problem("OPTION_LIST_EMPTY", { index: empty + 1 });
  const prefix = element.valuePrefix;
  return items.map((data, i): ListPair => [prefix === undefined ? data : `${prefix}${i + 1}`, data]);
}

function checkPairs(pairs: readonly ListPair[], context: ElementContext): boolean {
  const seen = new Set<string>();
  for (const [name, data] of pairs) {
    // `**` names are Registry.pol instructions, not values.
    if (name === "" || name.length > MAX_VALUE_NAME_LENGTH || name.startsWith("**") || name.includes("\0")) {
      context.problem("OPTION_LIST_BAD_NAME", { name: quoteValue(name) });
      return false;
    }
    // A line break in a value name would forge sections of a .reg export; other controls are invisible.
    const unsafe = findUnsafeNameChar(name);
    if (unsafe !== undefined) {
      context.problem("OPTION_LIST_NAME_UNSAFE", { name: visibleName(name), ...unsafe });
      return false;
    }
    if (data.includes("\0")) {
      context.problem("OPTION_NUL");
      return false;
    }
    // Value names compare case-insensitively in the registry: a second "A" would overwrite "a". The
    // registry's folding keeps `Straße` and `STRASSE` apart, so they are two values.
    const id = registryUpcase(name);
    if (seen.has(id)) {
      context.problem("OPTION_LIST_DUPLICATE", { name: quoteValue(name) });
      return false;
    }
    seen.add(id);
  }
  return true;
}

/**
 * `<list>`: `**delvals.` first unless `additive` (MS-GPREG §2.2.1; the Chrome GPO in
 * shared/reference shows it before each list's values), then one REG_SZ (REG_EXPAND_SZ when
 * `expandable`) per entry. Disabled deletes every value of the key with `**delvals.` alone.
 */
export const listHandler: ElementHandler<"list"> = {
  enabled(element, value, context) {
    const pairs = listPairs(element, value, context);
    if (!pairs || !checkPairs(pairs, context)) return;
    if (!element.additive) context.emit(delvalsEntry(context.key));
    const entry = element.expandable ? expandSzEntry : szEntry;
    for (const [name, data] of pairs) context.emit(entry(context.key, name, data));
  },
  disabled(_element, context) {
    context.emit(delvalsEntry(context.key));
  },
};
