/**
 * Catalog keys for the texts an ADML writes inline. The model keeps every text in per-locale catalogs
 * under a key, but an ADML gives no id to a control's label, a presentation's text line, or the file's
 * own display name and description. Reading back therefore needs keys of its own, chosen so that the
 * same file always gives the same keys:
 *
 * - `adml__displayName`, `adml__description`: the ADML's `<displayName>` and `<description>`;
 * - `label__<presentation>__<refId>`: the label of the control bound to element `<refId>` in the
 *   presentation `<presentation>` (two policies sharing a presentation share its labels, as in the ADML);
 * - `text__<presentation>__<n>`: the n-th `<text>` line (from 1) of that presentation.
 *
 * Double underscores keep them apart from string-table ids in practice; should a string table use one
 * of these keys anyway, `_` is appended until the key is free, so no text is ever overwritten.
 */
export class CatalogKeys {
  private readonly taken: Set<string>;
  private readonly given = new Map<string, string>();

  /** `reserved`: the string-table ids of every locale, which keep their own names. */
  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  private key(wanted: string): string {
    let key = this.given.get(wanted);
    if (key === undefined) {
      key = wanted;
      while (this.taken.has(key)) key += "_";
      this.taken.add(key);
      this.given.set(wanted, key);
    }
    return key;
  }

  displayName(): string {
    return this.key("adml__displayName");
  }

  description(): string {
    return this.key("adml__description");
  }

  label(presentation: string, refId: string): string {
    return this.key(`label__${presentation}__${refId}`);
  }

  textLine(presentation: string, n: number): string {
    return this.key(`text__${presentation}__${n}`);
  }
}
