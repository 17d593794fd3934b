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
import { ChunkBuffer } from "../pol/dump-stream.js";
import type { ValuesFile } from "./schema.js";

/**
 * The most bytes of values file per byte of Registry.pol. The smallest raw entry is 24 bytes of
 * Registry.pol (an empty key and value name, no data); its line is at most 88 bytes with the longest
 * type name (`REG_RESOURCE_REQUIREMENTS_LIST`), 3.7 per byte. Data grows less: hex is 2 characters a
 * byte, a string at most 6 (`\u0001`) for 2 bytes.
 */
export const VALUES_PER_POL_BYTE = 4;

/** `value` as `JSON.stringify(value, null, 2)` would write it at `depth` levels of indentation. */
function indented(value: unknown, depth: number): string {
  // JSON text holds no raw line break (strings escape theirs), so every "\n" starts a line to indent.
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/** The values file's text, ending in a line break, in chunks of about 64 K characters. */
export function* valuesTextChunks(values: ValuesFile): Generator<string, void, undefined> {
  const out = new ChunkBuffer();
  const fields = Object.entries(values).filter(([, value]) => value !== undefined);
  if (fields.length === 0) {
    yield "{}\n";
    return;
  }
  const put = function* (piece: string): Generator<string, void, undefined> {
    const chunk = out.add(piece);
    if (chunk !== undefined) yield chunk;
  };
  yield* put("{");
  for (const [i, [name, value]] of fields.entries()) {
    yield* put(`${i === 0 ? "" : ","}\n  ${JSON.stringify(name)}: `);
    if (name !== "registry") {
      yield* put(indented(value, 1));
      continue;
    }
    const sides = Object.entries(value as NonNullable<ValuesFile["registry"]>).filter(
      ([, records]) => records !== undefined,
    );
    if (sides.length === 0) {
      yield* put("{}");
      continue;
    }
    yield* put("{");
    for (const [j, [side, records = []]] of sides.entries()) {
      yield* put(`${j === 0 ? "" : ","}\n    ${JSON.stringify(side)}: `);
      if (records.length === 0) {
        yield* put("[]");
        continue;
      }
      yield* put("[");
      for (let k = 0; k < records.length; k++)
        yield* put(`${k === 0 ? "" : ","}\n      ${JSON.stringify(records[k])}`);
      yield* put("\n    ]");
    }
    yield* put("\n  }");
  }
  yield* put("\n}\n");
  const rest = out.rest();
  if (rest !== undefined) yield rest;
}
