import { controlFits, CONTROLS_BY_KIND } from "../model/controls.js";
import type { Control, Element, Policy } from "../model/types.js";
import { defined } from "./admx/read-values.js";
import type { CatalogKeys } from "./catalog-keys.js";
import type { ReadElement, ReadPolicy, ReadPresentation, ReadPresentationItem } from "./types.js";

type ControlItem = Extract<ReadPresentationItem, { kind: "control" }>;

/** The control item bound to an element: refId equal to the element id (GPMC compares ids exactly). */
export function controlFor(
  presentation: ReadPresentation | undefined,
  elementId: string,
): ControlItem | undefined {
  return presentation?.items.find((i): i is ControlItem => i.kind === "control" && i.refId === elementId);
}

/** A model policy, and the elements it had to give a stand-in control because no ADML presents them. */
export interface ModelPolicy {
  readonly policy: Policy;
  readonly withoutControl: readonly ReadElement[];
}

/**
 * A read policy as a model {@link Policy}, with the controls of its presentation in one ADML. Labels
 * and text lines become catalog keys (see {@link CatalogKeys}). An element no control presents (or
 * presents with a control of the wrong kind) gets its kind's plain control with an empty label key, so
 * that the policy can still be compiled; `withoutControl` lists those elements, and a strict conversion
 * refuses them. A missing category or supportedOn stays empty for the same reason.
 */
export function toModelPolicy(
  read: ReadPolicy,
  presentation: ReadPresentation | undefined,
  keys: CatalogKeys,
): ModelPolicy {
  const presentationId = read.presentation ?? read.name;
  const withoutControl: ReadElement[] = [];
  const elements = read.elements.map((element): Element => {
    const { at: _at, ...definition } = element;
    const item = controlFor(presentation, element.id);
    if (!item || !controlFits(element.kind, item.control.type)) {
      withoutControl.push(element);
      const type = CONTROLS_BY_KIND[element.kind][0];
      return { ...definition, control: { type, label: "" } } as Element;
    }
    const control = { ...item.control, label: keys.label(presentationId, element.id) } as Control;
    return { ...definition, control } as Element;
  });

  let textLines = 0;
  const ids = new Set(read.elements.map((e) => e.id));
  const layout = (presentation?.items ?? []).flatMap((item): (string | { text: string })[] =>
    item.kind === "text"
      ? [{ text: keys.textLine(presentationId, ++textLines) }]
      : ids.has(item.refId)
        ? [item.refId]
        : [],
  );
  // The model's default layout is every element in element order: leave that out, as bundles do.
  const isDefault =
    layout.length === elements.length && layout.every((entry, i) => entry === elements[i]!.id);
  const { at: _at, presentation: _p, elements: _e, category, supportedOn, ...rest } = read;
  const policy = defined({
    ...rest,
    category: category ?? "",
    supportedOn: supportedOn ?? "",
    elements: elements.length > 0 ? elements : undefined,
    presentationId:
      read.presentation !== undefined && read.presentation !== read.name ? read.presentation : undefined,
    layout: isDefault || layout.length === 0 ? undefined : layout,
  }) as Policy;
  return { policy, withoutControl };
}
