/**
 * The setting dialog of a policy page made live: the three states, the Options pane's controls, the
 * problems the compiler finds as you type (the CLI's messages, in the page's language, beside the option
 * they are about), OK / Cancel / Apply, and Previous / Next Setting that apply before they move on, as
 * in the Group Policy editor. As there, a value the compiler refuses is never applied: OK, Apply and
 * Previous / Next Setting keep the dialog open, say why, and put the focus on the value to correct.
 */
import { compileValues } from "../../compile/index.js";
import type { PolicyClassName } from "../../compile/types.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Policy } from "../../model/types.js";
import { type PolEntry } from "../../pol/index.js";
import { toDumpRecord } from "../../formats/index.js";
import type { PolicyStateInput } from "../../values/schema.js";
import type { EditorPageInfo } from "../site-data.js";
import { el, sectionSelect, sectionsOf, type EditorApp } from "./app.js";
import { findingsView } from "./findings.js";
import { bindForm } from "./form.js";
import { stateOf, withState } from "./storage.js";

type StateName = PolicyStateInput["state"];

/** Fired on the window when the dialog saved a state, and when the panel imported or cleared. */
export const SAVED_EVENT = "admxkit-editor-saved";
export const CHANGED_EVENT = "admxkit-editor-changed";

/** A state as the values file keeps it: options only for Enabled, and only for a policy that has some. */
function normalized(policy: Policy, state: PolicyStateInput): PolicyStateInput {
  if (state.state !== "enabled") return { state: state.state };
  return policy.elements?.length ? { state: "enabled", options: state.options ?? {} } : { state: "enabled" };
}

/** The compiler's entries and findings for one policy's state, as the CLI makes them for that values file. */
export function checkState(
  app: EditorApp,
  section: PolicyClassName,
  key: string,
  state: PolicyStateInput,
): { readonly entries: readonly PolEntry[]; readonly diagnostics: Diagnostic[] } {
  const values = withState({}, section, key, state);
  return compileValues(app.index, values, section, { source: app.data.source });
}

/** The entries the current state writes, as `admxkit dump` lists them: the page's live registry view. */
function entriesTable(app: EditorApp, entries: readonly PolEntry[]): HTMLElement {
  const table = el("table", "editor-entries");
  table.createCaption().textContent = app.ui("editor.entries");
  const head = table.createTHead().insertRow();
  for (const id of ["preview.key", "preview.valueName", "preview.type", "preview.data"])
    head.append(el("th", undefined, app.ui(id)));
  const body = table.createTBody();
  for (const entry of entries) {
    const record = toDumpRecord(entry);
    const row = body.insertRow();
    const data = Array.isArray(record.data) ? record.data.join("\n") : String(record.data);
    for (const text of [record.key, record.valueName, String(record.type), data])
      row.insertCell().append(el("code", undefined, text));
  }
  return table;
}

/** The dialog's live regions, added around its panes and buttons. */
interface DialogRegions {
  /** The findings that are about no option of the Options pane, under the panes. */
  readonly messages: HTMLElement;
  /** Said at once when OK, Apply or Previous / Next Setting is refused, as the editor's message box is. */
  readonly refusal: HTMLElement;
  /** What this state writes, updated as you type, below the dialog's buttons. */
  readonly live: HTMLElement;
}

function addRegions(article: HTMLElement): DialogRegions {
  const messages = el("div", "editor-messages");
  messages.setAttribute("role", "status");
  messages.setAttribute("aria-live", "polite");
  // Where the focus goes when a refused finding has no control of its own.
  messages.tabIndex = -1;
  article.querySelector(".panes")?.after(messages);
  const refusal = el("p", "editor-refusal");
  refusal.setAttribute("role", "alert");
  const live = el("div", "editor-live");
  article.querySelector(".dialog")?.append(live);
  return { messages, refusal, live };
}

/**
 * The bar above the dialog: where the state is kept (`status`), the class select for a policy of both
 * (`onClass` hears a change), and the link to the overview (`overview`, its text set by the dialog).
 */
function addBar(
  app: EditorApp,
  article: HTMLElement,
  sections: readonly PolicyClassName[],
  overviewHref: string,
  onClass: (section: PolicyClassName) => void,
): { readonly status: HTMLElement; readonly overview: HTMLElement } {
  const bar = el("div", "editor-bar");
  const status = el("span", "editor-status");
  const overview = el("a", "editor-overview");
  overview.href = overviewHref;
  bar.append(status);
  if (sections.length > 1) {
    const label = el("label", "editor-class", app.ui("editor.class"));
    const select = sectionSelect(app, sections);
    select.addEventListener("change", () => onClass(select.value as PolicyClassName));
    label.append(select);
    bar.append(label);
  }
  bar.append(overview);
  article.prepend(bar);
  return { status, overview };
}

/** What the dialog's buttons do: `save` applies and says whether it could, `load` shows the saved state. */
interface DialogActions {
  save(): boolean;
  load(): void;
}

/**
 * OK, Cancel and Apply in place of the static page's pictures of buttons (the refusal said just above
 * them), and Previous / Next Setting made to act as buttons. Returns Apply, which the dialog greys out.
 */
function bindButtons(
  app: EditorApp,
  article: HTMLElement,
  refusal: HTMLElement,
  overviewHref: string,
  actions: DialogActions,
): HTMLButtonElement {
  const buttonRow = article.querySelector<HTMLElement>(".dialog-buttons")!;
  buttonRow.removeAttribute("aria-hidden");
  const button = (text: string, cls: string, action: () => void) => {
    const b = el("button", `button ${cls}`, text);
    b.type = "button";
    b.addEventListener("click", action);
    return b;
  };
  const apply = button(app.ui("preview.apply"), "editor-apply", () => actions.save());
  buttonRow.before(refusal);
  buttonRow.replaceChildren(
    button(app.ui("preview.ok"), "default editor-ok", () => {
      if (actions.save()) location.href = overviewHref;
    }),
    button(app.ui("preview.cancel"), "editor-cancel", () => {
      actions.load();
      location.href = overviewHref;
    }),
    apply,
  );
  // The Help pane is a read-only text box in Windows: a tab stop whose text scrolls with the arrow keys.
  article.querySelector(".box.help")?.setAttribute("tabindex", "0");
  bindSettingLinks(article, actions);
  return apply;
}

/**
 * Previous / Next Setting stay links (the static page's, so they open in a new tab too), and act as the
 * dialog's buttons: announced as buttons, pressed with Space as well as Enter. Either applies first.
 */
function bindSettingLinks(article: HTMLElement, actions: DialogActions): void {
  for (const link of article.querySelectorAll<HTMLAnchorElement>(".nav-buttons a")) {
    link.setAttribute("role", "button");
    link.addEventListener("click", (e) => {
      if (!actions.save()) e.preventDefault();
    });
    // A button fires on Space's release (pressed on it); the press must not scroll the page.
    let pressed = false;
    link.addEventListener("keydown", (e) => {
      if (e.key !== " ") return;
      e.preventDefault();
      pressed = true;
    });
    link.addEventListener("blur", () => (pressed = false));
    link.addEventListener("keyup", (e) => {
      if (e.key !== " " || !pressed) return;
      pressed = false;
      link.click();
    });
  }
  for (const off of article.querySelectorAll<HTMLElement>(".nav-buttons .disabled"))
    off.setAttribute("role", "button");
}

/**
 * Makes the policy page's dialog `article` live for `policy`: the regions, the bar, the buttons, then the
 * state kept in the browser, shown on load and checked on every change.
 */
export function startDialog(
  app: EditorApp,
  article: HTMLElement,
  policy: Policy,
  info: EditorPageInfo,
): void {
  const key = info.key;
  const pane = article.querySelector<HTMLElement>(".options")!;
  const radios = [...article.querySelectorAll<HTMLInputElement>("input[type=radio]")];
  const sections = sectionsOf(policy);
  let section: PolicyClassName = sections[0]!;
  // Where the downloads are: the index (a bundle's site), or below this dialog (a store preview).
  const overviewHref = app.data.overview === "page" ? "#editor" : "index.html#editor";

  const { messages, refusal, live } = addRegions(article);
  const form = bindForm(pane, policy, () => refresh(), {
    value: app.ui("preview.value"),
    valueName: app.ui("preview.valueName"),
    add: app.ui("editor.add"),
    remove: app.ui("editor.remove"),
    ok: app.ui("preview.ok"),
    cancel: app.ui("preview.cancel"),
  });
  const { status, overview } = addBar(app, article, sections, overviewHref, (chosen) => {
    section = chosen;
    load();
  });
  const apply = bindButtons(app, article, refusal, overviewHref, { save, load });
  const showFindings = findingsView(app, policy, form, pane, messages);
  /** Controls holding a value the compiler refuses, first one first (set by refresh). */
  let invalid: HTMLElement[] = [];

  const checked = (): StateName => (radios.find((r) => r.checked)?.value as StateName) ?? "notConfigured";
  const draft = (): PolicyStateInput =>
    normalized(policy, {
      state: checked(),
      ...(checked() === "enabled" ? { options: form.read() as Record<string, never> } : {}),
    });
  const saved = (): PolicyStateInput => normalized(policy, stateOf(app.storage.load(), section, key));
  const dirty = () => JSON.stringify(draft()) !== JSON.stringify(saved());

  /** Applies the dialog's state; false (nothing applied) while the compiler refuses it. */
  function save(): boolean {
    if (article.classList.contains("editor-invalid")) {
      refusal.textContent = app.ui("editor.notApplied");
      (invalid[0] ?? messages).focus();
      return false;
    }
    if (!dirty()) return true;
    app.storage.save(withState(app.storage.load(), section, key, draft()));
    refresh();
    dispatchEvent(new Event(SAVED_EVENT));
    return true;
  }

  function load(): void {
    const state = saved();
    for (const r of radios) r.checked = r.value === state.state;
    // A saved Enabled state shows its values; otherwise the controls keep what the page shows (the
    // example values), which is what Enabled starts from.
    if (state.state === "enabled") form.write(state.options ?? {});
    refresh();
  }

  function refresh(): void {
    const state = draft();
    form.setEnabled(state.state === "enabled");
    const compiled = checkState(app, section, key, state);
    const found = compiled.diagnostics;
    const wrong = found.some((d) => d.severity === "error");
    invalid = showFindings(found);
    const shown = wrong || compiled.entries.length === 0 ? [] : [entriesTable(app, compiled.entries)];
    live.replaceChildren(...shown);
    article.classList.toggle("editor-invalid", wrong);
    // A refusal stands until the value is right; then it goes, and the next refusal is said afresh.
    if (!wrong && refusal.textContent !== "") refusal.textContent = "";
    const isDirty = dirty();
    apply.disabled = !isDirty && !wrong;
    status.textContent = app.ui(wrong ? "editor.invalid" : isDirty ? "editor.unsaved" : "editor.saved");
    const values = app.storage.load();
    const count = Object.keys(values.machine ?? {}).length + Object.keys(values.user ?? {}).length;
    overview.textContent = app.ui("editor.overviewLink", { count });
  }

  for (const r of radios) r.addEventListener("change", () => refresh());
  // An import or a clear in the panel below (store pages) changes the saved state under the dialog.
  addEventListener(CHANGED_EVENT, () => load());
  if (!radios.some((r) => r.value === "notConfigured")) return;
  load();
}
