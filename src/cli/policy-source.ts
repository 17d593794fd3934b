/**
 * Where the policies a command works on come from: a bundle (`--bundle`, the default) or the ADMX/ADML
 * files of a PolicyDefinitions folder (`--admx`, e.g. Windows' own central store). `pol`, `gpo` and
 * `dump` share this, so a values file names policies alike in every command.
 */
import { DEFAULT_BUNDLE } from "../bundles/index.js";
import type { PolicyIndex, PolicySource } from "../compile/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Bundle, Policy } from "../model/types.js";
import type { ValuesFile } from "../values/schema.js";
import type { DisplayNameLookup } from "./display-names.js";

/** `--bundle` or `--admx` (commands/shared-options.ts POLICY_SOURCE_OPTIONS). */
export interface PolicySourceArgs {
  bundle?: string;
  admx?: string;
}

/** The policies, indexed for a values file, and what to say about the files they were read from. */
export interface LoadedPolicies {
  /** For "there is no policy X in …": the bundle id or the folder as given. */
  readonly source: string;
  /** The policies grouped by namespace, as `createPolicyIndex` and `createEntryExplainer` take them. */
  readonly sources: readonly PolicySource[];
  readonly index: PolicyIndex;
  /**
   * The store's findings worth showing when `used` are the policies the command works with (see
   * src/read/store-diagnostics.ts); always empty for a bundle, which `loadBundle` has checked already.
   */
  diagnosticsFor(used: Iterable<Policy>): Diagnostic[];
  /** The display names of policies in a locale (else en-US), for `admxkit diff`. */
  readonly displayNames: DisplayNameLookup;
  /** The bundle, when the policies come from one (`admxkit intune` ingests its template). */
  readonly bundle?: Bundle;
}

/**
 * Loads `--bundle` or reads `--admx`. A store that yields no policy at all is an error (exit 1) with
 * the reasons; otherwise problems of its files do not stop reading, and {@link LoadedPolicies.diagnosticsFor}
 * picks those that concern the policies used.
 */
export async function loadPolicySource(
  args: PolicySourceArgs,
  needs: { readonly policies?: readonly string[] } = {},
): Promise<LoadedPolicies> {
  const { createPolicyIndex } = await import("../compile/index.js");
  if (args.admx === undefined) {
    const { loadBundle } = await import("./load-bundle.js");
    const { bundle } = await loadBundle(args.bundle ?? DEFAULT_BUNDLE);
    const { namespace, prefix } = bundle.target;
    const sources = [{ namespace, prefix, policies: bundle.policies }];
    const { bundleDisplayNames } = await import("./display-names.js");
    return {
      source: bundle.id,
      sources,
      index: createPolicyIndex(sources),
      diagnosticsFor: () => [],
      displayNames: bundleDisplayNames(bundle),
      bundle,
    };
  }
  const { readStore } = await import("../read/read-store.js");
  const { AdmxkitError, diag } = await import("../diagnostics/diagnostic.js");
  const { storeDiagnostics } = await import("../read/store-diagnostics.js");
  const { storeDisplayNames } = await import("./display-names.js");
  const dir = args.admx;
  // With the values file's keys, only the templates defining them are read in full (read-store.ts).
  const wanted = needs.policies && needs.policies.length > 0 ? { policies: needs.policies } : {};
  const store = await readStore(dir, wanted);
  if (store.templates.length === 0) {
    // The reasons (no such folder, files that do not parse) when there are any; else the store is empty.
    const errors = store.diagnostics.filter((d) => d.severity === "error");
    throw new AdmxkitError(
      errors.length > 0 ? errors : [diag("ADMX_STORE_NO_POLICIES", { dir }, { file: dir })],
    );
  }
  return {
    source: dir,
    sources: store.templates,
    index: createPolicyIndex(store.templates),
    diagnosticsFor: (used) => storeDiagnostics(store, new Set(used), dir),
    displayNames: storeDisplayNames(store.templates),
  };
}

/** The keys of both sections of a values file: the policies it names, resolved or not. */
export function policyKeysOf(values: ValuesFile): string[] {
  return [...Object.keys(values.machine ?? {}), ...Object.keys(values.user ?? {})];
}

/** The policies a values file names (in either section), as the index resolves them. */
export function policiesNamedBy(index: PolicyIndex, values: ValuesFile): Policy[] {
  return policyKeysOf(values).flatMap((name) => {
    const found = index.lookup(name);
    return found.ok ? [found.policy] : [];
  });
}
