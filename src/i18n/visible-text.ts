/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts escape sequences, CR and LF
 * forge lines, TAB shifts columns), DEL, C1 controls, the Unicode line and paragraph separators and the
 * bidirectional overrides and isolates (which reorder what follows them on screen).
 */
const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT = new Map([
  ["\r", "\\r"],
  ["\n", "\\n"],
  ["\t", "\\t"],
]);

/**
 * `text` with every terminal control character written visibly (`\r`, `\n`, `\t`, else `\u001b` as in
 * JSON), so that a registry name or a values-file key from hostile input can neither colour the
 * terminal nor forge a row of a table or a line of a report. Backslashes stay as they are:
 * they are the separators of every registry key.
 */
export function visibleText(text: string): string {
  return text.replace(
    TERMINAL_CONTROL,
    (c) => SHORT.get(c) ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
