/**
 * Pieces of the LGPO.exe text format shared by its writer and parser (Microsoft Security Compliance
 * Toolkit, LGPO v3.0): scope words and the escapes of SZ/EXSZ/MULTISZ text.
 */
import type { PolHive } from "../pol/types.js";

/** The first line of a record for each hive. Case-sensitive, like LGPO's action words. */
export const LGPO_SCOPE_WORDS: Readonly<Record<PolHive, string>> = { machine: "Computer", user: "User" };

const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\r": "\\r", "\n": "\\n", "\0": "\\0" };
const UNESCAPES: Readonly<Record<string, string>> = { "\\": "\\", r: "\r", n: "\n", "0": "\0" };

/** Escapes `\`, CR, LF and NUL as `\\ \r \n \0`. */
export function escapeLgpoText(text: string): string {
  return text.replace(/[\\\r\n\0]/g, (c) => ESCAPES[c]!);
}

/** Reverses {@link escapeLgpoText}; a backslash before any other character is kept as written. */
export function unescapeLgpoText(text: string): string {
  return text.replace(/\\([\\rn0])/g, (_, c: string) => UNESCAPES[c]!);
}
