import { generateTemplates } from "../templates/generate.js";
import { AdmxkitError, diag, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { own } from "../model/own.js";
import type { Bundle } from "../model/types.js";
import { parseAdml, parseAdmx } from "../read/read-file.js";
import { decodeTemplates } from "../read/to-bundle.js";
import { exampleOptions, type ExampleOptions } from "./example-values.js";
import { compiledRegistry } from "./registry-effects.js";
import type { PreviewSiteOptions } from "./site.js";

/** A template file: its path in a PolicyDefinitions tree (`X.admx`, `<locale>/X.adml`) and its bytes or text. */
export interface TemplateFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** What the preview renders: the model read back from the templates, and what produced them. */
export interface PreviewModel {
  /** The bundle as the readers see the ADMX and ADML files: texts and controls exactly as GPMC gets them. */
  readonly bundle: Bundle;
  /**
   * The bundle the templates were generated from, when there is one. It knows what ADMX cannot carry
   * (the text formats of options), so examples and registry entries come from it.
   */
  readonly source?: Bundle;
  readonly diagnostics: readonly Diagnostic[];
}

const ADMX = /^(?:(.*)\/)?([^/]+)\.admx$/i;

/**
 * Reads every ADMX of a PolicyDefinitions tree with the ADMLs of the same name in its locale folders,
 * and converts each into the model. Problems that make a file unusable throw an {@link AdmxkitError}
 * listing all of them; warnings and infos come back in `diagnostics`.
 */
export function readPreviewModels(files: readonly TemplateFile[]): PreviewModel[] {
  const admxFiles = files.filter((f) => ADMX.test(f.path));
  return admxFiles.map((file) => {
    const [, dir = "", base = ""] = ADMX.exec(file.path)!;
    const prefix = dir === "" ? "" : `${dir}/`;
    const admx = parseAdmx(file.content, file.path);
    const diagnostics: Diagnostic[] = [...admx.diagnostics];
    const admls: Record<string, NonNullable<ReturnType<typeof parseAdml>["document"]>> = Object.create(null);
    for (const candidate of files) {
      // An ADML counts only in a locale folder beside the ADMX: the editor looks nowhere else.
      const match = /^([^/]+)\/([^/]+)\.adml$/i.exec(candidate.path.slice(prefix.length));
      if (!candidate.path.startsWith(prefix) || !match || match[2]!.toLowerCase() !== base.toLowerCase())
        continue;
      const adml = parseAdml(candidate.content, candidate.path);
      diagnostics.push(...adml.diagnostics);
      if (adml.document) admls[match[1]!] = adml.document;
    }
    if (!admx.document) throw new AdmxkitError(diagnostics);
    const read = decodeTemplates(admx.document, admls);
    diagnostics.push(...read.diagnostics);
    if (!read.bundle || hasErrors(diagnostics)) throw new AdmxkitError(diagnostics);
    return { bundle: read.bundle, diagnostics };
  });
}

/**
 * The single seam between a bundle and its preview: the preview must show what GPMC shows, so it
 * renders from the generated ADMX and ADML read back with the readers (src/read), not from the bundle
 * that produced them.
 */
export function loadPreviewModel(bundle: Bundle, locales?: readonly string[]): PreviewModel {
  const templates = generateTemplates(bundle, locales ? { locales } : {});
  const files = templates.files.map((f) => ({ ...f, path: f.path.replace(/^PolicyDefinitions\//, "") }));
  const [model] = readPreviewModels(files);
  if (!model) throw new AdmxkitError([diag("PREVIEW_ADMX_EMPTY", { dir: bundle.fileName })]);
  // The readers' warnings and infos about files admxkit itself wrote concern its own deliberate choices
  // (a multiTextBox label as text, as Windows' files have it), not the user's bundle.
  return { bundle: model.bundle, source: bundle, diagnostics: templates.diagnostics };
}

/**
 * Site options for a model: the Enabled examples (values file first, then the controls' defaults) and
 * the registry entries computed with the source bundle's policies where there is one, so that what the
 * ADMX cannot carry (option formats) still shapes the examples and is checked by the compiler.
 */
export function previewSiteOptions(
  model: PreviewModel,
  options: {
    readonly locales?: readonly string[];
    readonly examples?: Readonly<Record<string, ExampleOptions>>;
  } = {},
): PreviewSiteOptions {
  const policies = model.source?.policies ?? model.bundle.policies;
  const sourceOf = new Map(policies.map((p) => [p.name, p]));
  const examples = Object.fromEntries(
    // Without the sample word: each page fills it in its own language.
    policies.map((p) => [
      p.name,
      exampleOptions(p, options.examples && own(options.examples, p.name), false),
    ]),
  );
  return {
    ...(options.locales ? { locales: options.locales } : {}),
    examples,
    registry: (policy, example) => compiledRegistry(sourceOf.get(policy.name) ?? policy, example),
  };
}
