/**
 * Entries as JSON-lines records (for tools and golden files) and as a fixed-width table (for people).
 */
import { visibleText } from "../i18n/visible-text.js";
import { classifyEntry } from "../pol/actions.js";
import { jsonLinesChunks, lineChunks } from "./dump-stream.js";
import { bytesToHex } from "./hex.js";
import { regTypeName } from "../pol/types.js";
import type { PolEntry, RegTypeName } from "../pol/types.js";
import { decodeValue } from "../pol/value-codec.js";

/**
 * One entry as plain JSON. `type` is the type's name, or its number when WinNT.h defines none. `data` is a
 * number for DWORD and DWORD_BIG_ENDIAN, a decimal string for QWORD (beyond 2^53), the text without its
 * NUL for SZ and EXPAND_SZ, the list for MULTI_SZ, and lowercase hex for anything else — including data
 * not well-formed for its type (a 3-byte DWORD, a string without its NUL).
 */
export interface PolDumpRecord {
  readonly key: string;
  readonly valueName: string;
  readonly type: RegTypeName | number;
  readonly size: number;
  readonly data: number | string | readonly string[];
}

/** The {@link PolDumpRecord} of an entry. */
export function toDumpRecord(entry: PolEntry): PolDumpRecord {
  const value = decodeValue(entry.type, entry.data);
  let data: PolDumpRecord["data"];
  switch (value.type) {
    case "REG_DWORD":
    case "REG_DWORD_BIG_ENDIAN":
    case "REG_SZ":
    case "REG_EXPAND_SZ":
    case "REG_MULTI_SZ":
      data = value.value;
      break;
    case "REG_QWORD":
      data = value.value.toString();
      break;
    default:
      data = bytesToHex(value.value);
  }
  const type = regTypeName(entry.type) ?? entry.type;
  return { key: entry.key, valueName: entry.valueName, type, size: entry.data.length, data };
}

/** One JSON record per line (`\n`-terminated), in entry order. */
export function formatJsonLines(entries: readonly PolEntry[]): string {
  return [...jsonLinesChunks(entries)].join("");
}

/** Options of {@link formatPolTable}. */
export interface PolTableOptions {
  /**
   * Cells longer than this many characters are cut and end in `…`. Default 60, unless `width` is given;
   * `Infinity` cuts nothing (output for a pipe or a file, where a cut name is lost for good).
   */
  readonly maxCellWidth?: number;
  /**
   * A terminal's width in columns: the longest cells are cut, all to one length, so that a row fits,
   * but never below {@link MIN_CELL_WIDTH}; nothing is cut when rows fit already.
   */
  readonly width?: number;
}

/** The least a cut cell keeps: enough to recognise a key or value name. */
export const MIN_CELL_WIDTH = 16;

/** The largest cell width at which rows of columns this wide (uncut) fit in `width` columns. */
function cellWidthToFit(columns: readonly number[], width: number): number {
  const separators = 2 * (columns.length - 1);
  const rowWidth = (max: number) => columns.reduce((sum, w) => sum + Math.min(w, max), separators);
  let max = Math.max(...columns);
  while (max > MIN_CELL_WIDTH && rowWidth(max) > width) max--;
  return max;
}

function describeData(entry: PolEntry, record: PolDumpRecord): string {
  const action = classifyEntry(entry);
  switch (action.kind) {
    case "del":
      return `(delete value ${JSON.stringify(action.name)})`;
    case "delvals":
      return "(delete all values)";
    case "deleteValues":
      return `(delete values ${action.names.map((n) => JSON.stringify(n)).join(", ")})`;
    case "deleteKeys":
      return `(delete keys ${action.keys.map((k) => JSON.stringify(k)).join(", ")})`;
    case "createKey":
      return "(create key)";
    default: {
      // Text quoted (so "" and spaces show); numbers and hex bare.
      const { type } = decodeValue(entry.type, entry.data);
      const isText = type === "REG_SZ" || type === "REG_EXPAND_SZ" || type === "REG_MULTI_SZ";
      return isText ? JSON.stringify(record.data) : String(record.data);
    }
  }
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + "…";
}

/** The five cells of an entry's row, before cutting. */
function rowCells(entry: PolEntry): string[] {
  const record = toDumpRecord(entry);
  // Names from a hostile file must not drive the terminal or forge rows.
  return [
    visibleText(entry.key),
    visibleText(entry.valueName),
    String(record.type),
    String(record.size),
    describeData(entry, record),
  ];
}

/**
 * The lines of {@link formatPolTable}, without line ends: header, rule, then a row per entry. Column
 * widths depend on every row, so the rows are made twice — once to measure, once to print — rather
 * than kept.
 */
export function* polTableLines(
  entries: Iterable<PolEntry>,
  options: PolTableOptions = {},
): Generator<string, void, undefined> {
  const header = ["KEY", "VALUE NAME", "TYPE", "SIZE", "DATA"];
  const natural = header.map((cell) => cell.length);
  for (const entry of entries) {
    rowCells(entry).forEach((cell, column) => {
      natural[column] = Math.max(natural[column]!, cell.length);
    });
  }
  const max =
    options.width !== undefined
      ? Math.min(options.maxCellWidth ?? Infinity, cellWidthToFit(natural, options.width))
      : (options.maxCellWidth ?? 60);
  // A cut cell is `max` long: a column is as wide as its longest cell, cut.
  const widths = natural.map((width) => Math.min(width, max));
  const SIZE = 3;
  const pad = (cell: string, column: number): string => {
    if (column === SIZE) return cell.padStart(widths[column]!);
    return column === widths.length - 1 ? cell : cell.padEnd(widths[column]!);
  };
  const line = (row: readonly string[]): string => row.map(pad).join("  ");
  yield line(header.map((cell) => cut(cell, max)));
  yield widths.map((width) => "-".repeat(width)).join("  ");
  for (const entry of entries) yield line(rowCells(entry).map((cell) => cut(cell, max)));
}

/** The table of {@link formatPolTable} in chunks (see dump-stream.ts). */
export function polTableChunks(
  entries: Iterable<PolEntry>,
  options: PolTableOptions = {},
): Generator<string, void, undefined> {
  return lineChunks(polTableLines(entries, options));
}

/**
 * A fixed-width table: key, value name, type, size, data (special names shown as their action).
 * Widths count UTF-16 code units, so wide or astral characters can shift a column.
 */
export function formatPolTable(entries: readonly PolEntry[], options: PolTableOptions = {}): string {
  return [...polTableChunks(entries, options)].join("");
}
