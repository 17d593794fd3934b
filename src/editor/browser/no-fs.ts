/**
 * Stands in for `node:fs` in the page bundle (vite.editor.config.ts). Nothing in the page reads files:
 * the tool catalogs are registered from the bundle (src/i18n/messages.ts registerToolCatalog), so
 * reaching this is a bug, reported as such.
 */
export function readFileSync(path: unknown): never {
  throw new Error(`admxkit editor: no file system in the page (asked for ${String(path)})`);
}
