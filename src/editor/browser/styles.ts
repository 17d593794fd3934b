/** The editor's additions to the preview's stylesheet, in the same Windows 10 dialog look. */
export const EDITOR_CSS = `
.editor-bar{display:flex;flex-wrap:wrap;gap:.5em 1.5em;align-items:center;justify-content:space-between;max-width:1000px;margin:0 auto .6em;font-size:13px}
.editor-status{color:var(--muted)}
.editor-class select{margin-left:.4em;font:inherit}
.editor-messages{min-height:1.2em;padding-top:6px}
.editor-message{margin:0 0 4px;padding:3px 6px;background:#fff;border:1px solid #c7c7c7;white-space:pre-wrap;overflow-wrap:anywhere}
.editor-message.error{border-color:#c42b1c;color:#8b0000}
.editor-message.warning{border-color:#b97a00;color:#6b4700}
.options .editor-message{margin:2px 0 8px}
.editor-message-code{margin-top:2px;color:#333}
.editor-message-code summary{cursor:pointer;font-size:11.5px;color:var(--muted)}
.editor-message-code code{display:block;white-space:pre-wrap;overflow-wrap:anywhere;font-size:11.5px}
.editor-refusal:empty{display:none}
.editor-refusal{margin:6px 0 0;padding:4px 8px;background:#fde7e9;border:1px solid #c42b1c;color:#8b0000;font-weight:600}
[aria-invalid=true]{outline:2px solid #c42b1c;outline-offset:1px}
button.button{font:inherit;font-size:12px;cursor:pointer}
button.button:disabled{color:#a0a0a0;background:#ccc;border-color:#bfbfbf;cursor:default}
button.button:focus-visible,a.button:focus-visible,.show-dialog>summary:focus-visible,.box.help:focus-visible{outline:1px dotted #000;outline-offset:2px}
.spin-up,.spin-down{cursor:pointer}
.list-buttons{display:flex;gap:6px;justify-content:flex-end;padding-top:6px}
.list-table input[type=text]{width:100%;font:inherit;font-size:12px;padding:2px 4px}
.list-table .list-remove{min-width:0}
.editor-entries{border-collapse:collapse;width:100%;margin-top:10px;background:#fff;font-size:12px}
.editor-entries caption{text-align:left;padding:2px 0}
.editor-entries th,.editor-entries td{border:1px solid #d0d0d0;padding:2px 5px;text-align:left;vertical-align:top}
.editor-entries td code{white-space:pre-wrap;overflow-wrap:anywhere}
.editor-panel{max-width:1100px;margin:1.2em auto 0;background:#fff;border:1px solid #d0d0d0;padding:.8em 1em}
.editor-panel h2{font-size:1.15em;margin:.6em 0 .4em}
.editor-configured{border-collapse:collapse;width:100%;margin:.4em 0 .8em;font-size:13px}
.editor-configured caption{text-align:left;font-weight:600;padding:.2em 0}
.editor-configured th,.editor-configured td{border:1px solid #d8d8d8;padding:3px 6px;text-align:left}
.editor-configured th{background:#f4f4f4}
.editor-downloads{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.editor-diagnostics li{white-space:pre-wrap;overflow-wrap:anywhere}
.editor-diagnostics li.error{color:#8b0000}
.editor-values{max-height:16em;overflow:auto;padding:.6em .8em;background:#f7f7f7;border:1px solid #e0e0e0;font-size:12.5px}
.editor-import label{display:block;margin:.3em 0}
.editor-import select,.editor-import input{margin-left:.4em;font:inherit}
.editor-warning{color:#8a4b00}
`;
