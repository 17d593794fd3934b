/**
 * The policies of a central store (or any set of ADMX/ADML files) as model policies, for compiling
 * values against templates read from disk (`admxkit pol --admx`, `dump --admx`). Each ADMX is read with
 * one ADML, which gives the controls (and so the defaults) of its elements.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { readInput, type InputFormat } from "../io/read-input.js";
import type { Policy } from "../model/types.js";
import { CatalogKeys } from "./catalog-keys.js";
import { readAdml, readAdmx } from "./read-file.js";
import { findTemplateFiles, type TemplateFiles } from "./store-files.js";
import { toModelPolicy } from "./to-model-policy.js";
import type { AdmlDocument } from "./types.js";

/** A policy of the store with where it comes from. */
export interface StorePolicy {
  /** The ADMX target namespace, e.g. `Microsoft.Policies.WindowsDefender`. */
  readonly namespace: string;
  readonly prefix: string;
  /** The ADMX file and the position of the `<policy>` start tag. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /**
   * The policy in the model's shape. Element controls come from the ADML of the chosen locale; elements
   * no control presents get their kind's plain control (no default), listed in `withoutControl`.
   */
  readonly policy: Policy;
  readonly withoutControl: readonly string[];
}

/** The policies of one ADMX: the shape `createPolicyIndex` (src/compile/policy-index.ts) takes. */
export interface StoreTemplate {
  readonly file: string;
  readonly namespace: string;
  readonly prefix: string;
  readonly policies: readonly Policy[];
}

/** What {@link readStore} found. */
export interface StoreContents {
  /** Every policy, in file order (files sorted by name). */
  readonly policies: readonly StorePolicy[];
  /** The same policies grouped by ADMX, ready for `createPolicyIndex(templates)`. */
  readonly templates: readonly StoreTemplate[];
  /** Problems found while reading (malformed files, schema violations…); errors do not stop reading. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link readStore}. */
export interface ReadStoreOptions {
  /** Locale of the ADML whose controls are used; default en-US, else the first locale found. */
  readonly locale?: string;
}

async function readTemplate(
  template: TemplateFiles,
  locale: string | undefined,
  out: Diagnostic[],
): Promise<StorePolicy[]> {
  const read = async (path: string, format: InputFormat) => {
    const result = await readInput(path, format);
    if (result.ok) return result.bytes;
    out.push(result.diagnostic);
    return undefined;
  };
  if (!template.admx) return [];
  const bytes = await read(template.admx, "admx");
  const admx = bytes && readAdmx(bytes, template.admx);
  if (!admx) return [];
  out.push(...admx.diagnostics);
  if (!admx.document) return [];
  const wanted = (locale ?? "en-US").toLowerCase();
  const admlFile =
    template.admls.find((a) => a.locale.toLowerCase() === wanted) ?? (locale ? undefined : template.admls[0]);
  let adml: AdmlDocument | undefined;
  if (admlFile) {
    const admlBytes = await read(admlFile.path, "adml");
    const result = admlBytes && readAdml(admlBytes, admlFile.path);
    if (result) out.push(...result.diagnostics);
    adml = result?.document;
  }
  const keys = new CatalogKeys(adml?.strings.keys() ?? []);
  const target = admx.document.target;
  return admx.document.policies.map((read) => {
    const presentation =
      read.presentation === undefined ? undefined : adml?.presentations.get(read.presentation);
    const { policy, withoutControl } = toModelPolicy(read, presentation, keys);
    return {
      namespace: target?.namespace ?? "",
      prefix: target?.prefix ?? "",
      file: read.at.file,
      line: read.at.line,
      column: read.at.column,
      policy,
      withoutControl: withoutControl.map((e) => e.id),
    };
  });
}

/** Reads every policy of the given store folders or files. Never throws for bad files. */
export async function readStore(
  paths: string | readonly string[],
  options: ReadStoreOptions = {},
): Promise<StoreContents> {
  const found = await findTemplateFiles(typeof paths === "string" ? [paths] : paths);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const policies: StorePolicy[] = [];
  const templates: StoreTemplate[] = [];
  for (const template of found.templates) {
    const read = await readTemplate(template, options.locale, diagnostics);
    policies.push(...read);
    if (template.admx && read.length > 0) {
      const { namespace, prefix } = read[0]!;
      templates.push({ file: template.admx, namespace, prefix, policies: read.map((p) => p.policy) });
    }
  }
  return { policies, templates, diagnostics };
}
