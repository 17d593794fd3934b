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
 * - One spelling per key component for the whole file, for values and `**del.` / `**delvals.` markers
 *   alike. Templates spell one key differently (`SOFTWARE\Policies`, `Software\policies`); the editor
 *   keeps a registry tree whose nodes exist once, so real GPMC files never spell a component two ways
 *   (FIELD-NOTES, "What the Group Policy editor does with real files"). The editor spells a component
 *   as the setting that created it first, in the admin's click order, which no file records; the
 *   spelling most of the written entries use is GPMC's in 376 of 378 components of 17 real GPOs, the
 *   first writer's far less often (FIELD-NOTES, "Key spelling in GPMC-written files"). So each
 *   component takes its most used spelling (ties: the one written first), unless a spelling was
 *   reserved for it ({@link EntryCollector.reserveSpelling}).
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

/**
 * One key component of the file (a node of the registry tree, by its upper-cased path): how many
 * entries spelled it each way, and the spelling reserved for it, if any. Kept as a tree rather than
 * by path string, so that a write looks up each of its components by the component alone: the path
 * strings of a deep key grow with the square of its depth, and comparing them was most of the time
 * of files with long keys.
 */
interface ComponentNode {
  /**
   * Each spelling → how many entries used it. Maps keep insertion order: the first spelling written
   * comes first (the tie-break).
   */
  readonly spellings: Map<string, number>;
  /** The spelling reserved for the component, which wins over any count. */
  reserved?: string;
  readonly children: Map<string, ComponentNode>;
}

const componentNode = (): ComponentNode => ({ spellings: new Map(), children: new Map() });

/** The child of `parent` for an upper-cased component, made when missing. */
function childOf(parent: ComponentNode, component: string): ComponentNode {
  let child = parent.children.get(component);
  if (!child) parent.children.set(component, (child = componentNode()));
  return child;
}

interface KeyNode {
  /** The key as its first entry spelled it, for messages; the file's spelling is decided at the end. */
  readonly spelling: string;
  readonly components: readonly string[];
  /** The component node of each component, from the root. */
  readonly chain: readonly ComponentNode[];
  delvals?: Written;
  readonly values: Map<string, Written>;
}

/**
 * A key taken apart as the collector compares it: its components as written and upper-cased, and the
 * whole upper-cased key. Compiling and decoding write the same few keys over and over (the decoder
 * compiles each candidate state of each policy it tries), so each spelling of a key is taken apart once.
 */
interface KeyShape {
  readonly id: string;
  readonly parts: readonly string[];
  readonly components: readonly string[];
}

/**
 * Shapes of the keys seen lately, by key. Bounded in what it holds: emptied when it reaches 4,096 keys
 * or 4 million characters, and a key longer than any real one is taken apart each time instead.
 */
const shapes = new Map<string, KeyShape>();
const SHAPES_KEPT = 4096;
const SHAPE_CHARACTERS_KEPT = 4_000_000;
const SHAPE_KEY_LENGTH = 1024;
let shapeCharacters = 0;

function keyShape(key: string): KeyShape {
  let shape = shapes.get(key);
  if (shape) return shape;
  const parts = key.split("\\");
  const components = parts.map(registryUpcase);
  // The key, its parts, its components and its id.
  const characters = 4 * key.length;
  shape = { id: components.join("\\"), parts, components };
  if (key.length > SHAPE_KEY_LENGTH) return shape;
  if (shapes.size >= SHAPES_KEPT || shapeCharacters + characters > SHAPE_CHARACTERS_KEPT) {
    shapes.clear();
    shapeCharacters = 0;
  }
  shapes.set(key, shape);
  shapeCharacters += characters;
  return shape;
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
  /** The root of the tree of every component written or reserved so far. */
  private readonly root = componentNode();
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
   * Fixes the spelling of the components of `key` that have none reserved yet, whatever the entries
   * use. Used for the values file's `keySpelling` and `registry` sections: both come from a decoded
   * GPO, whose components already carry the file's one spelling.
   */
  reserveSpelling(key: string): void {
    let at = this.root;
    for (const part of key.split("\\")) {
      at = childOf(at, registryUpcase(part));
      at.reserved ??= part;
    }
  }

  private write(entry: PolEntry, source: EntrySource, raw: boolean): void {
    const shape = keyShape(entry.key);
    const node = this.node(entry.key, shape);
    this.count(node, shape);
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

  /** Every surviving entry in tree order, each key component in the one spelling chosen for it. */
  entries(): PolEntry[] {
    const nodes = [...this.keys.values()].sort((a, b) => compareComponents(a.components, b.components));
    const out: PolEntry[] = [];
    for (const node of nodes) {
      const key = this.spell(node.chain);
      const written = [...(node.delvals ? [node.delvals] : []), ...node.values.values()];
      for (const { entry } of written) out.push(entry.key === key ? entry : { ...entry, key });
    }
    return out;
  }

  private node(key: string, shape: KeyShape): KeyNode {
    let node = this.keys.get(shape.id);
    if (!node) {
      const chain: ComponentNode[] = [];
      let at = this.root;
      for (const component of shape.components) chain.push((at = childOf(at, component)));
      node = { spelling: key, components: shape.components, chain, values: new Map() };
      this.keys.set(shape.id, node);
    }
    return node;
  }

  /** Counts one use of the spelling of each component of a key (its {@link KeyShape}) in its chain. */
  private count(node: KeyNode, shape: KeyShape): void {
    for (let i = 0; i < shape.parts.length; i++) {
      const counts = node.chain[i]!.spellings;
      const part = shape.parts[i]!;
      counts.set(part, (counts.get(part) ?? 0) + 1);
    }
  }

  /** The key of these component nodes, each spelled as reserved, else as most spell it. */
  private spell(chain: readonly ComponentNode[]): string {
    const out: string[] = [];
    for (const component of chain) {
      let spelling = component.reserved;
      if (spelling === undefined) {
        let most = 0;
        // Strictly more only: on a tie the spelling counted first stays.
        for (const [part, uses] of component.spellings) if (uses > most) [spelling, most] = [part, uses];
      }
      out.push(spelling!);
    }
    return out.join("\\");
  }
}
