import { basename } from "node:path";
import { diag, formatPath, type Diagnostic } from "../diagnostics/diagnostic.js";
import { quoteValue } from "../diagnostics/quote-value.js";
import { parseBundleShape } from "../model/parse-bundle.js";
import { collectStringUses } from "../model/strings.js";
import type { Bundle, Policy, Product } from "../model/types.js";
import { ID_PATTERN, NAMESPACE_PATTERN, REFERENCE_PATTERN } from "../model/ids.js";
import { valueAt } from "../model/walk.js";
import { defined } from "./admx/read-values.js";
import { CatalogKeys } from "./catalog-keys.js";
import type { SourcePosition } from "./positions.js";
import { controlFor, toModelPolicy } from "./to-model-policy.js";
import type { AdmlDocument, AdmxDocument, ReadProduct } from "./types.js";

/** Options of {@link decodeTemplates}. */
export interface DecodeTemplatesOptions {
  /** Bundle id; default: the file name, lowercased, with other characters than a-z0-9 as hyphens. */
  readonly id?: string;
  /** The locale whose presentations give the controls; default en-US when present, else the first. */
  readonly controlsLocale?: string;
}

/** The bundle when the templates fit the model, and why they do not, or what the model drops. */
export interface DecodedTemplates {
  readonly bundle?: Bundle;
  readonly diagnostics: Diagnostic[];
}

/** `Contoso_Proxy.v2` → `contoso-proxy-v2`. */
function bundleId(fileName: string): string {
  return (
    fileName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "bundle"
  );
}

/** The file position of a model path, so that model diagnostics point into the ADMX. */
function positionOf(admx: AdmxDocument, path: readonly (string | number)[]): SourcePosition {
  const [section, index, sub, subIndex] = path;
  if (section === "policies" && typeof index === "number") {
    const policy = admx.policies[index];
    const element =
      sub === "elements" && typeof subIndex === "number" ? policy?.elements[subIndex] : undefined;
    return element?.at ?? policy?.at ?? admx.at;
  }
  if (section === "target") return admx.target?.at ?? admx.at;
  if (section === "categories" && typeof index === "number") return admx.categories[index]?.at ?? admx.at;
  if (section === "supportedOn" && typeof index === "number") return admx.supportedOn[index]?.at ?? admx.at;
  return admx.at;
}

/**
 * Converts an ADMX and its ADMLs (locale → document) into the model the writers use. Texts go to the
 * per-locale catalogs: string-table ids keep their names, inline texts get keys from
 * {@link CatalogKeys}; only the strings the bundle uses are kept. Definitions the model has no place
 * for (`supersededAdm`) are reported as `READ_DROPPED` infos.
 *
 * Reading holds whatever GPMC loads: the readers (which `validate` shares) decide what a file may
 * contain, and the authoring model's shape rules are only advice here. Where the templates break one
 * (an empty ADML display name, a file name with spaces, a category-only template, a locale folder
 * named `en-us` or `es-419`, a spin step of 0…), the bundle keeps it, with a `READ_NOT_AUTHORED`
 * warning: it writes back, compiles and previews, but is not one to edit and build as it is. Ids are
 * the exception (see {@link readNotAuthored}).
 */
export function decodeTemplates(
  admx: AdmxDocument,
  admls: Readonly<Record<string, AdmlDocument>>,
  options: DecodeTemplatesOptions = {},
): DecodedTemplates {
  const diagnostics: Diagnostic[] = [];
  const locales = Object.keys(admls).sort();
  const controlsLocale = options.controlsLocale ?? (admls["en-US"] ? "en-US" : locales[0]);
  const reference = controlsLocale === undefined ? undefined : admls[controlsLocale];
  const keys = new CatalogKeys(locales.flatMap((l) => [...admls[l]!.strings.keys()]));
  const dropped = (what: string, at: SourcePosition) =>
    diagnostics.push(diag("READ_DROPPED", { what }, at, "info"));

  if (admx.supersededAdm.length > 0) dropped("supersededAdm", admx.at);

  const policies: Policy[] = admx.policies.map((read) => {
    const presentation =
      read.presentation === undefined ? undefined : reference?.presentations.get(read.presentation);
    const { policy, withoutControl } = toModelPolicy(read, presentation, keys);
    for (const e of withoutControl) {
      // Without any ADML there is no presentation to name ("in the  presentation" read oddly).
      const params = { policy: read.name, element: e.id, locale: controlsLocale ?? "" };
      const code =
        controlsLocale === undefined ? "READ_ELEMENT_WITHOUT_ADML" : "READ_ELEMENT_WITHOUT_CONTROL";
      diagnostics.push(diag(code, params, e.at));
    }
    return policy;
  });

  const fileName = basename(admx.file).replace(/\.admx$/i, "");
  const candidate = defined({
    id: options.id ?? bundleId(fileName),
    fileName,
    target: admx.target && { prefix: admx.target.prefix, namespace: admx.target.namespace },
    using:
      admx.using.length > 0
        ? admx.using.map((u) => ({ prefix: u.prefix, namespace: u.namespace }))
        : undefined,
    revision: admx.revision,
    minRequiredRevision: admx.minRequiredRevision,
    fallbackCulture: admx.fallbackCulture,
    displayName: keys.displayName(),
    description: keys.description(),
    supportedOn:
      admx.supportedOn.length > 0
        ? admx.supportedOn.map((s) =>
            defined({
              name: s.name,
              displayName: s.displayName,
              [s.combine ?? "or"]: s.combine
                ? s.references.map(({ at: _at, ...condition }) => condition)
                : undefined,
            }),
          )
        : undefined,
    products: admx.products.length > 0 ? productTree(admx.products) : undefined,
    categories: admx.categories.length > 0 ? admx.categories.map(({ at: _at, ...c }) => c) : undefined,
    policies,
    locales: Object.create(null) as Record<string, Record<string, string>>,
  });
  for (const locale of locales) {
    const catalog = catalogOf(candidate as Bundle, admx, admls[locale]!, keys);
    candidate.locales[locale] = catalog;
    // Writing this locale's ADML needs every string; say so now rather than when the writer throws.
    const missing = new Set(
      collectStringUses(candidate as Bundle)
        .filter((u) => !Object.hasOwn(catalog, u.id))
        .map((u) => u.id),
    );
    if (missing.size > 0) {
      const params = { locale, count: missing.size, first: [...missing][0]! };
      diagnostics.push(diag("READ_LOCALE_INCOMPLETE", params, admls[locale]!.at, "warning"));
    }
  }

  const parsed = parseBundleShape(candidate);
  let bundle = parsed.success ? parsed.data : undefined;
  if (!parsed.success) {
    const tolerated = parsed.diagnostics.every((d) => readNotAuthored(candidate, d));
    for (const d of parsed.diagnostics) {
      const at = positionOf(admx, d.path ?? []);
      if (!tolerated) diagnostics.push({ ...d, ...at });
      else {
        const params = { value: shownValue(candidate, d), path: formatPath(d.path) };
        diagnostics.push({ ...diag("READ_NOT_AUTHORED", params, at, "warning"), path: d.path ?? [] });
      }
    }
    // The shape is the model's in every other respect (the schema has no defaults or transforms), so
    // the candidate is the bundle the writers and the compiler take.
    if (tolerated) bundle = candidate as Bundle;
  }
  const failed = !bundle || diagnostics.some((d) => d.severity === "error");
  return failed ? { diagnostics } : { bundle, diagnostics };
}

/**
 * The value a refusal is about, as the warning shows it: a record key the model refuses (a locale
 * folder named `en-us`) is the key itself, not the whole catalog under it.
 */
function shownValue(candidate: unknown, d: Diagnostic): string {
  const path = d.path ?? [];
  const value = valueAt(candidate, path);
  const last = path.at(-1);
  if (path[0] === "locales" && path.length === 2 && typeof last === "string") return quoteValue(last);
  return d.params.value === undefined ? quoteValue(value) : String(d.params.value);
}

/** Hyphens and stray trailing blanks: what in-box ids and namespaces have beyond the authoring pattern. */
const shipped = (value: string, pattern: RegExp) => pattern.test(value.trimEnd().replace(/-/g, "_"));

/**
 * True for a model refusal that reading keeps. Ids are checked as the editor checks them: hyphens
 * (`P2P-pnrp.admx`, `GroupPolicy.admx`, Firefox's policy names) and stray trailing blanks (`OOBE.admx`'s
 * namespace) are read, and so are spaces and dots in a namespace prefix (vendors' templates), but a dot
 * elsewhere is refused, as the editor reports "Invalid value" for it. Every other
 * shape rule of the model is an authoring rule, and reading keeps what breaks it: what GPMC refuses,
 * the readers (which `validate` shares) have already reported as an error. Kept so far: a key ending in
 * a backslash (`TerminalServer.admx`), `valueName=""` (`GroupPolicyPreferences.admx`), no policies
 * (`Windows.admx`, `mozilla.admx`), a file name with spaces, locale folders such as `en-us` (Office)
 * or `es-419` (Chrome), `spinStep="0"` (Office).
 */
function readNotAuthored(candidate: unknown, d: Diagnostic): boolean {
  const path = d.path ?? [];
  const value = valueAt(candidate, path);
  if (path.at(-1) === "namespace" && typeof value === "string") return shipped(value, NAMESPACE_PATTERN);
  if (d.code === "ID_INVALID" && typeof value === "string") {
    // A namespace prefix is a file-local name that references split at the colon: vendors write it
    // like a product name ("Adobe Acrobat Reader DC", "pcoip.client"), and GPMC loads those files.
    if (path.at(-1) === "prefix") return shipped(value.replace(/[ .]/g, "_"), ID_PATTERN);
    return shipped(value, ID_PATTERN) || shipped(value, REFERENCE_PATTERN);
  }
  return d.code === "MODEL_INVALID";
}

/** The flat product list of the reader as the model's tree: products → major → minor versions. */
function productTree(products: readonly ReadProduct[]): Product[] {
  const tree: Product[] = [];
  const majors = new Map<string, NonNullable<Product["majorVersions"]>[number]>();
  let product: Product | undefined;
  for (const p of products) {
    if (p.level === "product") {
      product = { name: p.name, displayName: p.displayName };
      tree.push(product);
      // A minor version names its major version; names only need to be unique within the product.
      majors.clear();
    } else if (p.level === "majorVersion" && product) {
      const major = { name: p.name, displayName: p.displayName, versionIndex: p.versionIndex ?? 0 };
      (product.majorVersions ??= []).push(major);
      majors.set(p.name, major);
    } else if (p.level === "minorVersion") {
      const major = p.parent === undefined ? undefined : majors.get(p.parent);
      const minor = { name: p.name, displayName: p.displayName, versionIndex: p.versionIndex ?? 0 };
      if (major) (major.minorVersions ??= []).push(minor);
    }
  }
  return tree;
}

/** One locale's catalog: the string-table texts the bundle uses, labels, text lines, name, description. */
function catalogOf(
  bundle: Bundle,
  admx: AdmxDocument,
  adml: AdmlDocument,
  keys: CatalogKeys,
): Record<string, string> {
  // No prototype: a string id such as `__proto__` or `constructor` is an ordinary key here.
  const catalog: Record<string, string> = Object.create(null);
  catalog[keys.displayName()] = adml.displayName;
  catalog[keys.description()] = adml.description;
  for (const use of collectStringUses(bundle)) {
    const text = use.inStringTable ? adml.strings.get(use.id)?.text : undefined;
    if (text !== undefined) catalog[use.id] = text;
  }
  for (const read of admx.policies) {
    const presentationId = read.presentation ?? read.name;
    const presentation =
      read.presentation === undefined ? undefined : adml.presentations.get(read.presentation);
    for (const element of read.elements) {
      const item = controlFor(presentation, element.id);
      if (item) catalog[keys.label(presentationId, element.id)] = item.control.label;
    }
    let n = 0;
    for (const item of presentation?.items ?? []) {
      if (item.kind === "text") catalog[keys.textLine(presentationId, ++n)] = item.text;
    }
  }
  return catalog;
}
