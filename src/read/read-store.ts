/**
 * The policies of a central store (or any set of ADMX/ADML files) as model policies, for compiling
 * values against templates read from disk (`admxkit pol --admx`, `dump --admx`). Each ADMX is read with
 * one ADML, which gives the controls (and so the defaults) of its elements.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { readInput, type InputFormat } from "../io/read-input.js";
import type { Policy } from "../model/types.js";
import { CatalogKeys } from "./catalog-keys.js";
import { splitReference } from "../model/ids.js";
import { decodeXmlBytes } from "./decode.js";
import { readAhead } from "./read-ahead.js";
import { parseAdml, parseAdmx, type ReadOptions } from "./read-file.js";
import { NamesCache } from "./names-cache.js";
import { findTemplateFiles, type TemplateFiles } from "./store-files.js";
import { scanTemplateNames, type TemplateNames } from "./template-names.js";
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
  /** The ADML files found beside the ADMX, one per locale: where its texts are in each language. */
  readonly admls: readonly { readonly locale: string; readonly path: string }[];
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
  /**
   * Only the templates that define these policies are needed (values-file keys: `Name`, `prefix:Name` or
   * `Namespace:Name`). The ADMX files are scanned for their names (template-names.ts) and only the
   * matching templates are read in full; when a key matches no template, the whole store is read, so
   * that "no such policy" and its suggestions are never wrong because of the shortcut.
   */
  readonly policies?: readonly string[];
  /** Check templates against the schema's structure (default true); see {@link ReadOptions}. */
  readonly schema?: boolean;
}

/** A file's bytes, or the diagnostic saying why it could not be read. */
async function bytesOf(
  path: string,
  format: InputFormat,
  out: Diagnostic[],
): Promise<Uint8Array | undefined> {
  const read = await readInput(path, format);
  if (read.ok) return read.bytes;
  out.push(read.diagnostic);
  return undefined;
}

/** The ADML a template's controls come from: the wanted locale, else (none asked for) the first one. */
function admlFor(template: TemplateFiles, locale: string | undefined) {
  const wanted = (locale ?? "en-US").toLowerCase();
  return (
    template.admls.find((a) => a.locale.toLowerCase() === wanted) ?? (locale ? undefined : template.admls[0])
  );
}

function readTemplate(
  template: TemplateFiles,
  admxBytes: Uint8Array | undefined,
  admlBytes: Uint8Array | undefined,
  options: ReadStoreOptions,
  out: Diagnostic[],
): StorePolicy[] {
  if (!template.admx || !admxBytes) return [];
  const admx = parseAdmx(admxBytes, template.admx, options);
  out.push(...admx.diagnostics);
  if (!admx.document) return [];
  const admlFile = admlFor(template, options.locale);
  let adml: AdmlDocument | undefined;
  if (admlFile && admlBytes) {
    const result = parseAdml(admlBytes, admlFile.path, options);
    out.push(...result.diagnostics);
    adml = result.document;
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

/** True when a template's scanned names define the policy a values-file key names. */
function defines(names: TemplateNames, key: string): boolean {
  const { prefix, name } = splitReference(key);
  if (!names.policies.includes(name)) return false;
  if (prefix === undefined) return true;
  // Namespaces compare case-insensitively in GPMC, as the policy index compares them.
  const q = prefix.toLowerCase();
  return names.namespace?.toLowerCase() === q || names.prefix?.toLowerCase() === q;
}

/**
 * The templates to read for `keys`: those whose ADMX defines one of them, or all when a key is defined
 * nowhere. Names come from the names cache (names-cache.ts) when a file is unchanged since it was
 * scanned, else from a scan; the scanned ADMX bytes of the chosen templates come back too, so no file
 * is read twice.
 */
async function templatesFor(
  templates: readonly TemplateFiles[],
  keys: readonly string[],
  out: Diagnostic[],
): Promise<{ chosen: TemplateFiles[]; admx: Map<TemplateFiles, Uint8Array | undefined> }> {
  const withAdmx = templates.filter((t) => t.admx !== undefined);
  const cache = await NamesCache.open();
  // The state before reading: a file changed after it cannot be cached under the new content's names.
  const states = await Promise.all(withAdmx.map((t) => NamesCache.state(t.admx!)));
  const names = withAdmx.map((t, i) => cache.get(t.admx!, states[i]));
  const toScan = withAdmx.flatMap((t, i) => (names[i] === undefined ? [i] : []));
  const admx = new Map<TemplateFiles, Uint8Array | undefined>();
  const bytesRead = new Map<number, Uint8Array>();
  let next = 0;
  for await (const bytes of readAhead(
    toScan.map((i) => withAdmx[i]!.admx!),
    (path) => bytesOf(path, "admx", out),
  )) {
    const i = toScan[next++]!;
    if (!bytes) continue;
    const scanned = scanTemplateNames(decodeXmlBytes(bytes, withAdmx[i]!.admx!).text);
    names[i] = scanned;
    cache.set(withAdmx[i]!.admx!, states[i], scanned);
    bytesRead.set(i, bytes);
  }
  await cache.save();
  const chosen: TemplateFiles[] = [];
  const found = new Set<string>();
  withAdmx.forEach((template, i) => {
    const matched = names[i] === undefined ? [] : keys.filter((key) => defines(names[i]!, key));
    if (matched.length === 0) return;
    for (const key of matched) found.add(key);
    chosen.push(template);
    // A template whose names came from the cache is read in full later, as any other file.
    if (bytesRead.has(i)) admx.set(template, bytesRead.get(i));
  });
  if (keys.some((key) => !found.has(key))) return { chosen: [...templates], admx };
  return { chosen, admx };
}

/** Reads every policy of the given store folders or files (or those `options.policies` needs). Never throws for bad files. */
export async function readStore(
  paths: string | readonly string[],
  options: ReadStoreOptions = {},
): Promise<StoreContents> {
  const found = await findTemplateFiles(typeof paths === "string" ? [paths] : paths);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  let chosen = found.templates;
  let scanned = new Map<TemplateFiles, Uint8Array | undefined>();
  if (options.policies) {
    const selection = await templatesFor(found.templates, options.policies, diagnostics);
    // A full read after a failed scan reads the files again: drop the scan's read errors, they recur.
    if (selection.chosen.length === found.templates.length) diagnostics.length = found.diagnostics.length;
    else scanned = selection.admx;
    chosen = selection.chosen;
  }
  // Files in processing order: each template's ADMX (unless the scan already has it), then its ADML.
  const files: { index: number; path: string }[] = [];
  chosen.forEach((template, index) => {
    if (template.admx && !scanned.has(template)) files.push({ index, path: template.admx });
    const adml = template.admx ? admlFor(template, options.locale) : undefined;
    if (adml) files.push({ index, path: adml.path });
  });
  const bytes = new Map<string, Uint8Array | undefined>();
  const policies: StorePolicy[] = [];
  const templates: StoreTemplate[] = [];
  let next = 0;
  const finishReadyTemplates = (upTo: number) => {
    // A template is ready once its files are read; templates finish in order.
    for (; next < upTo; next++) {
      const template = chosen[next]!;
      const adml = template.admx ? admlFor(template, options.locale) : undefined;
      const admxBytes = scanned.get(template) ?? (template.admx ? bytes.get(template.admx) : undefined);
      const read = readTemplate(template, admxBytes, adml && bytes.get(adml.path), options, diagnostics);
      if (template.admx) bytes.delete(template.admx);
      if (adml) bytes.delete(adml.path);
      policies.push(...read);
      if (template.admx && read.length > 0) {
        const { namespace, prefix } = read[0]!;
        const policies = read.map((p) => p.policy);
        templates.push({ file: template.admx, namespace, prefix, policies, admls: template.admls });
      }
    }
  };
  let i = 0;
  for await (const content of readAhead(
    files.map((f) => f.path),
    (path) => bytesOf(path, path.toLowerCase().endsWith(".adml") ? "adml" : "admx", diagnostics),
  )) {
    const file = files[i++]!;
    bytes.set(file.path, content);
    // Every template before this file's one is complete; this one is once its last file is in.
    finishReadyTemplates(files[i]?.index === file.index ? file.index : file.index + 1);
  }
  finishReadyTemplates(chosen.length);
  return { policies, templates, diagnostics };
}
