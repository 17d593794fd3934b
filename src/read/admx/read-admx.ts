import { parsePresentationRef, parseStringRef } from "../../model/ids.js";
import type { AdmxDocument, ReadCategory, ReadPolicy, ReadProduct, ReadSupportedOn } from "../types.js";
import { attr, child, children } from "../xml/query.js";
import type { XmlDocument, XmlElement } from "../xml/tree.js";
import { readElements } from "./read-elements.js";
import { defined, readValue, readValueList } from "./read-values.js";

/** `$(string.X)` → X; anything else → "" (the structural check has reported it). */
function stringId(e: XmlElement, name: string): string {
  return parseStringRef(attr(e, name) ?? "") ?? "";
}

/** An unsigned version index; the schema checks the type, so anything else is left out here. */
function index(e: XmlElement, name: string): number | undefined {
  const value = attr(e, name);
  return value !== undefined && /^[0-9]{1,10}$/.test(value) ? Number(value) : undefined;
}

function optionalStringId(e: XmlElement, name: string): string | undefined {
  const raw = attr(e, name);
  return raw === undefined ? undefined : (parseStringRef(raw) ?? "");
}

/**
 * Reads a parsed ADMX document. Nothing here fails: parts the schema requires but the file lacks read as
 * empty strings or are left out, and the structural check says what is wrong. Each definition keeps
 * the position of its start tag.
 */
export function readAdmxDocument(doc: XmlDocument): AdmxDocument {
  const { root, lines } = doc;
  const at = (e: XmlElement) => lines.at(e.offset);
  const namespaces = child(root, "policyNamespaces");
  const binding = (e: XmlElement) => ({
    prefix: attr(e, "prefix") ?? "",
    namespace: attr(e, "namespace") ?? "",
    at: at(e),
  });
  const target = namespaces && child(namespaces, "target");
  const resources = child(root, "resources");
  const supportedTable = child(root, "supportedOn");

  // Products and their versions are names a supportedOn reference may use, like definitions.
  const products: ReadProduct[] = [];
  const product = (e: XmlElement, level: ReadProduct["level"], parent?: XmlElement) =>
    products.push(
      defined({
        name: attr(e, "name") ?? "",
        displayName: stringId(e, "displayName"),
        level,
        versionIndex: index(e, "versionIndex"),
        parent: parent && (attr(parent, "name") ?? ""),
        at: at(e),
      }),
    );
  const productTable = supportedTable && child(supportedTable, "products");
  for (const p of productTable ? children(productTable, "product") : []) {
    product(p, "product");
    for (const major of children(p, "majorVersion")) {
      product(major, "majorVersion", p);
      for (const minor of children(major, "minorVersion")) product(minor, "minorVersion", major);
    }
  }

  const definitions = supportedTable && child(supportedTable, "definitions");
  const supportedOn: ReadSupportedOn[] = (definitions ? children(definitions, "definition") : []).map((d) => {
    const condition = child(d, "or") ?? child(d, "and");
    const references = (condition ? children(condition) : []).map((r) =>
      defined({
        ref: attr(r, "ref") ?? "",
        at: at(r),
        range: r.local === "range" || undefined,
        minVersionIndex: index(r, "minVersionIndex"),
        maxVersionIndex: index(r, "maxVersionIndex"),
      }),
    );
    return defined({
      name: attr(d, "name") ?? "",
      displayName: stringId(d, "displayName"),
      combine: condition?.local as "or" | "and" | undefined,
      references,
      at: at(d),
    });
  });

  const categoryList = child(root, "categories");
  const categories: ReadCategory[] = (categoryList ? children(categoryList, "category") : []).map((c) => {
    const parent = child(c, "parentCategory");
    return defined({
      name: attr(c, "name") ?? "",
      displayName: stringId(c, "displayName"),
      explainText: optionalStringId(c, "explainText"),
      parent: parent && attr(parent, "ref"),
      at: at(c),
    });
  });

  const policyList = child(root, "policies");
  const policies: ReadPolicy[] = (policyList ? children(policyList, "policy") : []).map((p) => {
    const presentation = attr(p, "presentation");
    const parent = child(p, "parentCategory");
    const supported = child(p, "supportedOn");
    return defined({
      name: attr(p, "name") ?? "",
      class: (attr(p, "class") ?? "").trim() as ReadPolicy["class"],
      displayName: stringId(p, "displayName"),
      explainText: stringId(p, "explainText"),
      presentation: presentation === undefined ? undefined : (parsePresentationRef(presentation) ?? ""),
      key: attr(p, "key") ?? "",
      valueName: attr(p, "valueName"),
      clientExtension: attr(p, "clientExtension"),
      category: parent && attr(parent, "ref"),
      supportedOn: supported && attr(supported, "ref"),
      enabledValue: readValue(child(p, "enabledValue")),
      disabledValue: readValue(child(p, "disabledValue")),
      enabledList: readValueList(child(p, "enabledList")),
      disabledList: readValueList(child(p, "disabledList")),
      elements: readElements(child(p, "elements"), lines),
      at: at(p),
    });
  });

  return defined({
    file: lines.file,
    revision: attr(root, "revision") ?? "",
    schemaVersion: attr(root, "schemaVersion") ?? "",
    target: target && binding(target),
    using: (namespaces ? children(namespaces, "using") : []).map(binding),
    minRequiredRevision: (resources && attr(resources, "minRequiredRevision")) ?? "",
    fallbackCulture: resources && attr(resources, "fallbackCulture"),
    supersededAdm: children(root, "supersededAdm").map((s) => attr(s, "fileName") ?? ""),
    products,
    supportedOn,
    categories,
    policies,
    at: at(root),
  });
}
