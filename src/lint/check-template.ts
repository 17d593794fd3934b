/**
 * Every rule one template (an ADMX and its ADMLs) can be checked against on its own: its files' encoding,
 * well-formedness and schema structure, the ADMX rules, each ADML against the ADMX, the locales it must
 * have, and Intune's limits. What only the whole store can decide goes back as data (the ADMX document
 * and its references into other namespaces) for the store index. The same function runs in the main
 * thread or in a worker thread (validate-worker.ts): its input and output are plain, cloneable data.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { readInputSync, type InputFormat } from "../io/read-input.js";
import { parseAdml, parseAdmx } from "../read/read-file.js";
import type { TemplateFiles } from "../read/store-files.js";
import type { AdmlDocument, AdmxDocument } from "../read/types.js";
import { checkIntune } from "./intune/intune-rules.js";
import { checkAdml } from "./rules/adml-rules.js";
import { checkAdmx, type ExternalReference } from "./rules/admx-rules.js";

/** One template to check, and what the whole validation asks. */
export interface TemplateJob {
  readonly template: TemplateFiles;
  /** Locales every ADMX must have (`--locale`); undefined: the store's locale folders. */
  readonly locales: readonly string[] | undefined;
  /** The locale folders of the store, for the "missing ADML" warning when no locale is asked for. */
  readonly localeFolders: readonly string[];
  readonly intune: boolean;
}

/** What checking a template found. */
export interface TemplateOutcome {
  /** How many files were read. */
  readonly files: number;
  readonly diagnostics: Diagnostic[];
  /** The ADMX as read, with its references into other namespaces, for the store index. */
  readonly admx?: AdmxDocument;
  readonly external?: readonly ExternalReference[];
}

function bytesOf(path: string, format: InputFormat, out: Diagnostic[]): Uint8Array | undefined {
  // Synchronous on purpose: a template is a few hundred kilobytes from the page cache, and the
  // parallelism comes from worker threads, not from overlapping reads.
  const read = readInputSync(path, format);
  if (read.ok) return read.bytes;
  out.push(read.diagnostic);
  return undefined;
}

const requested = (job: TemplateJob, locale: string) =>
  !job.locales || job.locales.some((l) => l.toLowerCase() === locale.toLowerCase());

/** Which locales the template must have an ADML for, and how bad it is when one is missing. */
function checkLocales(job: TemplateJob, admx: AdmxDocument, out: Diagnostic[]): void {
  const { template } = job;
  const has = (locale: string) => template.admls.some((a) => a.locale.toLowerCase() === locale.toLowerCase());
  const missing = (locale: string, severity: Diagnostic["severity"]) =>
    out.push(diag("ADML_MISSING", { admx: admx.file, locale }, admx.at, severity));
  if (job.locales) {
    for (const locale of job.locales) if (!has(locale)) missing(locale, "error");
  } else if (template.admls.length === 0) {
    out.push(diag("ADML_NONE", { admx: admx.file }, admx.at));
  } else {
    for (const locale of job.localeFolders) if (!has(locale)) missing(locale, "warning");
  }
}

/** Checks one template. Never throws for bad input: everything is a diagnostic. */
export function checkTemplate(job: TemplateJob): TemplateOutcome {
  const { template } = job;
  const out: Diagnostic[] = [];
  let files = 0;
  let admx: AdmxDocument | undefined;
  let external: readonly ExternalReference[] | undefined;
  if (template.admx !== undefined) {
    const bytes = bytesOf(template.admx, "admx", out);
    if (bytes) {
      files++;
      const read = parseAdmx(bytes, template.admx);
      out.push(...read.diagnostics);
      if (read.document) {
        admx = read.document;
        const checked = checkAdmx(admx);
        out.push(...checked.diagnostics);
        external = checked.external;
      }
    }
  }
  let enUs: AdmlDocument | undefined;
  const found: { locale: string; at: AdmlDocument["at"] }[] = [];
  for (const { locale, path } of template.admls) {
    const bytes = bytesOf(path, "adml", out);
    if (!bytes) continue;
    files++;
    const read = parseAdml(bytes, path);
    out.push(...read.diagnostics);
    const adml = read.document;
    if (!adml) continue;
    found.push({ locale, at: adml.at });
    if (template.admx === undefined) out.push(diag("ADML_WITHOUT_ADMX", { adml: path }, adml.at, "warning"));
    if (admx && requested(job, locale)) out.push(...checkAdml(admx, adml, locale));
    if (locale.toLowerCase() === "en-us") enUs = adml;
  }
  if (admx) {
    checkLocales(job, admx, out);
    if (job.intune) out.push(...checkIntune(admx, found, enUs));
  }
  return { files, diagnostics: out, ...(admx && { admx, external: external ?? [] }) };
}
