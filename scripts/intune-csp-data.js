/**
 * Writes data/intune/admx-backed-csp.json, the project's trimmed copy of the ADMX-backed Policy CSP
 * mapping, from the full extraction in the reference folder (`intune/admx-backed-csp.json`; its README
 * says where each field comes from). Run `node scripts/intune-csp-data.js` after that file changes.
 *
 * Kept: what src/intune/csp-map.ts reads (ADMX file and policy name → area, CSP policy name, scopes) and
 * the list of entries the Windows 11 21H2 store lacks, which test/intune/csp-map.test.ts checks. Left
 * out: categories, registry keys, element ids and classes, which the read store itself provides.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedFolder } from "./shared-folder.js";

const full = JSON.parse(readFileSync(join(sharedFolder(), "intune", "admx-backed-csp.json"), "utf8"));
// The file as the 21H2 store spells it where the store has it, else as Microsoft's DDF does (the DDF's
// case differs from the disk's for some files, e.g. terminalserver.admx).
const spelling = new Map();
for (const entry of full.policies)
  if (entry.admxFileInStore) spelling.set(entry.admxFileInStore.toLowerCase(), entry.admxFileInStore);
const files = {};
const absent = [];
for (const entry of full.policies) {
  const file = spelling.get(entry.admxFile.toLowerCase()) ?? entry.admxFile;
  const scope = entry.scope.map((s) => s[0]).join("");
  (files[file] ??= []).push([entry.admxPolicy, entry.area, entry.policy, scope]);
  if (entry.inStore21H2 !== "found") absent.push(`${file}/${entry.admxPolicy}`);
}
const sorted = Object.fromEntries(
  Object.entries(files).sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase(), "en")),
);
const data = {
  source: full.source,
  extracted: full.extracted,
  format:
    "files: ADMX file name → rows [ADMX policy name, Policy CSP area, CSP policy name, scopes (D = ./Device, U = ./User)]; absentFrom21H2: file/policy of the rows the Windows 11 21H2 store does not define (newer policies or files)",
  files: sorted,
  absentFrom21H2: absent.sort(),
};
const out = fileURLToPath(new URL("../data/intune/admx-backed-csp.json", import.meta.url));
writeFileSync(out, JSON.stringify(data, null, 1) + "\n");
