/**
 * A file admxkit produces: what every writer returns (templates, preview pages, GPO backups) and what
 * `writeFilesAtomic` writes. One type for all of them, so a writer's result can be written as it is.
 */
export interface OutputFile {
  /** Relative to the output folder, `/`-separated (e.g. `PolicyDefinitions/en-US/X.adml`). */
  readonly path: string;
  readonly content: string | Uint8Array;
}
