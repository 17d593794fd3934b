/** An entry's type and data in one short piece of text, for messages about values that differ. */
import { type PolEntry } from "../pol/index.js";
import { toDumpRecord } from "../formats/index.js";

/** Longest data shown; longer data ends in `…`. */
const MAX_DATA = 60;

/** `REG_DWORD 1`, `REG_SZ "text"`, `REG_MULTI_SZ ["a","b"]`, `REG_BINARY 00ff…`. */
export function describeEntryValue(entry: PolEntry): string {
  const { type, data } = toDumpRecord(entry);
  const shown =
    typeof data === "number" || (typeof data === "string" && type !== "REG_SZ" && type !== "REG_EXPAND_SZ")
      ? String(data)
      : JSON.stringify(data);
  const cut = shown.length > MAX_DATA ? `${shown.slice(0, MAX_DATA - 1)}…` : shown;
  return `${String(type)} ${cut}`;
}
