import { enumItemIndex } from "../compile/elements/enum.js";
import type { OptionValue } from "../compile/types.js";
import type { Control, Element } from "../model/types.js";
import { markup, type SafeHtml } from "./html.js";
import type { PreviewContext } from "./preview-context.js";

type ControlType = Control["type"];

/** What a control handler gets: its control, the element behind it, the label text and a unique id. */
interface ControlInput<T extends ControlType> {
  readonly control: Extract<Control, { type: T }>;
  readonly element: Element;
  readonly label: string;
  readonly id: string;
  readonly ctx: PreviewContext;
  /**
   * The option's value in the Enabled example the page shows (the registry panel lists the same), so
   * the dialog reads as the administrator would see it after typing those values.
   */
  readonly value: OptionValue | undefined;
}

/** A scalar example value as the text a box shows; undefined for none or another shape. */
function boxText(value: OptionValue | undefined): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

type Handler<T extends ControlType> = (input: ControlInput<T>) => SafeHtml;

/**
 * Items in the order the editor lists them: sorted by their text in the locale unless `noSort` is set
 * (the ADMX default is to sort, which surprises authors who ordered their items on purpose).
 */
function editorOrder<T>(
  items: readonly T[],
  text: (item: T) => string,
  noSort: boolean | undefined,
  locale: string,
): T[] {
  if (noSort) return [...items];
  const collator = new Intl.Collator(locale);
  return [...items].sort((a, b) => collator.compare(text(a), text(b)));
}

/** A disclosure that works without JavaScript: the editor's "Show..." dialog, opened in place. */
function showDialog(ctx: PreviewContext, body: SafeHtml): SafeHtml {
  return markup`<details class="show-dialog"><summary class="button">${ctx.ui("preview.show")}</summary><div class="dialog-box" role="dialog" aria-label="${ctx.ui("preview.showContents")}"><div class="dialog-title">${ctx.ui("preview.showContents")}</div>${body}</div></details>`;
}

function numberBox(
  control: Extract<Control, { type: "decimalTextBox" | "longDecimalTextBox" }>,
  label: string,
  id: string,
  example: OptionValue | undefined,
): SafeHtml {
  // The schema's default for defaultValue is 1, so a box without one starts at 1 in the editor.
  const value = boxText(example) ?? control.defaultValue ?? 1;
  const spin =
    control.spin === false
      ? null
      : markup`<span class="spin" aria-hidden="true"><span class="spin-up"></span><span class="spin-down"></span></span>`;
  return markup`<div class="ctl ctl-number" data-control="${control.type}"><label for="${id}">${label}</label><span class="spinbox"><input id="${id}" type="text" inputmode="numeric" value="${String(value)}" readonly />${spin}</span></div>`;
}

/**
 * One renderer per presentation control, each drawing the control as the editor's Options pane does.
 * `satisfies` makes a new control type a compile error until it has a renderer here.
 */
const handlers = {
  textBox: ({ control, label, id, value }) =>
    markup`<div class="ctl ctl-text" data-control="textBox"><label for="${id}">${label}</label><input id="${id}" type="text" value="${boxText(value) ?? control.defaultValue ?? ""}" readonly /></div>`,
  comboBox: ({ control, label, id, ctx, value }) => {
    const suggestions = editorOrder(control.suggestions ?? [], (s) => s, control.noSort, ctx.locale);
    return markup`<div class="ctl ctl-combo" data-control="comboBox"><label for="${id}">${label}</label><div class="combo"><input id="${id}" type="text" value="${boxText(value) ?? control.defaultValue ?? ""}" list="${id}-list" readonly /><datalist id="${id}-list">${suggestions.map((s) => markup`<option value="${s}"></option>`)}</datalist><details class="combo-drop"><summary class="combo-arrow" aria-label="${label}"></summary><ul class="combo-items">${suggestions.map((s) => markup`<li>${s}</li>`)}</ul></details></div></div>`;
  },
  decimalTextBox: ({ control, label, id, value }) => numberBox(control, label, id, value),
  longDecimalTextBox: ({ control, label, id, value }) => numberBox(control, label, id, value),
  checkBox: ({ control, label, id, value }) => {
    const checked = typeof value === "boolean" ? value : control.defaultChecked;
    return markup`<div class="ctl ctl-check" data-control="checkBox"><input id="${id}" type="checkbox" ${checked ? markup` checked` : null} /><label for="${id}">${label}</label></div>`;
  },
  dropdownList: ({ control, element, label, id, ctx, value }) => {
    const items = element.kind === "enum" ? element.items.map((item, index) => ({ item, index })) : [];
    const ordered = editorOrder(items, (i) => ctx.text(i.item.displayName), control.noSort, ctx.locale);
    // defaultItem counts the items as the ADMX lists them, before any sorting; without it the
    // editor's box starts empty. The example names an item by its id or the number it writes.
    const chosen =
      value === undefined || element.kind !== "enum" ? control.defaultItem : enumItemIndex(element, value);
    const blank = chosen === undefined ? markup`<option value="" selected></option>` : null;
    const options = ordered.map(
      ({ item, index }) =>
        markup`<option value="${String(index)}" ${index === chosen ? markup` selected` : null}>${ctx.text(item.displayName)}</option>`,
    );
    return markup`<div class="ctl ctl-dropdown" data-control="dropdownList"><label for="${id}">${label}</label><select id="${id}">${blank}${options}</select></div>`;
  },
  listBox: ({ label, id, ctx, value }) => {
    const cell = (text: string, name: string) =>
      markup`<td><input type="text" aria-label="${name}" value="${text}" readonly /></td>`;
    const valueLabel = ctx.ui("preview.value");
    const nameLabel = ctx.ui("preview.valueName");
    // An explicitValue list shows two columns (value name, value); a plain list one. The example's
    // items fill the rows, then one empty row, as the editor always offers one more.
    const pairs =
      value !== undefined && typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value as Readonly<Record<string, string>>)
        : undefined;
    const items = Array.isArray(value) ? (value as readonly string[]) : [];
    const head = pairs
      ? markup`<tr><th>${nameLabel}</th><th>${valueLabel}</th></tr>`
      : markup`<tr><th>${valueLabel}</th></tr>`;
    const rows = pairs
      ? [...pairs, ["", ""] as const].map(
          ([n, v]) => markup`<tr>${cell(n, nameLabel)}${cell(v, valueLabel)}</tr>`,
        )
      : [...items, ""].map((v) => markup`<tr>${cell(v, valueLabel)}</tr>`);
    const table = markup`<table class="list-table"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    return markup`<div class="ctl ctl-list" data-control="listBox" id="${id}"><span class="ctl-label">${label}</span> ${showDialog(ctx, table)}</div>`;
  },
  multiTextBox: ({ control, label, id, ctx, value }) => {
    // The schema's defaultHeight is 3 lines.
    const lines = Array.isArray(value) ? (value as readonly string[]).join("\n") : "";
    const area = markup`<textarea id="${id}" rows="${String(control.defaultHeight ?? 3)}" readonly>${lines}</textarea>`;
    return control.showAsDialog
      ? markup`<div class="ctl ctl-multi" data-control="multiTextBox"><label for="${id}">${label}</label> ${showDialog(ctx, area)}</div>`
      : markup`<div class="ctl ctl-multi" data-control="multiTextBox"><label for="${id}">${label}</label>${area}</div>`;
  },
} satisfies { [T in ControlType]: Handler<T> };

/**
 * The markup of one control of the Options pane, with its label text from the locale, showing `value`
 * (the Enabled example) where given and the control's default otherwise.
 */
export function renderControl(
  ctx: PreviewContext,
  control: Control,
  element: Element,
  id: string,
  value?: OptionValue,
): SafeHtml {
  const handler = handlers[control.type] as Handler<ControlType>;
  return handler({ control: control as never, element, label: ctx.text(control.label), id, ctx, value });
}
