/**
 * `admxkit validate`: every rule over a set of templates or a whole central store. Files are read one
 * template at a time (an ADMX, then each of its ADMLs); what the store-wide rules need is kept in a small
 * index, so memory is bounded by the largest file, not by the store.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { readInput, type InputFormat } from "../io/read-input.js";
import { readAdml, readAdmx } from "../read/read-file.js";
import { findTemplateFiles, type TemplateFiles } from "../read/store-files.js";
import type { AdmlDocument, AdmxDocument } from "../read/types.js";
import { checkIntune } from "./intune/intune-rules.js";
import { checkAdml } from "./rules/adml-rules.js";
import { checkAdmx } from "./rules/admx-rules.js";
import { StoreIndex } from "./rules/store-index.js";

/** Options of {@link validateTemplates}. */
export interface ValidateOptions {
  /**
   * Locales whose ADMLs every ADMX must have; only these are checked against the ADMX. Default: every
   * locale folder of the store, and each ADMX must have at least one ADML.
   */
  readonly locales?: readonly string[];
  /** Also check the limits of Intune's custom ADMX import. */
  readonly intune?: boolean;
  /** Called after each template, for progress display. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

/** The outcome of {@link validateTemplates}. */
export interface ValidationResult {
  /** How many files were read. */
  readonly files: number;
  /** Every finding, sorted by file, line and column. */
  readonly diagnostics: Diagnostic[];
}

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

class Validation {
  readonly out: Diagnostic[] = [];
  readonly index = new StoreIndex();
  files = 0;

  constructor(
    private readonly options: ValidateOptions,
    private readonly localeFolders: readonly string[],
  ) {}

  private requested(locale: string): boolean {
    return (
      !this.options.locales || this.options.locales.some((l) => l.toLowerCase() === locale.toLowerCase())
    );
  }

  private async admx(path: string): Promise<AdmxDocument | undefined> {
    const bytes = await bytesOf(path, "admx", this.out);
    if (!bytes) return undefined;
    this.files++;
    const { document, diagnostics } = readAdmx(bytes, path);
    this.out.push(...diagnostics);
    if (document) {
      const checked = checkAdmx(document);
      this.out.push(...checked.diagnostics);
      this.index.add(document, checked.external);
    }
    return document;
  }

  private async adml(path: string): Promise<AdmlDocument | undefined> {
    const bytes = await bytesOf(path, "adml", this.out);
    if (!bytes) return undefined;
    this.files++;
    const { document, diagnostics } = readAdml(bytes, path);
    this.out.push(...diagnostics);
    return document;
  }

  /** Which locales this template must have an ADML for, and how bad it is when one is missing. */
  private checkLocales(template: TemplateFiles, admx: AdmxDocument): void {
    const has = (locale: string) =>
      template.admls.some((a) => a.locale.toLowerCase() === locale.toLowerCase());
    const missing = (locale: string, severity: Diagnostic["severity"]) =>
      this.out.push(diag("ADML_MISSING", { admx: admx.file, locale }, admx.at, severity));
    if (this.options.locales) {
      for (const locale of this.options.locales) if (!has(locale)) missing(locale, "error");
    } else if (template.admls.length === 0) {
      this.out.push(diag("ADML_NONE", { admx: admx.file }, admx.at));
    } else {
      for (const locale of this.localeFolders) if (!has(locale)) missing(locale, "warning");
    }
  }

  async template(template: TemplateFiles): Promise<void> {
    const admx = template.admx === undefined ? undefined : await this.admx(template.admx);
    let enUs: AdmlDocument | undefined;
    const found: { locale: string; at: AdmlDocument["at"] }[] = [];
    for (const { locale, path } of template.admls) {
      const adml = await this.adml(path);
      if (!adml) continue;
      found.push({ locale, at: adml.at });
      if (template.admx === undefined)
        this.out.push(diag("ADML_WITHOUT_ADMX", { adml: path }, adml.at, "warning"));
      if (admx && this.requested(locale)) this.out.push(...checkAdml(admx, adml, locale));
      if (locale.toLowerCase() === "en-us") enUs = adml;
    }
    if (!admx) return;
    this.checkLocales(template, admx);
    if (this.options.intune) this.out.push(...checkIntune(admx, found, enUs));
  }
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? "").localeCompare(b.file ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/** Validates ADMX/ADML files and store folders. Never throws for bad input: everything is a diagnostic. */
export async function validateTemplates(
  paths: readonly string[],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const store = await findTemplateFiles(paths);
  const validation = new Validation(options, store.localeFolders);
  validation.out.push(...store.diagnostics);
  for (const [i, template] of store.templates.entries()) {
    await validation.template(template);
    options.onProgress?.(
      i + 1,
      store.templates.length,
      template.admx ?? template.admls[0]?.path ?? template.base,
    );
  }
  const diagnostics = [...validation.out, ...validation.index.finish()].sort(byPlace);
  return { files: validation.files, diagnostics };
}
