/**
 * A values file, a Registry.pol or a GPO backup folder, as a values file (one side of `admxkit diff`).
 * A file is a Registry.pol when it starts with the `PReg` signature or its name ends in `.pol`, else it
 * is read as a values file and checked against the policies as `pol` checks it; folders are GPO backups
 * (src/io/read-gpo-input.ts). Registry.pol contents are decoded against the policies.
 */
import { open, stat } from "node:fs/promises";
import type { ValuesDecoder } from "../decompile/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ValuesFile } from "../values/schema.js";
import { hasPolSignature } from "../pol/index.js";
import type { LoadedPolicies } from "./load-policies.js";

/** Options of {@link loadValues}. */
export interface LoadValuesOptions {
  /** The class of a single Registry.pol (default machine); of a GPO backup, the only class read. */
  readonly policyClass?: "machine" | "user";
}

/** The input as a values file, and what checking or decoding it found. */
export interface LoadedValues {
  readonly values: ValuesFile;
  /** The class of a single Registry.pol: the only one this input can speak about. */
  readonly only?: "machine" | "user";
  /** Unknown policy names and bad options of a values file; what decoding could not attribute. */
  readonly diagnostics: readonly Diagnostic[];
}

/** One decoder per set of policies: building it indexes every registry write of every policy. */
const decoders = new WeakMap<LoadedPolicies, ValuesDecoder>();

async function startsWithPReg(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return hasPolSignature(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Reads `path` as a values file against `policies` (from `loadPolicies`). Throws an `AdmxkitError` when
 * the input cannot be read at all (no such path, not JSON, a Registry.pol that does not decode); the
 * findings about its contents are returned, errors included, for the caller to weigh.
 */
export async function loadValues(
  path: string,
  policies: LoadedPolicies,
  options: LoadValuesOptions = {},
): Promise<LoadedValues> {
  const { policyClass } = options;
  const info = await stat(path).catch(() => undefined);
  // A `.pol` file is a Registry.pol even when its signature is broken: say that, not "not valid JSON".
  if (info?.isFile() && !/\.pol$/i.test(path) && !(await startsWithPReg(path))) {
    const { readValuesFile } = await import("../values/read-values.js");
    const { compileValues } = await import("../compile/index.js");
    const values = await readValuesFile(path);
    // Unknown policy names and bad options, as `pol` reports them (both sections are checked whichever
    // class is compiled, compile-values.ts): a misspelt name would otherwise show up as a policy added
    // or removed.
    const { source, index } = policies;
    return {
      values,
      diagnostics: compileValues(index, values, "machine", { file: path, source }).diagnostics,
    };
  }
  const { readGpoInput } = await import("../io/read-gpo-input.js");
  const { createValuesDecoder } = await import("../decompile/index.js");
  const input = await readGpoInput(path, policyClass ? { policyClass } : {});
  let decoder = decoders.get(policies);
  if (decoder === undefined) decoders.set(policies, (decoder = createValuesDecoder(policies.sources)));
  const result = decoder.decode(input.sides, { files: input.files, source: policies.source });
  const only = input.kind === "pol" ? (policyClass ?? "machine") : undefined;
  return { values: result.values, diagnostics: result.diagnostics, ...(only ? { only } : {}) };
}
