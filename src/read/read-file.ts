import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { registryNameDiagnostics } from "../model/registry-name-uses.js";
import { checkStructure } from "./schema/check-structure.js";
import { readAdmlDocument } from "./adml/read-adml.js";
import { readAdmxDocument } from "./admx/read-admx.js";
import { decodeXmlBytes } from "./decode.js";
import type { AdmlDocument, AdmxDocument } from "./types.js";
import { parseXml } from "./xml/parse-xml.js";
import type { XmlDocument } from "./xml/tree.js";

/** A read file: the document when the XML was well-formed, and every problem found in it. */
export interface ReadResult<D> {
  readonly document?: D;
  readonly diagnostics: Diagnostic[];
}

/** Options of {@link parseAdmx} and {@link parseAdml}. */
export interface ReadOptions {
  /**
   * Check the file against the ADMX schema's structure (default true). Commands that only look names up
   * in a store may skip it; `validate` and anything that reports findings keep it.
   */
  readonly schema?: boolean;
}

/**
 * Decodes, parses and (unless told not to) checks the structure of a file, in one pass over the text
 * and one walk over the tree. Bytes go through encoding detection; a string is taken as already decoded
 * text (e.g. what {@link writeAdmx} returns).
 */
function parse(
  input: Uint8Array | string,
  file: string,
  kind: "admx" | "adml",
  options: ReadOptions,
): ReadResult<XmlDocument> {
  const decoded = typeof input === "string" ? { text: input, diagnostics: [] } : decodeXmlBytes(input, file);
  const parsed = parseXml(decoded.text, file);
  const diagnostics = [...decoded.diagnostics, ...parsed.diagnostics];
  if (!parsed.document) return { diagnostics };
  if (options.schema !== false) diagnostics.push(...checkStructure(parsed.document, kind));
  return { document: parsed.document, diagnostics };
}

/**
 * Parses the text or bytes of an ADMX file (`file` names it in the diagnostics). Real-world files are
 * read even when they break the schema (the diagnostics say how); only XML that is not well-formed
 * gives no document.
 */
export function parseAdmx(
  input: Uint8Array | string,
  file: string,
  options: ReadOptions = {},
): ReadResult<AdmxDocument> {
  const { document, diagnostics } = parse(input, file, "admx", options);
  if (!document) return { diagnostics };
  const admx = readAdmxDocument(document);
  return { document: admx, diagnostics: [...diagnostics, ...admxRegistryNameDiagnostics(admx)] };
}

/** Parses the text or bytes of an ADML file, like {@link parseAdmx}. */
export function parseAdml(
  input: Uint8Array | string,
  file: string,
  options: ReadOptions = {},
): ReadResult<AdmlDocument> {
  const { document, diagnostics } = parse(input, file, "adml", options);
  return document ? { document: readAdmlDocument(document), diagnostics } : { diagnostics };
}

/**
 * Registry key and value names of an ADMX that hold a control character or a line end (`&#13;&#10;` in
 * a `key` or `valueName` attribute is well-formed XML): errors with the policy named, at the start tag
 * of the element the name belongs to (or of the policy). See src/pol/registry-names.ts for the set.
 */
function admxRegistryNameDiagnostics(admx: AdmxDocument): Diagnostic[] {
  return admx.policies.flatMap((policy) =>
    registryNameDiagnostics(policy, ([section, index]) => {
      const element =
        section === "elements" && typeof index === "number" ? policy.elements[index] : undefined;
      return (element ?? policy).at;
    }),
  );
}
