/** Builds dist/ and the editor's page script of the repository at `root` (build-dist.js). */
export function buildDist(root: string): void;
