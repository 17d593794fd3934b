/**
 * The Options pane as a form: for each element kind, how its control (drawn by src/preview/controls.ts,
 * found by the id `<policy>-<element>`) shows an option value and how the value is read back. What the
 * controls hold is read into the values file as typed, and the compiler judges it: the page says what
 * `admxkit pol` would say about the same file.
 */
import { enumItemIndex, enumItemOption } from "../../compile/elements/enum.js";
import type { OptionValue } from "../../compile/types.js";
import type { Element, ElementKind, ElementOf, Policy } from "../../model/types.js";
import { ListBox } from "./list-box.js";

/** The live controls of one policy. */
export interface PolicyForm {
  /** The option values the controls hold now (absent where a control holds nothing, e.g. an empty dropdown). */
  read(): Record<string, OptionValue>;
  /** Shows the values of a saved state; elements without one show the value a fresh Enabled starts with. */
  write(options: Readonly<Record<string, OptionValue>>): void;
  /** Greys the controls out (Not Configured, Disabled) and keeps them out of the tab order. */
  setEnabled(enabled: boolean): void;
  /**
   * The fields of the control of the element `id`, the one that takes focus first (the box itself, or a
   * list's Show... button); none when the pane has no control for it.
   */
  fieldsOf(id: string): readonly HTMLElement[];
}

interface Control<K extends ElementKind> {
  read(): OptionValue | undefined;
  write(value: OptionValue | undefined, element: ElementOf<K>): void;
  /** What the user reaches in the control, the one that takes focus first. */
  readonly fields: () => readonly HTMLElement[];
}

type Binder<K extends ElementKind> = (
  root: HTMLElement,
  element: ElementOf<K>,
  onChange: () => void,
  labels: ListLabels,
) => Control<K>;

/** Labels of the list box dialog, in the page's language. */
export interface ListLabels {
  readonly value: string;
  readonly valueName: string;
  readonly add: string;
  readonly remove: string;
  readonly ok: string;
  readonly cancel: string;
}

function field<T extends HTMLElement>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`admxkit editor: the page has no ${selector}`);
  return found;
}

/** A whole number as values files write it: a JSON number where exact, else the digits; other text as typed. */
function numberValue(text: string): OptionValue {
  const trimmed = text.trim();
  if (/^[0-9]{1,20}$/.test(trimmed)) {
    const n = Number(trimmed);
    return Number.isSafeInteger(n) ? n : trimmed;
  }
  return text;
}

/** The spin box: arrows step by spinStep (default 1) within minValue..maxValue, as the editor's does. */
function bindNumber(
  input: HTMLInputElement,
  element: ElementOf<"decimal"> | ElementOf<"longDecimal">,
  onChange: () => void,
): void {
  if (element.control.spin === false) return;
  const step = BigInt(element.control.spinStep ?? 1);
  const min = BigInt(element.minValue ?? 0);
  // Without maxValue the editor's range ends at 9999 (the schema default).
  const max = BigInt(element.maxValue ?? 9999);
  const nudge = (direction: 1n | -1n) => {
    const current = /^[0-9]{1,20}$/.test(input.value.trim()) ? BigInt(input.value.trim()) : min;
    let next = current + direction * step;
    if (next < min) next = min;
    if (next > max) next = max;
    input.value = next.toString();
    onChange();
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      nudge(event.key === "ArrowUp" ? 1n : -1n);
    }
  });
  const spin = input.parentElement?.querySelector<HTMLElement>(".spin");
  spin?.querySelector(".spin-up")?.addEventListener("click", () => nudge(1n));
  spin?.querySelector(".spin-down")?.addEventListener("click", () => nudge(-1n));
}

function number<K extends "decimal" | "longDecimal">(
  root: HTMLElement,
  element: ElementOf<"decimal"> | ElementOf<"longDecimal">,
  onChange: () => void,
): Control<K> {
  const input = field<HTMLInputElement>(root, "input");
  bindNumber(input, element, onChange);
  return {
    read: () => numberValue(input.value),
    write: (value) => {
      // The editor's box starts at defaultValue, else 1 (the schema default) or the minimum above it.
      const start = element.control.defaultValue ?? Math.max(1, Number(element.minValue ?? 0));
      input.value = String(value ?? start);
    },
    fields: () => [input],
  };
}

/** One binder per element kind; `satisfies` makes a new kind a compile error until it has one. */
const binders = {
  boolean: (root, element) => {
    const input = field<HTMLInputElement>(root, "input[type=checkbox]");
    return {
      read: () => input.checked,
      write: (value) => {
        input.checked = typeof value === "boolean" ? value : (element.control.defaultChecked ?? false);
      },
      fields: () => [input],
    };
  },
  decimal: number,
  longDecimal: number,
  text: (root, element, onChange) => {
    const input = field<HTMLInputElement>(root, "input[type=text]");
    // The combo box's own drop-down list: picking a suggestion puts it in the box.
    for (const item of root.querySelectorAll<HTMLElement>(".combo-items li")) {
      item.addEventListener("click", () => {
        input.value = item.textContent ?? "";
        item.closest("details")?.removeAttribute("open");
        onChange();
      });
    }
    return {
      read: () => input.value,
      write: (value) => {
        input.value = typeof value === "string" ? value : (element.control.defaultValue ?? "");
      },
      fields: () => [input, ...root.querySelectorAll<HTMLElement>("summary")],
    };
  },
  multiText: (root) => {
    const area = field<HTMLTextAreaElement>(root, "textarea");
    return {
      // One string per line; an empty box is an empty list.
      read: () => (area.value === "" ? [] : area.value.split(/\r?\n/)),
      write: (value) => {
        area.value = Array.isArray(value) ? value.join("\n") : "";
      },
      fields: () => [area, ...root.querySelectorAll<HTMLElement>("summary")],
    };
  },
  enum: (root, element) => {
    const select = field<HTMLSelectElement>(root, "select");
    return {
      // The options' values are the items' positions in the ADMX (src/preview/controls.ts); the values
      // file names the item by its id (or the number it writes), never by a position.
      read: () => (select.value === "" ? undefined : enumItemOption(element, Number(select.value))),
      write: (value) => {
        const index = value === undefined ? element.control.defaultItem : enumItemIndex(element, value);
        select.value = index === undefined ? "" : String(index);
      },
      fields: () => [select],
    };
  },
  list: (root, element, onChange, labels) => {
    const box = new ListBox(root, element.explicitValue === true, labels, onChange);
    return {
      read: () => box.value(),
      write: (value) => box.set(value),
      fields: () => box.fields(),
    };
  },
} satisfies { [K in ElementKind]: Binder<K> };

/** Binds the controls of `policy` inside the page's Options pane. */
export function bindForm(
  pane: HTMLElement,
  policy: Policy,
  onChange: () => void,
  labels: ListLabels,
): PolicyForm {
  const controls = (policy.elements ?? []).flatMap((element: Element) => {
    const id = `${policy.name}-${element.id}`;
    // Ids are `[A-Za-z0-9_]`-names joined by a hyphen, but escaped anyway: they come from templates.
    const target = pane.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    const root = target?.closest<HTMLElement>(".ctl");
    if (!root) return [];
    const bind = binders[element.kind] as Binder<ElementKind>;
    return [{ element, control: bind(root, element as never, onChange, labels) }];
  });
  // The static preview draws the boxes read-only; in the editor they take input.
  for (const box of pane.querySelectorAll("[readonly]")) box.removeAttribute("readonly");
  pane.addEventListener("input", onChange);
  pane.addEventListener("change", onChange);
  return {
    read() {
      const options: Record<string, OptionValue> = Object.create(null);
      for (const { element, control } of controls) {
        const value = control.read();
        if (value !== undefined) options[element.id] = value;
      }
      return { ...options };
    },
    write(options) {
      for (const { element, control } of controls)
        control.write(Object.hasOwn(options, element.id) ? options[element.id] : undefined, element as never);
    },
    setEnabled(enabled) {
      for (const { control } of controls) {
        for (const f of control.fields()) {
          if ("disabled" in f) (f as HTMLInputElement).disabled = !enabled;
          else if (enabled) f.removeAttribute("tabindex");
          else f.setAttribute("tabindex", "-1");
        }
      }
    },
    fieldsOf(id) {
      return controls.find(({ element }) => element.id === id)?.control.fields() ?? [];
    },
  };
}
