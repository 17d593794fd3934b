/**
 * The templates of a store as the preview reads them: the files of one template at a time, their ADMLs
 * for the locales rendered, and the model the pages are made from.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { parseAdml, parseAdmx } from "../../read/read-file.js";
import { decodeTemplates, type DecodedTemplates } from "../../read/to-bundle.js";
import type { AdmlDocument, AdmxDocument } from "../../read/types.js";
import type { TemplateFile } from "../load-model.js";

/** One template of a store: its base name, and a way to read its files (called once or twice). */
export interface StoreTemplate {
  readonly base: string;
  read(): Promise<{ readonly admx: TemplateFile; readonly admls: readonly StoreAdml[] }>;
}

/** An ADML of a template and the locale folder it sits in. */
export interface StoreAdml {
  readonly locale: string;
  readonly file: TemplateFile;
}

/** Reads the ADMLs of a template into documents, keeping only the locales asked for. */
export function readAdmls(
  admls: readonly StoreAdml[],
  locales: ReadonlySet<string> | undefined,
  schema: boolean,
) {
  const documents = new Map<string, AdmlDocument>();
  const diagnostics: Diagnostic[] = [];
  for (const { locale, file } of admls) {
    if (locales && !locales.has(locale)) continue;
    const read = parseAdml(file.content, file.path, { schema });
    diagnostics.push(...read.diagnostics);
    if (read.document) documents.set(locale, read.document);
  }
  return { documents, diagnostics };
}

/** A template as its pages need it: decoded into the model, with the locales it has an ADML in. */
export interface DecodedTemplate {
  /** The ADMX's path, as the findings name it. */
  readonly admx: string;
  /** Locales with an ADML, in the order the template listed them. */
  readonly locales: readonly string[];
  /** The model and the conversion's findings; absent without any ADML (no page to show). */
  readonly read?: DecodedTemplates;
}

/** Converts a template's documents into the model, for its pages (the ADMLs as the pages' locales). */
export function decodeTemplate(
  admxPath: string,
  admx: AdmxDocument,
  admls: ReadonlyMap<string, AdmlDocument>,
): DecodedTemplate {
  const locales = [...admls.keys()];
  if (locales.length === 0) return { admx: admxPath, locales };
  return { admx: admxPath, locales, read: decodeTemplates(admx, Object.fromEntries(admls)) };
}

/** Reads a template again and decodes it, for pass 2 (a template pass 1 did not keep). */
export async function readDecoded(template: StoreTemplate, locales: readonly string[]) {
  const files = await template.read();
  const admx = parseAdmx(files.admx.content, files.admx.path, { schema: false });
  if (!admx.document) return undefined;
  const admls = readAdmls(files.admls, new Set(locales), false);
  return decodeTemplate(files.admx.path, admx.document, admls.documents);
}
