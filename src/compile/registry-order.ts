/**
 * Ordering and de-duplication of compiled entries, modelled on how the Group Policy editor keeps a
 * GPO's registry settings: as a small registry tree that it saves to Registry.pol by walking it.
 *
 * - Keys come out in tree order: a key's own values, then its subkeys sorted case-insensitively
 *   (compared upper-cased, as the registry orders subkeys). Microsoft's files in shared/reference show
 *   it: `Disallowed` before `DPNGRA`, `Certificates` before `CRLs`, a key's values before its subkeys.
 * - Values of a key keep the order they were first written (the Adobe and Chrome GPOs list values in
 *   policy order, not sorted); `**delvals.` comes first in its key.
 * - Keys and value names compare case-insensitively, as in the registry. `X`, `**del.X` and
 *   `**soft.X` all target the value X.
 * - Last write wins, and the survivor keeps the position of the first write to that value (the registry
 *   updates an existing value in place).
 * - One spelling per key component for the whole file: the first entry that creates a component (walking
 *   `SOFTWARE`, then `SOFTWARE\Policies`, …) fixes how it is spelled, for values and `**del.` /
 *   `**delvals.` markers alike. Templates spell one key differently (`SOFTWARE\Policies`,
 *   `Software\policies`); the editor keeps a registry tree whose nodes exist once, so real GPMC files
 *   never spell a component two ways (FIELD-NOTES, "What the Group Policy editor does with real files").
 * - `**delvals.` drops every value written to its key before it, as the editor clears the key when a
 *   list is enabled or disabled.
 *
 * Overwrites between different policies are reported as warnings, so a values file that sets one
 * registry value through two policies does not silently lose one of them.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { registryUpcase, targetValueName, type PolEntry } from "../pol/index.js";

type Path = readonly (string | number)[];

/** Who wrote an entry: a policy name, and where its state is in the values file. */
export interface EntrySource {
  readonly policy: string;
  readonly path?: Path;
  readonly file?: string;
}

interface Written {
  readonly entry: PolEntry;
  readonly source: EntrySource;
  /** From a values file's `registry` section (see {@link EntryCollector.addRaw}). */
  readonly raw: boolean;
}

interface KeyNode {
  readonly spelling: string;
  readonly components: readonly string[];
  delvals?: Written;
  readonly values: Map<string, Written>;
}

function compareComponents(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** Collects entries from one or many policies and returns them in the editor's order. */
export class EntryCollector {
  private readonly keys = new Map<string, KeyNode>();
  /** Upper-cased path of every component created so far → the component as its creator spelled it. */
  private readonly components = new Map<string, string>();
  /** Warnings about writes that replaced or dropped another policy's entries. */
  readonly diagnostics: Diagnostic[] = [];

  /** Adds one entry written by `source`. */
  add(entry: PolEntry, source: EntrySource): void {
    this.write(entry, source, false);
  }

  /**
   * Adds a raw entry of a values file's `registry` section. It acts like {@link add}, except that a raw
   * `**delvals.` only drops raw values written before it: raw entries are written after the policies,
   * but a `**delvals.` kept from a decoded Registry.pol stood before the policies' values of its key
   * (it is always first in its key), so it must not clear them now.
   */
  addRaw(entry: PolEntry, source: EntrySource): void {
    this.write(entry, source, true);
  }

  /**
   * Fixes the spelling of the components of `key` that no entry has created yet, as if an entry had
   * created them. Used for the `registry` section, whose keys stand for what the GPO holds beyond its
   * policies: in a decoded GPMC file they already carry the file's one spelling.
   */
  reserveSpelling(key: string): void {
    this.spell(key.split("\\"), key.split("\\").map(registryUpcase));
  }

  private write(entry: PolEntry, source: EntrySource, raw: boolean): void {
    const node = this.node(entry.key);
    const where = {
      ...(source.path ? { path: [...source.path] } : {}),
      ...(source.file ? { file: source.file } : {}),
    };
    const name = targetValueName(entry);
    if (name === undefined && raw) {
      for (const [id, old] of node.values) if (old.raw) node.values.delete(id);
      node.delvals ??= { entry, source, raw };
      return;
    }
    if (name === undefined) {
      const dropped = new Set<string>();
      for (const old of [node.delvals, ...node.values.values()]) {
        if (old && old.source.policy !== source.policy) dropped.add(old.source.policy);
      }
      for (const previous of dropped) {
        this.diagnostics.push(
          diag(
            "COMPILE_KEY_CLEARED",
            { policy: source.policy, previous, key: node.spelling },
            where,
            "warning",
          ),
        );
      }
      node.values.clear();
      node.delvals = { entry, source, raw };
      return;
    }
    const id = registryUpcase(name);
    const old = node.values.get(id);
    if (old && old.source.policy !== source.policy) {
      const value = `${node.spelling}\\${name}`;
      this.diagnostics.push(
        diag(
          "COMPILE_OVERRIDDEN",
          { policy: source.policy, previous: old.source.policy, value },
          where,
          "warning",
        ),
      );
    }
    // Map.set on an existing id keeps its position: the survivor sits where the first write was.
    node.values.set(id, { entry, source, raw });
  }

  /** Every surviving entry in tree order, each key spelled with its components' first spellings. */
  entries(): PolEntry[] {
    const nodes = [...this.keys.values()].sort((a, b) => compareComponents(a.components, b.components));
    const out: PolEntry[] = [];
    for (const node of nodes) {
      const written = [...(node.delvals ? [node.delvals] : []), ...node.values.values()];
      for (const { entry } of written)
        out.push(entry.key === node.spelling ? entry : { ...entry, key: node.spelling });
    }
    return out;
  }

  private node(key: string): KeyNode {
    const components = key.split("\\").map(registryUpcase);
    const id = components.join("\\");
    let node = this.keys.get(id);
    if (!node) {
      node = { spelling: this.spell(key.split("\\"), components), components, values: new Map() };
      this.keys.set(id, node);
    }
    return node;
  }

  /** The key with each component spelled as the first entry that created it spelled it. */
  private spell(spelled: readonly string[], upper: readonly string[]): string {
    const out: string[] = [];
    let path = "";
    for (let i = 0; i < upper.length; i++) {
      path = i === 0 ? upper[0]! : `${path}\\${upper[i]}`;
      let spelling = this.components.get(path);
      if (spelling === undefined) {
        spelling = spelled[i]!;
        this.components.set(path, spelling);
      }
      out.push(spelling);
    }
    return out.join("\\");
  }
}
