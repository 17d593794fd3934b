/**
 * What a folder entry leads to, with symbolic links followed as Windows follows links in SYSVOL: the
 * one rule of the store walk (src/read/store-files.ts) and of the GPO backup reader (read-gpo-input.ts).
 * A link that leads nowhere is a diagnostic naming the link and its target, never "absent": a store or
 * GPO with such a link would otherwise silently lack a file.
 */
import { readlink, stat } from "node:fs/promises";
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fileSystemDiagnostic } from "./read-input.js";

/** The code for a link that leads nowhere: said of a store, or of a GPO. */
export type BrokenLinkCode = "STORE_LINK_BROKEN" | "GPO_LINK_BROKEN";

/**
 * Whether `path` leads to a folder (anything else is read as a file, and the reader says what it is),
 * or the diagnostic for a dangling link (`broken`), a loop of links or a failed stat.
 */
export async function followLink(
  path: string,
  broken: BrokenLinkCode,
): Promise<{ folder: boolean } | Diagnostic> {
  try {
    return { folder: (await stat(path)).isDirectory() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      const target = await readlink(path).catch(() => undefined);
      if (target !== undefined) return diag(broken, { path, target }, { file: path });
    }
    return fileSystemDiagnostic(path, error);
  }
}
