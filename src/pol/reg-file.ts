/**
 * `.reg` export in the form regedit writes ("Windows Registry Editor Version 5.00"): UTF-16LE with BOM,
 * CRLF, one `[HKEY_…\key]` section per run of entries with the same key, each followed by a blank line.
 *
 * Registry.pol instructions regedit has no syntax for are kept visible as `;` comments:
 * `**delvals.` (delete all values first), `**SecureKey` (key permissions) and `**soft.X` (set only when
 * absent — the value line is commented out, since importing it would overwrite an existing value).
 */
import { classifyEntry } from "./actions.js";
import type { PolAction } from "./actions.js";
import { byteToHex } from "./hex.js";
import type { PolEntry, PolHive } from "./types.js";
import { utf16leBytes } from "./utf16le.js";
import { decodeValue } from "./value-codec.js";

/** The registry root each hive's entries apply to. */
export const HIVE_ROOTS: Readonly<Record<PolHive, string>> = {
  machine: "HKEY_LOCAL_MACHINE",
  user: "HKEY_CURRENT_USER",
};

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

/** The line(s) setting a value, e.g. `"Name"=dword:0000000a`. */
function valueLines(name: string, entry: PolEntry): string[] {
  const left = `${nameToken(name)}=`;
  const value = decodeValue(entry.type, entry.data);
  switch (value.type) {
    case "REG_SZ":
      // A line break cannot sit inside a quoted .reg string; such text goes out as hex(1).
      if (!/[\r\n]/.test(value.value)) return [left + quote(value.value)];
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

/** Builds the text of a `.reg` file (CRLF line ends) for entries of one hive, in entry order. */
export function formatRegText(entries: readonly PolEntry[], hive: PolHive): string {
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
