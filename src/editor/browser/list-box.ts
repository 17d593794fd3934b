/**
 * The list box's "Show Contents" dialog: one row per item (value name and value for an explicitValue
 * list), Add and Remove, and OK / Cancel as in the editor: edits count only when OK is pressed.
 */
import type { OptionValue } from "../../compile/types.js";
import type { ListLabels } from "./form.js";

type Row = readonly [name: string, value: string];

/** A list box bound to the `.ctl-list` markup of src/preview/controls.ts. */
export class ListBox {
  private rows: Row[] = [];
  private readonly details: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly buttons: HTMLButtonElement[] = [];

  constructor(
    root: HTMLElement,
    private readonly explicit: boolean,
    private readonly labels: ListLabels,
    private readonly onChange: () => void,
  ) {
    this.details = root.querySelector("details.show-dialog")!;
    this.summary = this.details.querySelector("summary")!;
    const box = this.details.querySelector<HTMLElement>(".dialog-box")!;
    const table = document.createElement("table");
    table.className = "list-table";
    const head = table.createTHead().insertRow();
    for (const text of explicit ? [labels.valueName, labels.value, ""] : [labels.value, ""]) {
      const th = document.createElement("th");
      th.textContent = text;
      head.append(th);
    }
    this.body = table.createTBody();
    box.querySelector("table")?.replaceWith(table);
    const bar = document.createElement("div");
    bar.className = "list-buttons";
    const button = (text: string, action: () => void, cls = "") => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = `button ${cls}`.trim();
      b.textContent = text;
      b.addEventListener("click", action);
      this.buttons.push(b);
      bar.append(b);
      return b;
    };
    button(labels.add, () => this.addRow(["", ""], true), "list-add");
    button(labels.ok, () => this.commit(), "list-ok default");
    button(labels.cancel, () => this.close(), "list-cancel");
    box.append(bar);
    this.details.addEventListener("toggle", () => {
      if (this.details.open) this.fill();
    });
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        this.close();
      }
    });
  }

  /** The committed list, as a values file gives it. */
  value(): OptionValue {
    if (!this.explicit) return this.rows.map(([, value]) => value);
    // Null prototype: a value name such as `__proto__` is an ordinary name.
    const pairs: Record<string, string> = Object.create(null);
    for (const [name, value] of this.rows) pairs[name] = value;
    return { ...pairs };
  }

  set(value: OptionValue | undefined): void {
    if (Array.isArray(value)) this.rows = value.map((v) => ["", v] as const);
    else if (value !== null && typeof value === "object")
      this.rows = Object.entries(value as Record<string, string>).map(([n, v]) => [n, v] as const);
    else this.rows = [];
  }

  fields(): HTMLElement[] {
    return [this.summary];
  }

  private fill(): void {
    this.body.replaceChildren();
    for (const row of this.rows) this.addRow(row, false);
    // The editor's grid always ends in an empty row to type a new item into.
    this.addRow(["", ""], false);
    this.body.querySelector("input")?.focus();
  }

  private addRow([name, value]: Row, focus: boolean): void {
    const tr = this.body.insertRow();
    const cell = (text: string, label: string) => {
      const input = document.createElement("input");
      input.type = "text";
      input.value = text;
      input.setAttribute("aria-label", label);
      tr.insertCell().append(input);
      return input;
    };
    const first = this.explicit ? cell(name, this.labels.valueName) : undefined;
    const second = cell(value, this.labels.value);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button list-remove";
    remove.textContent = this.labels.remove;
    remove.addEventListener("click", () => tr.remove());
    tr.insertCell().append(remove);
    if (focus) (first ?? second).focus();
  }

  private commit(): void {
    const rows: Row[] = [];
    for (const tr of this.body.rows) {
      const inputs = [...tr.querySelectorAll("input")].map((i) => i.value);
      const row: Row = this.explicit ? [inputs[0]!, inputs[1]!] : ["", inputs[0]!];
      // Rows left empty are the grid's trailing new-item row, not items.
      if (row[0] !== "" || row[1] !== "") rows.push(row);
    }
    this.rows = rows;
    this.close();
    this.onChange();
  }

  private close(): void {
    this.details.open = false;
    this.summary.focus();
  }
}
