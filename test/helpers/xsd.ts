/**
 * Test helper: validate ADMX / ADML text against the ADMX schema with libxml2 (xmllint-wasm).
 *
 * The schema is the libxml2-compatible copy of the published ADMX schema kept in
 * `shared/reference/admx-schema-libxml2/` (see `shared/reference/PROVENANCE.md`); scripts/shared-folder.js
 * says where the `shared/` folder is.
 *
 * Known gaps of that schema (it rejects some attributes real Microsoft templates use, e.g.
 * `clientExtension` on `<policy>`) are documented in PROVENANCE.md; generated output should avoid them.
 */
import { readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import { SHARED } from "./cli.js";

/** Folder holding PolicyDefinitionFiles.xsd, PolicyDefinitions.xsd and BaseTypes.xsd. */
export const SCHEMA_DIR_URL = pathToFileURL(join(SHARED, "reference", "admx-schema-libxml2") + sep);

/** Main schema first; the other two are pulled in by `xs:include` and must be preloaded by name. */
const MAIN_SCHEMA = "PolicyDefinitionFiles.xsd";
const INCLUDED_SCHEMAS = ["PolicyDefinitions.xsd", "BaseTypes.xsd"] as const;

/** Root element expected for each file kind. */
const ROOT_ELEMENT: Record<"admx" | "adml", string> = {
  admx: "policyDefinitions",
  adml: "policyDefinitionResources",
};

interface SchemaFiles {
  main: XMLFileInfo;
  preload: XMLFileInfo[];
}

let schemaFiles: Promise<SchemaFiles> | undefined;

async function readSchemaFile(name: string): Promise<XMLFileInfo> {
  const url = new URL(name, SCHEMA_DIR_URL);
  try {
    return { fileName: name, contents: await readFile(url, "utf8") };
  } catch (cause) {
    throw new Error(
      `ADMX schema file not found at ${fileURLToPath(url)}; ` +
        "see scripts/shared-folder.js for where the reference folder is looked for",
      { cause },
    );
  }
}

/** Reads the three schema files once per process (per vitest worker). */
function loadSchemaFiles(): Promise<SchemaFiles> {
  schemaFiles ??= (async () => {
    const [main, ...preload] = await Promise.all(
      [MAIN_SCHEMA, ...INCLUDED_SCHEMAS].map((name) => readSchemaFile(name)),
    );
    if (main === undefined) throw new Error("unreachable: main schema missing");
    return { main, preload };
  })();
  // Do not cache a failed read: the next call retries.
  schemaFiles.catch(() => {
    schemaFiles = undefined;
  });
  return schemaFiles;
}

/** Local name of the first element in the document, or undefined if none is found. */
function rootLocalName(xmlText: string): string | undefined {
  // Skip the XML declaration, comments, processing instructions and a DOCTYPE before the root element.
  const withoutProlog = xmlText.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, "");
  const match = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(withoutProlog);
  return match?.[2];
}

/**
 * Validates one ADMX or ADML document against the ADMX schema.
 *
 * The schema declares both `policyDefinitions` (ADMX) and `policyDefinitionResources` (ADML) as global
 * elements, so either kind of file validates against it. When `kind` is given, the root element must
 * also match that kind; a mismatch is reported as an extra error.
 *
 * Errors are xmllint messages prefixed with the in-memory file name and line, e.g.
 * `input.admx:12: element foo: Schemas validity error : Element '{…}foo': This element is not expected.`
 */
export async function validateXml(
  xmlText: string,
  kind?: "admx" | "adml",
): Promise<{ valid: boolean; errors: string[] }> {
  const { main, preload } = await loadSchemaFiles();
  const fileName = `input.${kind ?? "xml"}`;
  const result = await validateXML({
    xml: [{ fileName, contents: xmlText }],
    schema: [main],
    preload,
    // 2048 pages of 64 KiB = 128 MiB, headroom above the 32 MiB default for large (MiB-sized) in-box files.
    maxMemoryPages: 2048,
  });

  let valid = result.valid;
  const errors = result.errors.map((e) => e.rawMessage.trim()).filter((m) => m.length > 0);
  if (!valid && errors.length === 0) {
    // xmllint failed without a parseable message; keep whatever it printed.
    errors.push(result.rawOutput.trim() || `${fileName}: validation failed without a message`);
  }

  if (kind !== undefined) {
    const expected = ROOT_ELEMENT[kind];
    const actual = rootLocalName(xmlText);
    if (actual !== undefined && actual !== expected) {
      valid = false;
      errors.push(
        `${fileName}: root element is <${actual}>, expected <${expected}> for an ${kind.toUpperCase()} file`,
      );
    }
  }

  return { valid, errors };
}

/**
 * Schema errors that are gaps of Microsoft's published schema, not defects of the file
 * (shared/reference/PROVENANCE.md lists them). Windows' own ADML files put the label of a multiTextBox in
 * its text content, which the editor displays; the schema declares the element empty. We follow
 * Windows, so this one message is tolerated — and only for multiTextBox.
 */
const KNOWN_SCHEMA_GAPS = [
  /Element '\{[^}]+\}multiTextBox': Character content is not allowed, because the content type is empty\./,
];

/** Validates like {@link validateXml}, then drops the errors that are documented gaps of the schema. */
export async function validateXmlAllowingKnownGaps(
  xmlText: string,
  kind?: "admx" | "adml",
): Promise<{ valid: boolean; errors: string[]; tolerated: string[] }> {
  const result = await validateXml(xmlText, kind);
  const tolerated = result.errors.filter((e) => KNOWN_SCHEMA_GAPS.some((gap) => gap.test(e)));
  const errors = result.errors.filter((e) => !tolerated.includes(e));
  return { valid: errors.length === 0, errors, tolerated };
}

/** The most documents one xmllint-wasm run reads: `npm run fuzz` asks for 20,000, more than its memory holds. */
export const LIBXML2_RUN = 500;

/** `check` over `items` in runs of at most {@link LIBXML2_RUN}, one after another; results in order. */
export async function inLibxml2Runs<T, R>(
  items: readonly T[],
  check: (run: readonly T[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (let from = 0; from < items.length; from += LIBXML2_RUN)
    out.push(...(await check(items.slice(from, from + LIBXML2_RUN))));
  return out;
}

/**
 * Schema verdicts for many documents in one xmllint run. Compiling the schema costs about half a second
 * per call, so a test over a hundred files asks once. A document is valid exactly when xmllint prints
 * `<fileName> validates` for it; the error list cannot tell, because some errors (a refused DOCTYPE)
 * come without a file name. File names must be unique and free of line breaks.
 */
export async function xmllintVerdicts(
  files: readonly { readonly fileName: string; readonly contents: string | Uint8Array }[],
): Promise<Map<string, boolean>> {
  const names = new Set(files.map((f) => f.fileName));
  if (names.size !== files.length || [...names].some((n) => /[\r\n]/.test(n))) {
    throw new Error("xmllintVerdicts: file names must be unique and on one line");
  }
  if (files.length > LIBXML2_RUN) {
    const runs = await inLibxml2Runs(files, (run) => xmllintVerdicts(run).then((v) => [...v]));
    return new Map(runs);
  }
  const { main, preload } = await loadSchemaFiles();
  const result = await validateXML({
    xml: files.map((f) => ({ fileName: f.fileName, contents: f.contents })),
    schema: [main],
    preload,
    maxMemoryPages: 4096,
  });
  const validated = new Set<string>();
  for (const line of result.rawOutput.split("\n")) {
    const match = /^(.*) validates$/.exec(line);
    if (match) validated.add(match[1]!);
  }
  return new Map(files.map((f) => [f.fileName, validated.has(f.fileName)]));
}
