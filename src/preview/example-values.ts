import { enumItemOption } from "../compile/elements/enum.js";
import type { OptionValue } from "../compile/types.js";
import type { Element, Policy } from "../model/types.js";
import { FORMAT_EXAMPLES } from "../values/formats.js";

/** Option values by element id, as a values file gives them for an enabled policy. */
export type ExampleOptions = Readonly<Record<string, OptionValue>>;

/** A value for an element; undefined leaves the element to a later call (see {@link ExampleText}). */
type Example<K extends Element["kind"]> = (
  element: Extract<Element, { kind: K }>,
  sample: string | undefined,
) => OptionValue | undefined;

/**
 * The word a required box without a default shows, in the page's language ("example", "例"); `false`
 * leaves such elements out, for a caller that fills them per language later (the sites of src/preview).
 */
export type ExampleText = string | false;

/**
 * The value each element kind starts with when an administrator enables the policy and changes
 * nothing: the control's default, else what the editor would show (the first item, the minimum).
 */
const examples = {
  boolean: (e) => e.control.defaultChecked ?? false,
  // Without defaultValue the editor's box shows 1 (the schema default), unless the minimum is above it.
  decimal: (e) => e.control.defaultValue ?? Math.max(1, e.minValue ?? 0),
  longDecimal: (e) =>
    e.control.defaultValue ?? (e.minValue !== undefined && Number(e.minValue) > 1 ? e.minValue : 1),
  // A required box without a default gets its format's example, so the compiler accepts the Enabled example.
  text: (e, sample) =>
    e.control.defaultValue ?? (e.format ? FORMAT_EXAMPLES[e.format] : e.required ? sample : ""),
  multiText: (e, sample) => (!e.required ? [] : sample === undefined ? undefined : [sample]),
  // The item by its id (the form values files use); the first item when there is no default. An item
  // that cannot be named (two items share its id and its number) is left to the control's default.
  enum: (e) => enumItemOption(e, e.control.defaultItem ?? 0),
  // An empty list writes only its deletion marker; one item shows the value names the list produces.
  list: (e, sample) => (sample === undefined ? undefined : e.explicitValue ? { [sample]: sample } : [sample]),
} satisfies { [K in Element["kind"]]: Example<K> };

/**
 * The option values the preview shows for Enabled: those of the values file where it gives one, the
 * element's starting value elsewhere. Unknown ids in `given` are passed on, so the compiler reports them.
 */
export function exampleOptions(
  policy: Policy,
  given: ExampleOptions = {},
  text: ExampleText = "example",
): ExampleOptions {
  const options: Record<string, OptionValue> = Object.create(null);
  const sample = text === false ? undefined : text;
  for (const element of policy.elements ?? []) {
    const value = (examples[element.kind] as Example<Element["kind"]>)(element as never, sample);
    if (value !== undefined) options[element.id] = value;
  }
  // Spread defines own properties, so an element id such as `__proto__` stays an ordinary key.
  return { ...options, ...given };
}
