/**
 * Builds dist/, the editor's page script and the CLI bundle of the repository at `root` (build-dist.js);
 * `typeCheck: false` only emits.
 */
export function buildDist(root: string, options?: { readonly typeCheck?: boolean }): Promise<void>;
