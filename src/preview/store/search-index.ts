/**
 * The search box of a store preview: a static index per locale (`<locale>/search-index.js`) and one
 * small script (`search.js`) that filters it as the user types. Nothing is fetched: pages opened from
 * file:// may not fetch files (each file is its own origin), but they may load scripts beside them, so
 * the index is JSON assigned to one global. The script only ever sets `textContent` and `href`, so a
 * template's text cannot become markup in the results.
 */

/** One setting in the index. */
export interface SearchEntry {
  /** Link relative to the locale folder (`./WindowsUpdate/AutoUpdateCfg.html`). */
  readonly href: string;
  readonly title: string;
  /** Category path, for telling apart settings of the same name. */
  readonly path: string;
  readonly help: string;
}

/** The global the index script defines and `search.js` reads. */
export const SEARCH_GLOBAL = "ADMXKIT_SEARCH_INDEX";

/**
 * The index script of one locale: `{"version":1,"entries":[[href,title,path,help],…]}` assigned to
 * {@link SEARCH_GLOBAL}. Runs of white space in the help text shrink to one space (the index is
 * searched, not shown).
 */
export function searchIndexScript(entries: readonly SearchEntry[]): string {
  const rows = entries.map((e) => [e.href, e.title, e.path, e.help.replace(/\s+/g, " ").trim()]);
  return `window.${SEARCH_GLOBAL} = ${JSON.stringify({ version: 1, entries: rows })};\n`;
}

/**
 * The script of the search box (`#search-box`, results in `#search-results`, count in
 * `#search-status` from its `data-found` / `data-none` wording): every word typed must occur in the
 * setting's name or help text, case and width ignored; the first 200 hits are listed.
 */
export const SEARCH_SCRIPT = `(function () {
  "use strict";
  var index = window.${SEARCH_GLOBAL};
  var box = document.getElementById("search-box");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!index || !box || !results || !status) return;
  var fold = function (text) { return text.normalize("NFKC").toLowerCase(); };
  var rows = index.entries.map(function (e) {
    return { href: e[0], title: e[1], path: e[2], text: fold(e[1] + " " + e[3]) };
  });
  var run = function () {
    var words = fold(box.value).split(/\\s+/).filter(Boolean);
    results.replaceChildren();
    if (words.length === 0) { status.textContent = ""; results.hidden = true; return; }
    var hits = rows.filter(function (r) {
      return words.every(function (w) { return r.text.indexOf(w) >= 0; });
    });
    hits.slice(0, 200).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.href;
      link.className = "search-hit";
      link.textContent = hit.title;
      var path = document.createElement("span");
      path.className = "search-path";
      path.textContent = hit.path;
      item.append(link, path);
      results.append(item);
    });
    results.hidden = hits.length === 0;
    var wording = hits.length === 0 ? status.dataset.none : status.dataset.found;
    status.textContent = (wording || "").replace("{count}", String(hits.length));
  };
  box.addEventListener("input", run);
  run();
})();
`;
