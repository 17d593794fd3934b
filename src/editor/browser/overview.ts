/**
 * The index page's editor panel: the configured settings per class (the editor's "Configured: Yes"
 * filter), the downloads, the import of a values file or a Registry.pol, and the button that clears the
 * saved state.
 */
import type { PolicyClassName } from "../../compile/types.js";
import { VALUES_SECTIONS, type ValuesFile } from "../../values/schema.js";
import { diagnosticLines, exportFiles, valuesFileText } from "../export-files.js";
import { importFile } from "../import-file.js";
import { el, sectionSelect, type EditorApp } from "./app.js";
import { CHANGED_EVENT, SAVED_EVENT } from "./dialog.js";

const STATE_LABELS = {
  enabled: "preview.enabled",
  disabled: "preview.disabled",
  notConfigured: "preview.notConfigured",
} as const;

function configuredTables(app: EditorApp, values: ValuesFile): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const section of VALUES_SECTIONS) {
    const policies = Object.entries(values[section] ?? {});
    const raw = values.registry?.[section]?.length ?? 0;
    if (policies.length === 0 && raw === 0) continue;
    const heading = section === "machine" ? "preview.computerConfiguration" : "preview.userConfiguration";
    const table = el("table", "editor-configured");
    table.dataset.class = section;
    const head = table.createTHead().insertRow();
    for (const id of ["preview.setting", "editor.state", "editor.key"])
      head.append(el("th", undefined, app.ui(id)));
    const body = table.createTBody();
    for (const [key, state] of policies) {
      const row = body.insertRow();
      row.dataset.policy = key;
      const policy = app.byKey(key);
      const info = policy && app.info(policy);
      const name = row.insertCell();
      if (info) {
        const link = el("a", undefined, info.displayName);
        link.href = app.href(info.page);
        name.append(link);
      } else name.textContent = key;
      row.insertCell().textContent = app.ui(STATE_LABELS[state.state]);
      row.insertCell().append(el("code", undefined, key));
    }
    const caption = table.createCaption();
    caption.textContent = app.ui(heading);
    out.push(table);
    if (raw > 0) out.push(el("p", "editor-raw", app.ui("editor.rawEntries", { count: raw })));
  }
  if (out.length === 0) out.push(el("p", "editor-none", app.ui("editor.none")));
  return out;
}

/**
 * The values with each policy under the key this site uses for it (`namespace:name` where the store
 * needs it): the decoder and hand-written files may name a policy either way, and the dialogs look a
 * policy up by its site key.
 */
function siteKeys(app: EditorApp, values: ValuesFile): ValuesFile {
  const out: ValuesFile = { ...values };
  for (const section of VALUES_SECTIONS) {
    const policies = values[section];
    if (!policies) continue;
    const renamed: NonNullable<ValuesFile[typeof section]> = Object.create(null);
    for (const [key, state] of Object.entries(policies)) {
      const policy = app.byKey(key);
      const info = policy && app.info(policy);
      renamed[info?.key ?? key] = state;
    }
    out[section] = { ...renamed };
  }
  return out;
}

/** The settings saved so far, per class, and a warning when the browser cannot keep them. */
function configuredSection(app: EditorApp, values: ValuesFile): HTMLElement {
  const configured = el("div", "editor-section");
  configured.append(el("h2", undefined, app.ui("editor.configured")), ...configuredTables(app, values));
  if (!app.storage.persistent) configured.append(el("p", "editor-warning", app.ui("editor.noStorage")));
  return configured;
}

/**
 * The downloads of `values` (their object URLs pushed to `urls`, which the next render revokes), or the
 * findings that block them, and the values file itself.
 */
function exportSection(app: EditorApp, values: ValuesFile, urls: string[]): HTMLElement {
  const exports = el("div", "editor-section editor-export");
  exports.append(el("h2", undefined, app.ui("editor.export")));
  const result = exportFiles(app.index, values, app.data.source);
  const lines = diagnosticLines(result.diagnostics, app.data.uiLocale);
  if (result.files.length === 0 && lines.length > 0)
    exports.append(el("p", undefined, app.ui("editor.blocked")));
  if (lines.length > 0) {
    const list = el("ul", "editor-diagnostics");
    result.diagnostics.forEach((d, i) => list.append(el("li", d.severity, lines[i])));
    exports.append(list);
  }
  if (result.files.length > 0) {
    exports.append(el("p", undefined, app.ui("editor.exportIntro")));
    const list = el("ul", "editor-downloads");
    for (const file of result.files) {
      const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mediaType }));
      urls.push(url);
      const link = el("a", "button editor-download", file.name);
      link.href = url;
      link.download = file.name;
      link.dataset.format = file.format;
      if (file.policyClass) link.dataset.class = file.policyClass;
      const item = el("li");
      item.append(link);
      list.append(item);
    }
    exports.append(list, el("pre", "editor-values", valuesFileText(values)));
  } else if (lines.length === 0) exports.append(el("p", undefined, app.ui("editor.nothingToExport")));
  return exports;
}

/**
 * The import of a values file or a Registry.pol (for the class chosen beside it): `notes` are what the
 * last import said; `imported` hears what this one says, after its values are saved.
 */
function importSection(
  app: EditorApp,
  notes: readonly string[],
  imported: (notes: string[]) => void,
): HTMLElement {
  const imports = el("div", "editor-section editor-import");
  imports.append(
    el("h2", undefined, app.ui("editor.import")),
    el("p", undefined, app.ui("editor.importIntro")),
  );
  const fileLabel = el("label", "editor-file", app.ui("editor.importFile"));
  const input = el("input");
  input.type = "file";
  input.accept = ".json,.pol,application/json";
  fileLabel.append(input);
  const classLabel = el("label", "editor-import-class", app.ui("editor.importClass"));
  const select = sectionSelect(app, VALUES_SECTIONS);
  classLabel.append(select);
  const said = el("div", "editor-import-notes");
  said.setAttribute("role", "status");
  for (const line of notes) said.append(el("p", undefined, line));
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const current = app.storage.load();
    const result = importFile(
      bytes,
      file.name,
      select.value as PolicyClassName,
      app.sources,
      current,
      app.data.source,
    );
    const lines = diagnosticLines(result.diagnostics, app.data.uiLocale);
    if (result.values) {
      app.storage.save(siteKeys(app, result.values));
      lines.unshift(app.ui("editor.imported", { file: file.name }));
    }
    imported(lines);
  });
  imports.append(fileLabel, classLabel, said);
  return imports;
}

/** The button that forgets every saved setting; `cleared` hears when it did. */
function clearSection(app: EditorApp, cleared: () => void): HTMLElement {
  const clear = el("button", "button editor-clear", app.ui("editor.clear"));
  clear.type = "button";
  clear.addEventListener("click", () => {
    app.storage.clear();
    cleared();
  });
  const clearRow = el("div", "editor-section");
  clearRow.append(clear);
  return clearRow;
}

/** Adds the editor panel to `main`, drawn from the saved state and again whenever a dialog saves. */
export function startOverview(app: EditorApp, main: HTMLElement): void {
  const panel = el("section", "editor-panel");
  panel.id = "editor";
  main.append(panel);
  const urls: string[] = [];
  let importNotes: string[] = [];

  /** Draws the panel again from the saved state, and tells a dialog on the page when that changed. */
  function changed(notes: string[]): void {
    importNotes = notes;
    render();
    dispatchEvent(new Event(CHANGED_EVENT));
  }

  function render(): void {
    for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    const values = app.storage.load();
    panel.replaceChildren(
      configuredSection(app, values),
      exportSection(app, values, urls),
      importSection(app, importNotes, changed),
      clearSection(app, () => changed([])),
    );
  }
  addEventListener(SAVED_EVENT, () => render());
  render();
}
