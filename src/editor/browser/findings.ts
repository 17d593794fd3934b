/**
 * The compiler's findings where the Group Policy editor puts its own: a finding about an option sits
 * beside that option's control, which is marked invalid and described by it for screen readers; other
 * findings sit under the panes. Each shows its sentence in the page's language; the CLI's whole line
 * (severity, code, model path) stays one click away, for a search or a bug report.
 */
import { formatDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatMessage } from "../../i18n/messages.js";
import type { Policy } from "../../model/types.js";
import { el, type EditorApp } from "./app.js";
import type { PolicyForm } from "./form.js";

/** The option a finding is about: a values file's findings have paths `<class>.<key>.options.<id>…`. */
function optionOf(d: Diagnostic): string | undefined {
  const path = d.path ?? [];
  return path[2] === "options" && typeof path[3] === "string" ? path[3] : undefined;
}

/** One finding: the sentence (its id is what a control's aria-describedby names) and the CLI line. */
function findingMarkup(app: EditorApp, d: Diagnostic, id: string): HTMLElement {
  const box = el("div", `editor-message ${d.severity}`);
  const sentence = el("span", "editor-message-text", formatMessage(d.code, d.params, app.data.uiLocale));
  sentence.id = id;
  const line = el("details", "editor-message-code");
  line.append(
    el("summary", undefined, app.ui("editor.messageDetails")),
    el("code", undefined, formatDiagnostic(d, app.data.uiLocale)),
  );
  box.append(sentence, line);
  return box;
}

/** Shows findings of one policy's dialog; see {@link findingsView}. */
export type FindingsView = (found: readonly Diagnostic[]) => HTMLElement[];

/**
 * The findings of `policy`'s dialog: beside the controls of `form` (in the Options pane `pane`) where a
 * finding names an option, in `general` otherwise. Each call returns what takes focus for each control with an
 * error, in order. The same findings again leave the page as it is: the dialog checks on every change,
 * and redrawing would close a line just opened and repeat what a screen reader has said.
 */
export function findingsView(
  app: EditorApp,
  policy: Policy,
  form: PolicyForm,
  pane: HTMLElement,
  general: HTMLElement,
): FindingsView {
  let shown = "";
  let invalid: HTMLElement[] = [];
  return (found) => {
    const lines = JSON.stringify(found.map((d) => [formatDiagnostic(d, app.data.uiLocale), d.path]));
    if (lines === shown) return invalid;
    shown = lines;
    invalid = showFindings(app, policy, form, pane, general, found);
    return invalid;
  };
}

function showFindings(
  app: EditorApp,
  policy: Policy,
  form: PolicyForm,
  pane: HTMLElement,
  general: HTMLElement,
  found: readonly Diagnostic[],
): HTMLElement[] {
  for (const old of pane.querySelectorAll(".editor-message")) old.remove();
  for (const marked of pane.querySelectorAll("[aria-describedby]")) {
    marked.removeAttribute("aria-invalid");
    marked.removeAttribute("aria-describedby");
  }
  const invalid: HTMLElement[] = [];
  const elsewhere: HTMLElement[] = [];
  found.forEach((d, i) => {
    const id = `${policy.name}--finding-${i}`;
    const message = findingMarkup(app, d, id);
    const option = optionOf(d);
    const target = option === undefined ? undefined : form.fieldsOf(option)[0];
    if (!target) {
      elsewhere.push(message);
      return;
    }
    (target.closest(".ctl") ?? target).after(message);
    const described = target.getAttribute("aria-describedby");
    target.setAttribute("aria-describedby", described ? `${described} ${id}` : id);
    if (d.severity === "error") {
      target.setAttribute("aria-invalid", "true");
      if (!invalid.includes(target)) invalid.push(target);
    }
  });
  general.replaceChildren(...elsewhere);
  return invalid;
}
