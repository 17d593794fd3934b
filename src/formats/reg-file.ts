/**
 * `.reg` export in the form regedit writes ("Windows Registry Editor Version 5.00"): UTF-16LE with BOM,
 * CRLF, one `[HKEY_…\key]` section per run of entries with the same key, each followed by a blank line.
 *
 * Registry.pol instructions regedit has no syntax for are kept visible as `;` comments:
 * `**delvals.` (delete all values first), `**SecureKey` (key permissions) and `**soft.X` (set only when
 * absent — the value line is commented out, since importing it would overwrite an existing value).
 *
 * What `.reg` syntax cannot carry is refused, never written raw: a key or value name with a character of
 * `UNSAFE_NAME_CHAR` (src/pol/registry-names.ts) — a line break there would end the `[key]` header and let the
 * rest of the name forge sections of its own. String data with such characters is written as `hex(1)`
 * / `hex(2)` bytes instead of a quoted string, which keeps every value exact.
 */
import { AdmxkitError, diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { classifyEntry } from "../pol/actions.js";
import type { PolAction } from "../pol/actions.js";
import { byteToHex } from "./hex.js";
import { findUnsafeNameChar, UNSAFE_NAME_CHAR, visibleName } from "../pol/registry-names.js";
import type { PolEntry, PolHive } from "../pol/types.js";
import { utf16leBytes } from "../pol/utf16le.js";
import { decodeValue } from "../pol/value-codec.js";

/** The registry root each hive's entries apply to. */
export const HIVE_ROOTS: Readonly<Record<PolHive, string>> = {
  machine: "HKEY_LOCAL_MACHINE",
  user: "HKEY_CURRENT_USER",
};

/** Which name of an entry `.reg` text cannot carry. */
type NameField = "key" | "valueName";

/** The names an entry puts into `.reg` text: its key and value name, and the names inside its data. */
function namesOf(entry: PolEntry): { field: NameField; name: string }[] {
  const names: { field: NameField; name: string }[] = [
    { field: "key", name: entry.key },
    { field: "valueName", name: entry.valueName },
  ];
  const action = classifyEntry(entry);
  if (action.kind === "deleteKeys") {
    for (const sub of action.keys) names.push({ field: "key", name: `${entry.key}\\${sub}` });
  } else if (action.kind === "deleteValues") {
    for (const name of action.names) names.push({ field: "valueName", name });
  }
  return names;
}

/**
 * Lists the entries whose names `.reg` text cannot carry (see the module comment), in entry order, as
 * `REG_NAME_UNSAFE` findings: `index` counts the entries from 1, as a reader counts the sections of a
 * .reg file; `field` says which name, `name` shows it with refused characters as `<U+000D>`, `char`
 * describes its first refused character (`U+000D (CR)`) and `position` is that character's, from 1.
 */
export function checkRegEntries(entries: readonly PolEntry[]): Diagnostic[] {
  const issues: Diagnostic[] = [];
  entries.forEach((entry, index) => {
    for (const { field, name } of namesOf(entry)) {
      const unsafe = findUnsafeNameChar(name);
      if (unsafe === undefined) continue;
      const { char, position } = unsafe;
      issues.push(
        diag("REG_NAME_UNSAFE", { index: index + 1, field, name: visibleName(name), char, position }),
      );
      return;
    }
  });
  return issues;
}

const CRLF = "\r\n";
/** regedit breaks a hex line once it reaches this column (observed: 25 bytes per continuation line). */
const HEX_WRAP_COLUMN = 77;

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function nameToken(name: string): string {
  return name === "" ? "@" : quote(name);
}

/**
 * `prefix` followed by comma-separated hex bytes, wrapped as regedit does: after a byte's comma, once the
 * line reaches column 77 it ends in `\` and the next starts with two spaces, so lines stay within 80
 * characters (unless the value name alone is longer).
 */
export function wrapHex(prefix: string, bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (let i = 0; i < bytes.length; i++) {
    line += byteToHex(bytes[i]!);
    if (i === bytes.length - 1) break;
    line += ",";
    if (line.length >= HEX_WRAP_COLUMN) {
      lines.push(line + "\\");
      line = "  ";
    }
  }
  lines.push(line);
  return lines;
}

/** What a quoted `.reg` string does not get: the refused name characters other than tab. */
const UNSAFE_IN_QUOTES = new RegExp(`(?!\\t)${UNSAFE_NAME_CHAR.source}`);

/** The line(s) setting a value, e.g. `"Name"=dword:0000000a`. */
function valueLines(name: string, entry: PolEntry): string[] {
  const left = `${nameToken(name)}=`;
  const value = decodeValue(entry.type, entry.data);
  switch (value.type) {
    case "REG_SZ":
      // A line break cannot sit inside a quoted .reg string, and other controls would be written raw;
      // such text goes out as hex(1). A tab is plain text in a quoted string.
      if (!UNSAFE_IN_QUOTES.test(value.value)) return [left + quote(value.value)];
      break;
    case "REG_DWORD":
      return [`${left}dword:${value.value.toString(16).padStart(8, "0")}`];
    case "REG_BINARY":
      return wrapHex(`${left}hex:`, entry.data);
  }
  return wrapHex(`${left}hex(${entry.type.toString(16)}):`, entry.data);
}

/** The lines an entry adds to its key's section (a key-only entry adds none). */
function actionLines(action: Exclude<PolAction, { kind: "deleteKeys" }>, entry: PolEntry): string[] {
  switch (action.kind) {
    case "value":
      return valueLines(entry.valueName, entry);
    case "del":
      return [`${nameToken(action.name)}=-`];
    case "deleteValues":
      return action.names.map((name) => `${nameToken(name)}=-`);
    case "delvals":
      return ["; **delvals.: Group Policy deletes every value of this key here (no .reg syntax)"];
    case "secureKey":
      return [
        `; **SecureKey=${action.on ? 1 : 0}: Group Policy sets this key's permissions (no .reg syntax)`,
      ];
    case "soft":
      return [
        `; **soft.${action.name}: Group Policy sets this value only when it is absent:`,
        ...valueLines(action.name, entry).map((line) => `; ${line}`),
      ];
    case "createKey":
      return [];
  }
}

interface Block {
  readonly header: string;
  readonly key: string | undefined;
  readonly lines: string[];
}

/**
 * Builds the text of a `.reg` file (CRLF line ends) for entries of one hive, in entry order. Throws an
 * {@link AdmxkitError} carrying every entry whose names it cannot carry ({@link checkRegEntries}).
 */
export function formatRegText(entries: readonly PolEntry[], hive: PolHive): string {
  const issues = checkRegEntries(entries);
  if (issues.length > 0) throw new AdmxkitError(issues);
  const root = HIVE_ROOTS[hive];
  const blocks: Block[] = [];
  const section = (key: string): string[] => {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last.key === key) return last.lines;
    const block: Block = { header: `[${root}\\${key}]`, key, lines: [] };
    blocks.push(block);
    return block.lines;
  };
  for (const entry of entries) {
    const action = classifyEntry(entry);
    if (action.kind === "deleteKeys") {
      // Only the subkeys go; opening the parent's section would create it on import.
      for (const sub of action.keys) {
        blocks.push({ header: `[-${root}\\${entry.key}\\${sub}]`, key: undefined, lines: [] });
      }
      continue;
    }
    section(entry.key).push(...actionLines(action, entry));
  }
  const body = blocks.map((block) => [block.header, ...block.lines, ""].join(CRLF) + CRLF).join("");
  return `Windows Registry Editor Version 5.00${CRLF}${CRLF}${body}`;
}

/** The bytes of a `.reg` file as regedit writes it: UTF-16LE with a byte-order mark. */
export function encodeRegFile(entries: readonly PolEntry[], hive: PolHive): Uint8Array {
  const text = utf16leBytes(formatRegText(entries, hive));
  const out = new Uint8Array(2 + text.length);
  out[0] = 0xff;
  out[1] = 0xfe;
  out.set(text, 2);
  return out;
}
