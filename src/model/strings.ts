import type { Bundle, Control, Policy } from "./types.js";

/** Where a catalog key is used: the model path, and whether the ADMX references it as `$(string.X)`. */
export interface StringUse {
  readonly id: string;
  readonly path: readonly (string | number)[];
  /** True for ids in the ADML string table; false for texts the ADML inlines (labels, text lines). */
  readonly inStringTable: boolean;
}

/**
 * Every catalog key the bundle uses, in document order. The ADMX writer emits `$(string.X)` for the
 * string-table ones, the ADML writer emits exactly those in its string table and inlines the others, and
 * the checker demands each of them in every locale: the one list keeps the three in agreement.
 */
export function collectStringUses(bundle: Bundle): StringUse[] {
  const uses: StringUse[] = [];
  const table = (id: string, path: (string | number)[]) => uses.push({ id, path, inStringTable: true });
  const inline = (id: string, path: (string | number)[]) => uses.push({ id, path, inStringTable: false });

  inline(bundle.displayName, ["displayName"]);
  inline(bundle.description, ["description"]);
  bundle.products?.forEach((product, p) => {
    table(product.displayName, ["products", p, "displayName"]);
    product.majorVersions?.forEach((major, m) => {
      table(major.displayName, ["products", p, "majorVersions", m, "displayName"]);
      major.minorVersions?.forEach((minor, n) =>
        table(minor.displayName, ["products", p, "majorVersions", m, "minorVersions", n, "displayName"]),
      );
    });
  });
  bundle.supportedOn?.forEach((s, i) => table(s.displayName, ["supportedOn", i, "displayName"]));
  bundle.categories?.forEach((c, i) => {
    table(c.displayName, ["categories", i, "displayName"]);
    if (c.explainText) table(c.explainText, ["categories", i, "explainText"]);
  });
  bundle.policies.forEach((policy, p) => {
    const at = ["policies", p];
    table(policy.displayName, [...at, "displayName"]);
    table(policy.explainText, [...at, "explainText"]);
    policy.elements?.forEach((element, e) => {
      if (element.kind === "enum") {
        element.items.forEach((item, i) =>
          table(item.displayName, [...at, "elements", e, "items", i, "displayName"]),
        );
      }
      inline(element.control.label, [...at, "elements", e, "control", "label"]);
    });
    policy.layout?.forEach((entry, l) => {
      if (typeof entry !== "string") inline(entry.text, [...at, "layout", l, "text"]);
    });
  });
  return uses;
}

/** The ids of the ADML string table, deduplicated, in first-use order. */
export function stringTableIds(bundle: Bundle): string[] {
  return [
    ...new Set(
      collectStringUses(bundle)
        .filter((u) => u.inStringTable)
        .map((u) => u.id),
    ),
  ];
}

/** One entry of a policy's Options pane, in the order the editor shows them. */
export type LayoutEntry =
  | { readonly type: "control"; readonly elementId: string; readonly control: Control; readonly kind: string }
  | { readonly type: "text"; readonly text: string };

/**
 * The Options pane of a policy: its layout when given, else every element's control in element order.
 * Both the ADML writer and the preview render from this.
 */
export function policyLayout(policy: Policy): LayoutEntry[] {
  const elements = policy.elements ?? [];
  const byId = new Map(elements.map((e) => [e.id, e]));
  const order = policy.layout ?? elements.map((e) => e.id);
  return order.flatMap((entry): LayoutEntry[] => {
    if (typeof entry !== "string") return [{ type: "text", text: entry.text }];
    const element = byId.get(entry);
    return element
      ? [{ type: "control", elementId: element.id, control: element.control, kind: element.kind }]
      : [];
  });
}

/** The presentation id of a policy, or undefined when it has nothing to present. */
export function presentationIdOf(policy: Policy): string | undefined {
  const hasOptions = (policy.elements?.length ?? 0) > 0 || (policy.layout?.length ?? 0) > 0;
  return hasOptions ? (policy.presentationId ?? policy.name) : undefined;
}
