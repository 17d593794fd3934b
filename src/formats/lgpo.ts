/**
 * LGPO.exe text (`LGPO.exe /t file` builds Registry.pol from it): records separated by blank lines, each
 * `Computer`/`User`, key, value name, action. Actions: `DWORD:n`, `QWORD:n` (decimal), `SZ:text`,
 * `EXSZ:text`, `MULTISZ:a\0b`, `BINARY:00,ff`, `DELETE` (= `**del.`), `DELETEALLVALUES`
 * (= `**delvals.`), `DELETEKEYS:a;b`, `CREATEKEY`; the key-level actions take `*` as value name.
 *
 * Each entry becomes the record that `parseLgpoText` turns back into the same bytes: a special action only
 * when the entry has exactly the bytes that action produces, otherwise the entry's literal name and value
 * (`**DeleteValues` → `SZ:a;b`, `**SecureKey` → `DWORD:1`). Entries LGPO text cannot carry (types without
 * an action, malformed data, an empty value name — an empty line would end the record — line breaks in a
 * key or name) are refused with `LGPO_UNREPRESENTABLE`.
 */
import { AdmxkitError, diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { classifyEntry, deleteKeysEntry, delEntry, delvalsEntry } from "../pol/actions.js";
import { lgpoByteChunks, lineChunks } from "./dump-stream.js";
import { bytesToHex } from "./hex.js";
import { escapeLgpoText, LGPO_SCOPE_WORDS } from "./lgpo-escape.js";
import { REG_TYPES } from "../pol/types.js";
import type { PolEntry, PolHive } from "../pol/types.js";
import { readTerminatedUtf16le, utf16leBytes } from "../pol/utf16le.js";
import { decodeValue } from "../pol/value-codec.js";

/** The finding for an entry LGPO text cannot express: its hive, its index (from 0) and why not. */
function unrepresentable(hive: PolHive, index: number, detail: string): Diagnostic {
  return diag("LGPO_UNREPRESENTABLE", { index, detail, hive });
}

function sameEntry(a: PolEntry, b: PolEntry): boolean {
  if (a.valueName !== b.valueName || a.type !== b.type || a.data.length !== b.data.length) return false;
  return a.data.every((byte, i) => byte === b.data[i]);
}

/** The [value name, action] lines of a special action, when `entry` is exactly its canonical form. */
function specialLines(entry: PolEntry): [string, string] | undefined {
  const action = classifyEntry(entry);
  switch (action.kind) {
    case "createKey":
      return ["*", "CREATEKEY"];
    case "delvals":
      return sameEntry(entry, delvalsEntry(entry.key)) ? ["*", "DELETEALLVALUES"] : undefined;
    case "del":
      return action.name !== "" && sameEntry(entry, delEntry(entry.key, action.name))
        ? [action.name, "DELETE"]
        : undefined;
    case "deleteKeys":
      return sameEntry(entry, deleteKeysEntry(entry.key, action.keys))
        ? ["*", `DELETEKEYS:${action.keys.join(";")}`]
        : undefined;
    default:
      return undefined;
  }
}

/** The action line of a literal value, or a reason it has none. */
function literalAction(entry: PolEntry): string | { readonly problem: string } {
  const { type, data } = entry;
  if (type === REG_TYPES.REG_SZ || type === REG_TYPES.REG_EXPAND_SZ) {
    // Read by hand rather than by decodeValue: a NUL inside the text is fine here, `\0` escapes it.
    const text = readTerminatedUtf16le(data);
    if (text === undefined) return { problem: "string data without its NUL terminator" };
    return `${type === REG_TYPES.REG_SZ ? "SZ" : "EXSZ"}:${escapeLgpoText(text)}`;
  }
  const value = decodeValue(type, data);
  switch (value.type) {
    case "REG_DWORD":
      return `DWORD:${value.value}`;
    case "REG_QWORD":
      return `QWORD:${value.value}`;
    case "REG_BINARY":
      return `BINARY:${bytesToHex(value.value, ",")}`;
    case "REG_MULTI_SZ":
      // `MULTISZ:` stands for the empty list; a list of one empty string would read back as that.
      if (value.value.length === 1 && value.value[0] === "")
        return { problem: "REG_MULTI_SZ of one empty string" };
      return `MULTISZ:${value.value.map(escapeLgpoText).join("\\0")}`;
    default:
      return { problem: `type ${type} with ${data.length} bytes has no LGPO action` };
  }
}

function recordLines(entry: PolEntry): [string, string] | { readonly problem: string } {
  if (/[\r\n]/.test(entry.key)) return { problem: "line break in the key" };
  let lines = specialLines(entry);
  if (lines === undefined) {
    if (entry.valueName === "") return { problem: "empty value name" };
    const action = literalAction(entry);
    if (typeof action !== "string") return action;
    lines = [entry.valueName, action];
  }
  return /[\r\n]/.test(lines[0] + lines[1]) ? { problem: "line break in the value name or data" } : lines;
}

/**
 * Lists the entries of `hive` LGPO text cannot express (see the module comment), in entry order, as
 * `LGPO_UNREPRESENTABLE` findings with the entry's `index` and the reason as `detail`.
 */
export function checkLgpoEntries(entries: Iterable<PolEntry>, hive: PolHive): Diagnostic[] {
  const issues: Diagnostic[] = [];
  let index = 0;
  for (const entry of entries) {
    const lines = recordLines(entry);
    if (!Array.isArray(lines)) issues.push(unrepresentable(hive, index, lines.problem));
    index++;
  }
  return issues;
}

/**
 * The LGPO text of {@link formatLgpoText} in chunks (see dump-stream.ts), so a large file is written as
 * it is made. Throws an {@link AdmxkitError} when it reaches an entry it cannot express: check first
 * with {@link checkLgpoEntries} before writing anything.
 */
export function lgpoTextChunks(
  entries: Iterable<PolEntry>,
  hive: PolHive,
): Generator<string, void, undefined> {
  const scope = LGPO_SCOPE_WORDS[hive];
  function* records(): Generator<string, void, undefined> {
    let index = 0;
    for (const entry of entries) {
      const lines = recordLines(entry);
      if (!Array.isArray(lines)) throw new AdmxkitError([unrepresentable(hive, index, lines.problem)]);
      // Records are separated by a blank line: the CRLF before every record but the first.
      yield `${index === 0 ? "" : "\r\n"}${scope}\r\n${entry.key}\r\n${lines[0]}\r\n${lines[1]}\r\n`;
      index++;
    }
  }
  return lineChunks(records(), "");
}

/**
 * LGPO text for entries of one hive: one record per entry, CRLF line ends, a blank line between records.
 * Throws an {@link AdmxkitError} for the first entry it cannot express.
 */
export function formatLgpoText(entries: Iterable<PolEntry>, hive: PolHive): string {
  return [...lgpoTextChunks(entries, hive)].join("");
}

/** The bytes of {@link encodeLgpoText} of the LGPO text of `entries`, in chunks, without the whole text. */
export function lgpoFileChunks(
  entries: Iterable<PolEntry>,
  hive: PolHive,
): Generator<Uint8Array, void, undefined> {
  return lgpoByteChunks(() => lgpoTextChunks(entries, hive));
}

/**
 * The bytes to save LGPO text as: plain ASCII when every character is ASCII, otherwise UTF-16LE with a
 * byte-order mark — LGPO reads a file without BOM as Latin-1, which would garble anything else.
 */
export function encodeLgpoText(text: string): Uint8Array {
  if (/^[\x00-\x7f]*$/.test(text)) return Uint8Array.from(text, (c) => c.charCodeAt(0));
  const body = utf16leBytes(text);
  const out = new Uint8Array(body.length + 2);
  out.set([0xff, 0xfe]);
  out.set(body, 2);
  return out;
}
