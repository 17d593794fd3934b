/**
 * The preview's stylesheet, inlined in every page so a page works alone from file:// or any host. It
 * draws the Group Policy editor's setting dialog in the Windows 10 look: grey dialog face, white boxes
 * with thin borders, Options on the left and Help on the right. Only local fonts: the page must not
 * fetch anything, and Windows' own UI fonts are used where present.
 */
export const PREVIEW_CSS: string = `
:root{--face:#f0f0f0;--border:#adadad;--box-border:#7a7a7a;--accent:#0078d7;--text:#000;--muted:#5a5a5a}
*{box-sizing:border-box}
body{margin:0;background:#e8e8e8;color:var(--text);font:14px/1.45 "Segoe UI","Yu Gothic UI","Meiryo UI","Noto Sans CJK JP","Noto Sans JP",system-ui,sans-serif}
a{color:#0066cc}
.site-header{display:flex;flex-wrap:wrap;gap:.5em 1.5em;align-items:center;justify-content:space-between;padding:.6em 1.2em;background:#fff;border-bottom:1px solid #d0d0d0}
.breadcrumbs{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.3em}
.breadcrumbs li+li::before{content:"›";margin-right:.3em;color:var(--muted)}
.lang-switch{display:flex;gap:.8em;align-items:center}
.lang-switch [aria-current]{font-weight:600;color:var(--text);text-decoration:none}
main{padding:1.2em;max-width:1100px;margin:0 auto}
.gp-preview{display:block}
.window{background:var(--face);border:1px solid #6f6f6f;box-shadow:0 6px 24px rgba(0,0,0,.22);max-width:1000px;margin:0 auto 1.5em}
.titlebar{display:flex;align-items:center;gap:.5em;height:31px;padding:0 .6em;background:#fff;font-size:12px}
.app-icon,.setting-icon{display:inline-block;width:16px;height:16px;flex:none;background:linear-gradient(135deg,#6aa0d8 0 45%,#e9e9e9 45% 55%,#9c6 55%);border:1px solid #6d7f95}
.window-title{flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.window-close{width:46px;height:31px;position:relative}
.window-close::before,.window-close::after{content:"";position:absolute;left:18px;top:15px;width:11px;height:1px;background:#000;transform:rotate(45deg)}
.window-close::after{transform:rotate(-45deg)}
.dialog{padding:10px 12px 12px;font-size:12px}
.header-row{display:flex;align-items:center;justify-content:space-between;gap:1em;padding-bottom:8px;border-bottom:1px solid #dcdcdc}
.policy-title{display:flex;align-items:center;gap:.5em;min-width:0}
.policy-title h1{margin:0;font-size:12px;font-weight:400}
.nav-buttons{display:flex;gap:6px;flex:none}
.button{display:inline-block;min-width:75px;padding:2px 10px;text-align:center;color:#000;text-decoration:none;background:#e1e1e1;border:1px solid var(--border);font-size:12px;line-height:19px;white-space:nowrap}
a.button:hover{background:#e5f1fb;border-color:var(--accent)}
.button.default{border-color:var(--accent);box-shadow:inset 0 0 0 1px var(--accent)}
.button.disabled{color:#a0a0a0;background:#ccc;border-color:#bfbfbf}
.state-row{display:grid;grid-template-columns:minmax(9em,auto) 1fr;gap:12px;padding:10px 0}
.states{display:flex;flex-direction:column;gap:10px;padding-top:2px}
.state{display:flex;align-items:center;gap:.35em;white-space:nowrap}
.meta{display:flex;flex-direction:column;gap:8px}
.meta-row{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;align-items:start}
.meta-label{min-width:9em}
.box{background:#fff;border:1px solid var(--box-border)}
.comment{height:46px}
.supported{padding:2px 4px;min-height:38px;max-height:64px;overflow:auto;white-space:pre-wrap;background:var(--face);border-color:#c7c7c7}
.panes{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.pane{display:flex;flex-direction:column;min-width:0}
.pane-label{margin:0 0 4px;font-size:12px;font-weight:400}
.options,.help{height:420px;overflow:auto;padding:6px 8px}
.options{background:var(--face);border-color:#c7c7c7}
.help{white-space:pre-wrap;overflow-wrap:anywhere}
.dialog:has(input[value=notConfigured]:checked) .options>*,.dialog:has(input[value=disabled]:checked) .options>*{opacity:.45;pointer-events:none}
.dialog-buttons{display:flex;justify-content:flex-end;gap:8px;padding-top:12px}
.ctl{margin:0 0 10px}
.ctl label,.ctl-label{display:block;margin-bottom:3px}
.ctl input[type=text],.ctl textarea,.ctl select{font:inherit;font-size:12px;background:#fff;border:1px solid var(--box-border);padding:2px 4px;color:#000}
.ctl input[type=text]{width:100%}
.ctl textarea{width:100%;resize:none;white-space:pre}
.ctl select{min-width:60%;max-width:100%}
.ctl-textline{white-space:pre-wrap}
.ctl-number{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.ctl-number label{display:inline;margin:0}
.spinbox{display:inline-flex;align-items:stretch}
.spinbox input[type=text]{width:8em}
.spin{display:inline-flex;flex-direction:column;width:17px;border:1px solid var(--box-border);border-left:0;background:#f0f0f0}
.spin-up,.spin-down{flex:1;position:relative}
.spin-up{border-bottom:1px solid #c7c7c7}
.spin-up::after,.spin-down::after{content:"";position:absolute;left:4px;border:4px solid transparent}
.spin-up::after{top:1px;border-bottom-color:#444}
.spin-down::after{top:3px;border-top-color:#444}
.ctl-check{display:flex;align-items:flex-start;gap:.4em}
.ctl-check label{display:inline;margin:0}
.combo{display:flex;position:relative}
.combo input[type=text]{flex:1}
.combo-drop summary{list-style:none;width:18px;height:100%;min-height:22px;border:1px solid var(--box-border);border-left:0;background:#fff;position:relative;cursor:pointer}
.combo-drop summary::-webkit-details-marker{display:none}
.combo-drop summary::after{content:"";position:absolute;left:5px;top:9px;border:4px solid transparent;border-top-color:#444}
.combo-items{position:absolute;left:0;right:0;top:100%;z-index:2;margin:0;padding:0;list-style:none;background:#fff;border:1px solid var(--box-border)}
.combo-items li{padding:1px 4px}
.ctl-list{display:flex;align-items:flex-start;gap:8px;flex-wrap:wrap}
.ctl-list .ctl-label{display:inline;margin:0;padding-top:3px}
.show-dialog>summary{list-style:none;cursor:pointer}
.show-dialog>summary::-webkit-details-marker{display:none}
.dialog-box{margin-top:6px;padding:6px;background:var(--face);border:1px solid #6f6f6f;box-shadow:0 3px 10px rgba(0,0,0,.2);min-width:18em}
.dialog-title{margin-bottom:4px}
.list-table{width:100%;border-collapse:collapse;background:#fff}
.list-table th{font-weight:400;text-align:left;border:1px solid #d0d0d0;padding:1px 4px;background:#fff}
.list-table td{border:1px solid #d0d0d0;padding:0}
.list-table input[type=text]{border:0}
.registry{max-width:1000px;margin:0 auto;background:#fff;border:1px solid #d0d0d0;padding:.8em 1.2em}
.registry h2{font-size:1.15em;margin:.2em 0 .4em}
.registry h3{font-size:1em;margin:1.2em 0 .4em}
.registry table{border-collapse:collapse;width:100%;margin:.4em 0;font-size:13px}
.registry caption{text-align:left;font-weight:600;padding:.2em 0}
.registry th,.registry td{border:1px solid #d8d8d8;padding:3px 6px;text-align:left;vertical-align:top}
.registry th{background:#f4f4f4;font-weight:600}
.mono,.reg pre{font-family:Consolas,"Cascadia Mono","DejaVu Sans Mono","Noto Sans Mono CJK JP",monospace}
.data{white-space:pre-wrap;overflow-wrap:anywhere}
.reg{margin:.4em 0}
.reg figcaption{font-weight:600;font-size:13px}
.reg pre{margin:.2em 0;padding:.6em .8em;background:#f7f7f7;border:1px solid #e0e0e0;overflow:auto;font-size:12.5px}
.notes li{color:#8a4b00}
.tree,.tree ul{list-style:none;margin:0;padding-left:1.2em}
.tree{padding-left:0}
.tree .node{display:flex;align-items:center;gap:.35em;padding:1px 0}
.folder{display:inline-block;width:16px;height:12px;background:#e8c25a;border:1px solid #b8912c;border-radius:1px 3px 1px 1px}
.policy-link{display:flex;align-items:center;gap:.35em;padding:1px 0}
.index-layout{display:grid;grid-template-columns:minmax(16em,1fr) 2fr;gap:1.2em;align-items:start}
.index-layout .panel{background:#fff;border:1px solid #d0d0d0;padding:.8em 1em}
.index-layout h1{font-size:1.3em;margin:0 0 .4em}
.settings-table{width:100%;border-collapse:collapse}
.settings-table th,.settings-table td{text-align:left;padding:3px 6px;border-bottom:1px solid #eee;vertical-align:top}
.description{white-space:pre-wrap}
.generated{color:var(--muted);font-size:12px}
.tree summary{cursor:pointer;list-style:none}
.tree summary::-webkit-details-marker{display:none}
.tree details:not([open])>summary .folder{background:#f3d98b}
.search{margin:.6em 0 1em}
.search label{display:block;font-weight:600;margin-bottom:.3em}
.search input{font:inherit;width:100%;padding:.35em .5em;border:1px solid var(--box-border)}
.search-results{margin:.4em 0;padding:0;list-style:none}
.search-results li{padding:.3em 0;border-bottom:1px solid #eee}
.search-hit{display:block}
.search-path{display:block;color:var(--muted);font-size:12px}
.landing{background:#fff;border:1px solid #d0d0d0;padding:1.2em 1.5em;max-width:760px;margin:0 auto}
.landing h1{margin:0 0 .4em;font-size:1.5em}
.facts{display:flex;flex-wrap:wrap;gap:.5em 2em;margin:.8em 0}
.facts div{display:flex;gap:.5em}
.facts dt{color:var(--muted)}
.facts dd{margin:0;font-weight:600}
.language-cards{list-style:none;margin:.4em 0 1em;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14em,1fr));gap:.8em}
.language-card{border:1px solid #d0d0d0;padding:.7em 1em;background:#fafafa;display:flex;flex-direction:column;gap:.2em}
.language-card a{font-size:1.1em;font-weight:600}
.language-tag,.language-count{color:var(--muted);font-size:12px}
@media (max-width:760px){.panes,.state-row,.index-layout{grid-template-columns:1fr}.options,.help{height:auto;max-height:none}}
`;
