import { basename } from "node:path";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseBundleShape } from "../model/parse-bundle.js";
import { collectStringUses } from "../model/strings.js";
import type { Bundle, Policy } from "../model/types.js";
import { defined } from "./admx/read-values.js";
import { CatalogKeys } from "./catalog-keys.js";
import type { SourcePosition } from "./positions.js";
import { controlFor, toModelPolicy } from "./to-model-policy.js";
import type { AdmlDocument, AdmxDocument } from "./types.js";

/** Options of {@link toBundle}. */
export interface ToBundleOptions {
  /** Bundle id; default: the file name, lowercased, with other characters than a-z0-9 as hyphens. */
  readonly id?: string;
  /** The locale whose presentations give the controls; default en-US when present, else the first. */
  readonly controlsLocale?: string;
}

/** The bundle when the templates fit the model, and why they do not, or what the model drops. */
export interface BundleFromTemplates {
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
  if (section === "categories" && typeof index === "number") return admx.categories[index]?.at ?? admx.at;
  if (section === "supportedOn" && typeof index === "number") return admx.supportedOn[index]?.at ?? admx.at;
  return admx.at;
}

/**
 * Converts an ADMX and its ADMLs (locale → document) into the model the writers use. Texts go to the
 * per-locale catalogs: string-table ids keep their names, inline texts get keys from
 * {@link CatalogKeys}; only the strings the bundle uses are kept. Definitions the model has no place
 * for (supportedOn products and `<or>`/`<and>` conditions, `clientExtension`, `supersededAdm`,
 * `fallbackCulture`) are reported as `READ_DROPPED` infos. Anything the model refuses (an element no
 * control presents, an id with a hyphen, a policy without category) is an error and gives no bundle.
 */
export function toBundle(
  admx: AdmxDocument,
  admls: Readonly<Record<string, AdmlDocument>>,
  options: ToBundleOptions = {},
): BundleFromTemplates {
  const diagnostics: Diagnostic[] = [];
  const locales = Object.keys(admls).sort();
  const controlsLocale = options.controlsLocale ?? (admls["en-US"] ? "en-US" : locales[0]);
  const reference = controlsLocale === undefined ? undefined : admls[controlsLocale];
  const keys = new CatalogKeys(locales.flatMap((l) => [...admls[l]!.strings.keys()]));
  const dropped = (what: string, at: SourcePosition) =>
    diagnostics.push(diag("READ_DROPPED", { what }, at, "info"));

  if (admx.products.length > 0) dropped("supportedOn products", admx.products[0]!.at);
  for (const s of admx.supportedOn) if (s.combine) dropped(`<${s.combine}> of ${s.name}`, s.at);
  if (admx.supersededAdm.length > 0) dropped("supersededAdm", admx.at);
  if (admx.fallbackCulture !== undefined) dropped("fallbackCulture", admx.at);

  const policies: Policy[] = admx.policies.map((read) => {
    if (read.clientExtension !== undefined) dropped(`clientExtension of ${read.name}`, read.at);
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
    displayName: keys.displayName(),
    description: keys.description(),
    supportedOn:
      admx.supportedOn.length > 0
        ? admx.supportedOn.map((s) => ({ name: s.name, displayName: s.displayName }))
        : undefined,
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
  if (!parsed.success) {
    for (const d of parsed.diagnostics) diagnostics.push({ ...d, ...positionOf(admx, d.path ?? []) });
  }
  const failed = !parsed.success || diagnostics.some((d) => d.severity === "error");
  return failed ? { diagnostics } : { bundle: parsed.data, diagnostics };
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
