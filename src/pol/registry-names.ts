/**
 * Registry key and value names: the characters admxkit refuses in them, wherever a name enters (the
 * model, the ADMX reader, values files, and Registry.pol entries written as `.reg` text), and the check
 * of one name. Every name a policy writes, with the check of them all, is src/model/registry-name-uses.ts.
 *
 * The set (one home for it, {@link UNSAFE_NAME_CHAR}):
 * - **U+0000 NUL**: Registry.pol ends each name with a NUL, so the name would be cut short.
 * - **Line ends**: CR, LF, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029).
 *   A `.reg` file is read line by line: a line break inside a `[key]` header ends the header early and
 *   whatever follows is read as a new section of the file's own choosing (a forged value under
 *   `…\CurrentVersion\Run` runs a program when an admin double-clicks the file). LGPO text and the
 *   PowerShell script are line-based too.
 * - **Every other C0 and C1 control character and DEL** (U+0001–U+001F, U+007F–U+009F), tab included:
 *   invisible in GPMC, regedit and the terminal (ESC starts terminal escape sequences), so a name that
 *   holds one cannot be reviewed. No template Windows ships uses any of them in a key or value name.
 *
 * Everything else passes: the registry itself stores any other UTF-16 code unit, and `.reg` quoting
 * escapes `\` and `"` in value names.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";

/** One character of {@link UNSAFE_NAME_CHAR}'s set, or none. */
export const UNSAFE_NAME_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const ABBREVIATIONS: Readonly<Record<number, string>> = {
  0x00: "NUL",
  0x09: "TAB",
  0x0a: "LF",
  0x0d: "CR",
  0x1b: "ESC",
  0x7f: "DEL",
  0x85: "NEL",
  0x2028: "LS",
  0x2029: "PS",
};

/** A character as messages show it: `U+000D (CR)`, `U+0001`. */
export function describeChar(char: string): string {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = ABBREVIATIONS[code];
  return name === undefined ? hex : `${hex} (${name})`;
}

/** The first refused character of a name: which one (described) and where (1-based position). */
export interface UnsafeNameChar {
  readonly char: string;
  readonly position: number;
}

/** The first character of `name` that a registry name must not hold, or undefined. */
export function findUnsafeNameChar(name: string): UnsafeNameChar | undefined {
  const match = UNSAFE_NAME_CHAR.exec(name);
  return match ? { char: describeChar(match[0]), position: match.index + 1 } : undefined;
}

/** A name with every refused character shown as `<U+000D>`, so that a message never carries it raw. */
export function visibleName(name: string): string {
  return name.replace(new RegExp(UNSAFE_NAME_CHAR.source, "g"), (c) => `<${describeChar(c).split(" ")[0]}>`);
}

/**
 * Checks a registry key or value name that comes straight from a values file (a raw registry entry of a
 * `registry` section, a value name an option gives): a control character or line end in it is refused
 * (see the set above and why), as the model and the ADMX reader refuse it.
 * Returns the error, at `where`, or undefined when the name is fine.
 */
export function checkRegistryName(
  name: string,
  field: "key" | "valueName",
  where: Pick<Diagnostic, "path" | "file" | "line" | "column"> = {},
): Diagnostic | undefined {
  const unsafe = findUnsafeNameChar(name);
  if (unsafe === undefined) return undefined;
  return diag("VALUES_REGISTRY_NAME_UNSAFE", { field, name: visibleName(name), ...unsafe }, where);
}
