/**
 * Which findings of a PolicyDefinitions store a command shows when it compiles against it (`pol`, `gpo`)
 * or explains entries with it (`dump`). A real central store has hundreds of files, and Microsoft's own
 * carry known defects that GPMC tolerates (WindowsDefender.adml's misspelt namespace, `minValue` on a
 * `<text>`…): printing every finding for every run would bury what matters. The rule:
 *
 * - a finding inside the definition of a policy the command uses (from its `<policy>` tag to the next
 *   policy of the file) is shown as it is — it may change what that policy writes;
 * - an error elsewhere in a file that defines a used policy (its ADMX outside any policy, or one of its
 *   ADMLs, which give the controls and so the defaults) is shown too;
 * - everything else is counted in one closing line that points at `admxkit validate`, a warning when
 *   errors are among them, an info otherwise.
 *
 * The shown errors make `pol` and `gpo` fail (the output could be wrong); `validate` remains the command
 * that reports a store in full.
 */
import { basename, extname } from "node:path";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Policy } from "../model/types.js";
import type { StoreContents, StorePolicy } from "./read-store.js";

const baseName = (file: string) => basename(file, extname(file)).toLowerCase();

/** The store's policies by ADMX file, in file order. */
function policiesByFile(store: StoreContents): Map<string, StorePolicy[]> {
  const byFile = new Map<string, StorePolicy[]>();
  for (const p of store.policies) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
  return byFile;
}

/** The policy whose definition contains `line`: the last one starting at or before it. */
function enclosingPolicy(list: readonly StorePolicy[], line: number): StorePolicy | undefined {
  let found: StorePolicy | undefined;
  for (const p of list) {
    if (p.line > line) break;
    found = p;
  }
  return found;
}

/** The findings of `store` to show for the policies in `used`, and a count of the rest (see above). */
export function storeDiagnostics(store: StoreContents, used: ReadonlySet<Policy>, dir: string): Diagnostic[] {
  const byFile = policiesByFile(store);
  // ADMX and ADML of one template share a base name; that is how GPMC pairs them too.
  const usedBases = new Set(store.policies.filter((p) => used.has(p.policy)).map((p) => baseName(p.file)));
  const shown: Diagnostic[] = [];
  const rest = { error: 0, warning: 0, info: 0 };
  for (const d of store.diagnostics) {
    const inFile = d.file === undefined ? undefined : byFile.get(d.file);
    const owner = inFile && d.line !== undefined ? enclosingPolicy(inFile, d.line) : undefined;
    const concernsUsed = owner
      ? used.has(owner.policy)
      : d.severity === "error" && d.file !== undefined && usedBases.has(baseName(d.file));
    if (concernsUsed) shown.push(d);
    else rest[d.severity]++;
  }
  const others = rest.error + rest.warning + rest.info;
  if (others > 0) {
    // Counts, worded in the plural form the shown language needs.
    const params = {
      findings: { counted: "VALIDATE_COUNT_OTHER_FINDING", count: others },
      errors: { counted: "VALIDATE_COUNT_ERROR", count: rest.error },
      warnings: { counted: "VALIDATE_COUNT_WARNING", count: rest.warning },
      dir,
    } as const;
    shown.push(diag("ADMX_STORE_OTHER_FINDINGS", params, { file: dir }, rest.error > 0 ? "warning" : "info"));
  }
  return shown;
}
