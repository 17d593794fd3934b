/**
 * The text of a values file as `admxkit values --from` writes it, in chunks, so that the whole text is
 * never one string: a Registry.pol of millions of entries no policy explains gives a values file of
 * hundreds of megabytes.
 *
 * The layout is `JSON.stringify(values, null, 2)` with one change: each raw entry of the `registry`
 * section is one line (`{"key":…,"data":…}`). Five indented lines per entry made the file about five
 * times the Registry.pol; on one line it stays within {@link VALUES_PER_POL_BYTE} times, so that a
 * values file made from any Registry.pol admxkit reads is one admxkit reads back (the values-file
 * bound of src/io/read-input.ts is that many times the Registry.pol bound).
 */
import { ChunkBuffer } from "../formats/dump-stream.js";
import type { PolEntry } from "../pol/index.js";
import { toRegistryRecords } from "./registry-section.js";
import type { RegistryRecord, ValuesFile } from "./schema.js";

/**
 * The most bytes of values file per byte of Registry.pol. The smallest raw entry is 24 bytes of
 * Registry.pol (an empty key and value name, no data); its line is at most 92 bytes with the longest
 * type name (`REG_RESOURCE_REQUIREMENTS_LIST`), 3.8 per byte. Data grows less: hex is 2 characters a
 * byte, a string at most 6 (`\u0001`) for 2 bytes.
 */
export const VALUES_PER_POL_BYTE = 4;

/** `value` as `JSON.stringify(value, null, 2)` would write it at `depth` levels of indentation. */
function indented(value: unknown, depth: number): string {
  // JSON text holds no raw line break (strings escape theirs), so every "\n" starts a line to indent.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/** The records of one side of the `registry` section: given, or made from raw entries one at a time. */
type RecordSource = readonly RegistryRecord[] | readonly PolEntry[];

function recordOf(item: RegistryRecord | PolEntry): RegistryRecord {
  return item.data instanceof Uint8Array
    ? toRegistryRecords([item as PolEntry])[0]!
    : (item as RegistryRecord);
}

/**
 * The values file's text, ending in a line break, in chunks of about 64 K characters. `raw` gives the
 * `registry` section as entries instead of `values.registry` (see `rawAsEntries` of the values
 * decoder): each record is made as it is written, so no record object per entry is kept.
 */
export function* valuesTextChunks(
  values: ValuesFile,
  raw?: Partial<Record<"machine" | "user", readonly PolEntry[]>>,
): Generator<string, void, undefined> {
  const out = new ChunkBuffer();
  const put = function* (piece: string): Generator<string, void, undefined> {
    const chunk = out.add(piece);
    if (chunk !== undefined) yield chunk;
  };
  const registry: [string, RecordSource][] = Object.entries(raw ?? values.registry ?? {}).filter(
    (side): side is [string, RecordSource] => side[1] !== undefined,
  );
  const fields = Object.entries(values).filter(([name, value]) => value !== undefined && name !== "registry");
  const hasRegistry = raw === undefined ? values.registry !== undefined : registry.length > 0;
  if (fields.length === 0 && !hasRegistry) {
    yield "{}\n";
    return;
  }
  yield* put("{");
  for (const [i, [name, value]] of fields.entries())
    yield* put(`${i === 0 ? "" : ","}\n  ${JSON.stringify(name)}: ${indented(value, 1)}`);
  if (hasRegistry) {
    yield* put(`${fields.length === 0 ? "" : ","}\n  "registry": `);
    if (registry.length === 0) yield* put("{}");
    else {
      yield* put("{");
      for (const [j, [side, records]] of registry.entries()) {
        yield* put(`${j === 0 ? "" : ","}\n    ${JSON.stringify(side)}: `);
        if (records.length === 0) {
          yield* put("[]");
          continue;
        }
        yield* put("[");
        for (let k = 0; k < records.length; k++)
          yield* put(`${k === 0 ? "" : ","}\n      ${JSON.stringify(recordOf(records[k]!))}`);
        yield* put("\n    ]");
      }
      yield* put("\n  }");
    }
  }
  yield* put("\n}\n");
  const rest = out.rest();
  if (rest !== undefined) yield rest;
}
