/**
 * The list of output formats of registry entries, on its own: the CLI declares `pol --format` from it
 * when it starts, without loading the encoders that entry-formats.ts dispatches to.
 */

/** The file formats of `admxkit pol --format`. */
export const ENTRY_FORMATS = ["pol", "reg", "json", "ps1", "lgpo"] as const;
export type EntryFormat = (typeof ENTRY_FORMATS)[number];

/**
 * Whether a format's file is UTF-8 text, which a terminal shows as it is: Registry.pol is binary, .reg
 * UTF-16LE (as regedit writes it), LGPO text UTF-16 once it holds anything but ASCII; JSON lines are
 * UTF-8, and so is the PowerShell script (with a BOM, which a terminal does not show).
 */
const UTF8_TEXT = {
  pol: false,
  reg: false,
  json: true,
  ps1: true,
  lgpo: false,
} as const satisfies Record<EntryFormat, boolean>;

/** True when `format`'s file is UTF-8 text (see {@link UTF8_TEXT}); the others would garble a terminal. */
export function isUtf8TextFormat(format: EntryFormat): boolean {
  return UTF8_TEXT[format];
}
