import { AdmxkitError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkBundle } from "../model/check-bundle.js";
import type { OutputFile } from "../io/output-file.js";
import type { Bundle } from "../model/types.js";
import { templateFiles } from "./template-files.js";

export type { OutputFile } from "../io/output-file.js";

/** The central-store files of a bundle, and the warnings found while checking it. */
export interface TemplateSet {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface GenerateOptions {
  /** Locales to write; default: every locale of the bundle. Each one must have every string. */
  readonly locales?: readonly string[];
}

/**
 * Checks a bundle and writes its Administrative Templates: `PolicyDefinitions/<File>.admx` and
 * `PolicyDefinitions/<locale>/<File>.adml` per locale (an ADML outside its locale folder is not found
 * by the editor). Throws an {@link AdmxkitError} listing every problem when the bundle is not valid for
 * all requested locales; returns nothing partial.
 */
export function generateTemplates(input: Bundle | unknown, options: GenerateOptions = {}): TemplateSet {
  const checked = checkBundle(input, options);
  if (!checked.ok) throw new AdmxkitError(checked.diagnostics);
  return { files: templateFiles(checked.bundle, options.locales), diagnostics: checked.diagnostics };
}
