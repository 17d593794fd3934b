/**
 * Rules one ADMX file can be checked against on its own: names defined twice, references to its own
 * definitions that do not resolve, prefixes that are not declared, elements that write nowhere.
 * References into other namespaces are resolved across the store (store-index.ts).
 */
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { splitReference } from "../../model/ids.js";
import type { SourcePosition } from "../../read/positions.js";
import type { AdmxDocument } from "../../read/types.js";

/**
 * Reports the second and later definitions of a name: case-insensitive, as GPMC looks names up, unless
 * `exactCase` (namespace prefixes: Citrix's templates bind `Citrix` and `citrix` to two namespaces in
 * one file, and GPMC loads them).
 */
function unique(
  kind: string,
  items: readonly { name: string; at: SourcePosition }[],
  out: Diagnostic[],
  exactCase = false,
): void {
  const seen = new Map<string, SourcePosition>();
  for (const { name, at } of items) {
    const key = exactCase ? name : name.toLowerCase();
    const first = seen.get(key);
    if (first) out.push(diag("ADMX_DUPLICATE_NAME", { kind, name, line: first.line }, at));
    else seen.set(key, at);
  }
}

/**
 * The binding a reference's prefix names: the one spelt exactly so, else the only one equal to it
 * ignoring case, as other names compare.
 */
function bindingOf<B extends { readonly prefix: string }>(
  bindings: readonly B[],
  prefix: string,
): B | undefined {
  const exact = bindings.find((b) => b.prefix === prefix);
  if (exact) return exact;
  const loose = bindings.filter((b) => b.prefix.toLowerCase() === prefix.toLowerCase());
  return loose.length === 1 ? loose[0] : undefined;
}

/** A reference found in an ADMX, for resolution: what it names, where it is, and in which namespace. */
export interface ExternalReference {
  readonly kind: "category" | "supportedOn";
  readonly ref: string;
  readonly namespace: string;
  readonly name: string;
  readonly at: SourcePosition;
}

/**
 * Checks one ADMX. Returns its diagnostics, and the references into other namespaces (prefix resolved
 * to a namespace) that only the whole store can resolve.
 */
export function checkAdmx(admx: AdmxDocument): { diagnostics: Diagnostic[]; external: ExternalReference[] } {
  const out: Diagnostic[] = [];
  const external: ExternalReference[] = [];
  const bindings = [...(admx.target ? [admx.target] : []), ...admx.using];
  unique(
    "prefix",
    bindings.map((b) => ({ name: b.prefix, at: b.at })),
    out,
    true,
  );
  for (const u of admx.using) {
    if (admx.target && u.namespace.toLowerCase() === admx.target.namespace.toLowerCase()) {
      out.push(diag("ADMX_USING_SELF", { namespace: u.namespace }, u.at));
    }
  }
  const supportedNames = [...admx.supportedOn, ...admx.products];
  unique("supportedOn", supportedNames, out);
  unique("category", admx.categories, out);
  unique("policy", admx.policies, out);

  const names = {
    category: new Set(admx.categories.map((c) => c.name.toLowerCase())),
    supportedOn: new Set(supportedNames.map((s) => s.name.toLowerCase())),
  };
  const resolve = (kind: ExternalReference["kind"], ref: string, at: SourcePosition) => {
    const { prefix, name } = splitReference(ref);
    const binding = prefix === undefined ? undefined : bindingOf(bindings, prefix);
    if (prefix === undefined || (binding !== undefined && binding === admx.target)) {
      // GPMC loads a file whose references lead nowhere (inetres.admx names a missing parent category,
      // Windows.admx unprefixed products of another file): a warning, an error under --strict.
      if (!names[kind].has(name.toLowerCase()))
        out.push(diag("ADMX_REFERENCE_UNRESOLVED", { kind, ref }, at, "warning"));
      return;
    }
    // WindowsUpdate.admx and others use a `products:` prefix they never declare, and GPMC loads them.
    if (binding === undefined) out.push(diag("ADMX_PREFIX_UNDECLARED", { kind, ref, prefix }, at, "warning"));
    else external.push({ kind, ref, namespace: binding.namespace, name, at });
  };

  for (const c of admx.categories) if (c.parent !== undefined) resolve("category", c.parent, c.at);
  for (const s of admx.supportedOn) for (const r of s.references) resolve("supportedOn", r.ref, r.at);
  for (const p of admx.policies) {
    if (p.category !== undefined) resolve("category", p.category, p.at);
    if (p.supportedOn !== undefined) resolve("supportedOn", p.supportedOn, p.at);
    if (p.presentation === undefined && p.elements.length > 0) {
      // Without a presentation the editor shows no options, so the elements can never be set.
      out.push(diag("ADMX_NO_PRESENTATION", { policy: p.name }, p.at, "warning"));
    }
    unique(
      "element",
      p.elements.map((e) => ({ name: e.id, at: e.at })),
      out,
    );
    for (const e of p.elements) {
      // Without a valueName the element has nowhere to write its value (lists write into their key).
      if (e.kind !== "list" && e.valueName === "") {
        out.push(diag("ADMX_VALUE_NAME_MISSING", { policy: p.name, element: e.id }, e.at));
      }
    }
  }
  return { diagnostics: out, external };
}
