import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { BUILTIN_BUNDLES } from "../bundles/index.js";
import {
  AdmxkitError,
  diag,
  hasErrors,
  type Diagnostic,
  type DiagnosticCode,
} from "../diagnostics/diagnostic.js";
import { checkInputFile } from "../io/read-input.js";
import { readJsonFile } from "../io/read-json.js";
import { checkBundleRules } from "../model/check-rules.js";
import type { Bundle } from "../model/types.js";

/** Where a bundle came from, for messages: the built-in id or the file path. */
export interface LoadedBundle {
  readonly bundle: Bundle;
  readonly source: string;
  /** The warnings and notes the check found (errors are thrown). */
  readonly diagnostics: readonly Diagnostic[];
}

function fail(code: DiagnosticCode, params: Record<string, string>, file?: string): never {
  throw new AdmxkitError([diag(code, params, file ? { file } : {})]);
}

/** TypeScript bundles: Node 20 cannot strip types itself, so these go through jiti. */
const TYPESCRIPT = /\.(ts|mts|cts)$/i;

/**
 * Imports a TypeScript module with jiti (chosen over tsx: 1.8 MB without dependencies or a native
 * binary, against 12 MB with esbuild's platform binary; see docs/design/README.md). Loaded only for a .ts bundle,
 * so no other command pays for it. jiti keeps its transpiled files in the OS temporary folder, keyed
 * on the source's content, so the cache cannot go stale and is safe to delete.
 */
async function importTypeScript(file: string): Promise<Record<string, unknown>> {
  const { createJiti } = await import("jiti");
  // Resolved from the bundle's own folder, so that its `import … from "admxkit"` finds the project's copy.
  const jiti = createJiti(pathToFileURL(file).href, { moduleCache: false });
  return (await jiti.import(file)) as Record<string, unknown>;
}

async function importModule(file: string): Promise<unknown> {
  // Node's loader reads the file itself: check first that it is a regular file of a sane size.
  const unusable = await checkInputFile(file, "js");
  if (unusable) throw new AdmxkitError([unusable]);
  try {
    const module = TYPESCRIPT.test(file)
      ? await importTypeScript(file)
      : ((await import(pathToFileURL(file).href)) as Record<string, unknown>);
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
 * Resolves a bundle as `--bundle` names it: a built-in id, a JSON bundle file, or a JavaScript or
 * TypeScript module exporting a bundle (default export, or `bundle`; a function is called). The result
 * is checked for the requested locales; every problem is thrown as an `AdmxkitError` naming the file
 * it came from.
 */
export async function loadBundle(spec: string, locales?: readonly string[]): Promise<LoadedBundle> {
  const builtin = BUILTIN_BUNDLES[spec];
  let input: unknown;
  let source = spec;
  if (builtin) {
    input = await builtin();
  } else if (/\.(json|js|mjs|cjs|ts|mts|cts)$/i.test(spec)) {
    source = resolve(spec);
    input = extname(spec).toLowerCase() === ".json" ? await readJson(spec) : await importModule(source);
  } else {
    // Not a bundle id, and not a name the loader reads: say what the path is, if it is anything.
    const unusable = await checkInputFile(spec, "json");
    if (unusable === undefined) fail("BUNDLE_EXTENSION_UNKNOWN", { file: spec }, spec);
    if (unusable.code !== "INPUT_NOT_FOUND") throw new AdmxkitError([unusable]);
    fail("BUNDLE_NOT_FOUND", { bundle: spec, builtins: Object.keys(BUILTIN_BUNDLES).join(", ") });
  }
  const options = locales ? { locales } : {};
  if (builtin) {
    // A built-in bundle's shape is held to checkBundle by its tests: only the rules that depend on the
    // request (the locales asked for) run here, without loading zod, which keeps the cold start short.
    const diagnostics = checkBundleRules(input as Bundle, options);
    if (hasErrors(diagnostics)) throw new AdmxkitError(diagnostics);
    return { bundle: input as Bundle, source, diagnostics };
  }
  const { checkBundle } = await import("../model/check-bundle.js");
  const checked = checkBundle(input, options);
  if (!checked.ok) throw new AdmxkitError(checked.diagnostics.map((d) => ({ ...d, file: spec })));
  return {
    bundle: checked.bundle,
    source,
    diagnostics: checked.diagnostics.map((d) => ({ ...d, file: spec })),
  };
}
