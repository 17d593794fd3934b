/**
 * What the store-wide rules need to remember of each ADMX once its document is gone: namespaces and
 * the names they define, `using` declarations and references into other namespaces, and the registry
 * values each policy writes. Only this index grows with the store; documents are read one at a time.
 */
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { isInboxNamespace } from "../../model/inbox-templates.js";
import type { SourcePosition } from "../../read/positions.js";
import type { AdmxDocument } from "../../read/types.js";
import type { ExternalReference } from "./admx-rules.js";
import { registryTargets } from "./registry-targets.js";

/**
 * A copy of a string that shares no memory with the file it was read from. Names parsed out of a
 * document can be slices of its whole text; keeping one alive in the index would keep the whole file
 * alive, and the index would then grow with the store instead of with the number of names.
 */
function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function detachPosition(at: SourcePosition): SourcePosition {
  return { file: at.file, line: at.line, column: at.column };
}

interface NamespaceEntry {
  readonly file: string;
  readonly at: SourcePosition;
  readonly names: Record<ExternalReference["kind"], Set<string>>;
}

interface Writer {
  readonly policy: string;
  readonly file: string;
}

/** The store-wide index: {@link StoreIndex.add} each ADMX, then {@link StoreIndex.finish}. */
export class StoreIndex {
  private readonly namespaces = new Map<string, NamespaceEntry>();
  private readonly usings: { namespace: string; prefix: string; at: SourcePosition }[] = [];
  private readonly references: ExternalReference[] = [];
  private readonly writers = new Map<string, Writer>();
  readonly diagnostics: Diagnostic[] = [];

  /** Namespaces defined so far, with the file defining each (for `using` checks of other tools). */
  definedNamespaces(): ReadonlyMap<string, string> {
    return new Map([...this.namespaces].map(([ns, e]) => [ns, e.file]));
  }

  /** Adds an ADMX: its namespace, names, `using` declarations, external references, registry values. */
  add(admx: AdmxDocument, external: readonly ExternalReference[]): void {
    const target = admx.target;
    if (target && target.namespace !== "") {
      const key = target.namespace.toLowerCase();
      const first = this.namespaces.get(key);
      if (first) {
        // GPMC refuses the whole store when two files define one namespace (PolicyPlus#15).
        const params = { namespace: detach(target.namespace), first: first.file };
        this.diagnostics.push(diag("STORE_NAMESPACE_DUPLICATE", params, target.at));
      } else {
        const lower = (names: { name: string }[]) => new Set(names.map((n) => detach(n.name.toLowerCase())));
        this.namespaces.set(detach(key), {
          file: admx.file,
          at: detachPosition(target.at),
          names: {
            category: lower([...admx.categories]),
            supportedOn: lower([...admx.supportedOn, ...admx.products]),
          },
        });
      }
    }
    for (const u of admx.using) {
      this.usings.push({
        namespace: detach(u.namespace),
        prefix: detach(u.prefix),
        at: detachPosition(u.at),
      });
    }
    for (const r of external) {
      this.references.push({
        kind: r.kind,
        ref: detach(r.ref),
        namespace: detach(r.namespace),
        name: detach(r.name),
        at: detachPosition(r.at),
      });
    }
    this.addWriters(admx);
  }

  /** Two policies of different files writing one registry value fight over it: a warning naming both. */
  private addWriters(admx: AdmxDocument): void {
    for (const policy of admx.policies) {
      const reported = new Set<string>();
      for (const [target, shown] of registryTargets(policy)) {
        const other = this.writers.get(target);
        if (!other) {
          this.writers.set(detach(target), { policy: detach(policy.name), file: admx.file });
        } else if (other.file !== admx.file && !reported.has(other.policy)) {
          reported.add(other.policy);
          const params = { value: shown, policy: policy.name, other: other.policy, otherFile: other.file };
          this.diagnostics.push(diag("STORE_REGISTRY_DUPLICATE", params, policy.at, "warning"));
        }
      }
    }
  }

  /** Resolves `using` declarations and cross-namespace references once every file has been added. */
  finish(): Diagnostic[] {
    const out = [...this.diagnostics];
    // File and namespace of every reference into another namespace: which `using` declarations are used.
    const used = new Set(this.references.map((r) => `${r.at.file}\0${r.namespace.toLowerCase()}`));
    for (const u of this.usings) {
      if (this.namespaces.has(u.namespace.toLowerCase())) continue;
      // Windows' own namespaces are in every real central store; a partial set of files is fine.
      const params = { namespace: u.namespace, prefix: u.prefix };
      if (isInboxNamespace(u.namespace)) out.push(diag("STORE_USING_INBOX", params, u.at, "info"));
      // msedgeupdate.admx declares `Microsoft.Policies` (prefix Edge), which no file defines, and never
      // uses the prefix: nothing is left unresolved, and GPMC loads it. Used, the references break.
      else if (used.has(`${u.at.file}\0${u.namespace.toLowerCase()}`))
        out.push(diag("STORE_USING_UNRESOLVED", params, u.at));
      else out.push(diag("STORE_USING_UNUSED_UNRESOLVED", params, u.at, "warning"));
    }
    for (const r of this.references) {
      const entry = this.namespaces.get(r.namespace.toLowerCase());
      if (entry && !entry.names[r.kind].has(r.name.toLowerCase())) {
        // Windows' own EAIME.admx, WindowsSandbox.admx and others name supportedOn definitions their
        // store's Windows.admx lacks, and GPMC loads them: a warning, an error under --strict.
        out.push(
          diag(
            "STORE_REFERENCE_UNRESOLVED",
            { kind: r.kind, ref: r.ref, namespace: r.namespace, file: entry.file },
            r.at,
            "warning",
          ),
        );
      }
    }
    return out;
  }
}
