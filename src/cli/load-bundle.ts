import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { BUILTIN_BUNDLES } from "../bundles/index.js";
import { AdmxkitError, diag, type Diagnostic, type DiagnosticCode } from "../diagnostics/diagnostic.js";
import { checkInputFile } from "../io/read-input.js";
import { readJsonFile } from "../io/read-json.js";
import { checkBundle } from "../model/check-bundle.js";
import type { Bundle } from "../model/types.js";

/** Where a bundle came from, for messages: the built-in id or the file path. */
export interface LoadedBundle {
  readonly bundle: Bundle;
  readonly source: string;
}

function fail(code: DiagnosticCode, params: Record<string, string>, file?: string): never {
  throw new AdmxkitError([diag(code, params, file ? { file } : {})]);
}

async function importModule(file: string): Promise<unknown> {
  // Node's loader reads the file itself: check first that it is a regular file of a sane size.
  const unusable = await checkInputFile(file, "js");
  if (unusable) throw new AdmxkitError([unusable]);
  try {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const exported = module.default ?? module.bundle;
    if (exported === undefined) fail("BUNDLE_EXPORT_MISSING", { file }, file);
    return typeof exported === "function" ? await (exported as () => unknown)() : exported;
  } catch (error) {
    if (error instanceof AdmxkitError) throw error;
    fail(
      "BUNDLE_LOAD_FAILED",
      { file, reason: error instanceof Error ? error.message : String(error) },
      file,
    );
  }
}

async function readJson(file: string): Promise<unknown> {
  const read = await readJsonFile(file);
  if (!read.ok) throw new AdmxkitError(read.diagnostics);
  return read.value;
}

/**
 * Resolves `--bundle`: a built-in id, a JSON bundle file, or a JavaScript module exporting a bundle
 * (default export, or `bundle`; a function is called). The result is checked for the requested locales;
 * every problem is reported with the file it came from.
 */
export async function loadBundle(spec: string, locales?: readonly string[]): Promise<LoadedBundle> {
  const builtin = BUILTIN_BUNDLES[spec];
  let input: unknown;
  let source = spec;
  if (builtin) {
    input = await builtin();
  } else if (/\.(json|js|mjs|cjs)$/i.test(spec)) {
    source = resolve(spec);
    input = extname(spec).toLowerCase() === ".json" ? await readJson(spec) : await importModule(source);
  } else {
    // Not a bundle id, and not a name the loader reads: say what the path is, if it is anything.
    const unusable = await checkInputFile(spec, "json");
    if (unusable === undefined) fail("BUNDLE_EXTENSION_UNKNOWN", { file: spec }, spec);
    if (unusable.code !== "INPUT_NOT_FOUND") throw new AdmxkitError([unusable]);
    fail("BUNDLE_NOT_FOUND", { bundle: spec, builtins: Object.keys(BUILTIN_BUNDLES).join(", ") });
  }
  const checked = checkBundle(input, locales ? { locales } : {});
  const withFile = (list: readonly Diagnostic[]) => list.map((d) => (builtin ? d : { ...d, file: spec }));
  if (!checked.ok) throw new AdmxkitError(withFile(checked.diagnostics));
  return { bundle: checked.bundle, source };
}
