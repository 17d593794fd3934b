/**
 * One side of `admxkit diff`: a values file, a Registry.pol or a GPO folder, as a values file. A file
 * is a Registry.pol when it starts with the `PReg` signature or its name ends in `.pol`, else it is
 * read as a values file (and checked against the templates as `pol` checks it); folders
 * are GPO backups (src/io/read-gpo-input.ts). Registry.pol contents are decoded against the templates.
 */
import { open, stat } from "node:fs/promises";
import type { ValuesDecoder } from "../decompile/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ValuesFile } from "../values/schema.js";

/** The side as a values file, and what decoding it found. */
export interface ValuesSide {
  readonly values: ValuesFile;
  /** The class of a single Registry.pol: the only one this side can speak about. */
  readonly only?: "machine" | "user";
  readonly diagnostics: readonly Diagnostic[];
}

async function startsWithPReg(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.toString("latin1") === "PReg";
  } finally {
    await handle.close();
  }
}

/**
 * Reads `path`; `decoder` is only asked for when the side is a Registry.pol or a GPO folder, `check`
 * for a values file.
 */
export async function readValuesSide(
  path: string,
  decoder: () => ValuesDecoder,
  policyClass: "machine" | "user" | undefined,
  source: string,
  check: (values: ValuesFile, file: string) => readonly Diagnostic[] = () => [],
): Promise<ValuesSide> {
  const info = await stat(path).catch(() => undefined);
  // A `.pol` file is a Registry.pol even when its signature is broken: say that, not "not valid JSON".
  if (info?.isFile() && !/\.pol$/i.test(path) && !(await startsWithPReg(path))) {
    const { readValuesFile } = await import("../values/read-values.js");
    const values = await readValuesFile(path);
    // Unknown policy names and bad options, as `pol` reports them: a misspelt name would otherwise show
    // up as a policy added or removed.
    return { values, diagnostics: check(values, path) };
  }
  const { readGpoInput } = await import("../io/read-gpo-input.js");
  const input = await readGpoInput(path, policyClass ? { policyClass } : {});
  const result = decoder().decode(input.sides, { files: input.files, source });
  const only = input.kind === "pol" ? (policyClass ?? "machine") : undefined;
  return { values: result.values, diagnostics: result.diagnostics, ...(only ? { only } : {}) };
}
