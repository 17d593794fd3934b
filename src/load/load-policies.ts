/**
 * Where the policies a values file names come from: a bundle (a built-in id or a bundle file, the
 * default bundle when none is named) or the ADMX/ADML files of a PolicyDefinitions folder (e.g. Windows'
 * own central store). `pol`, `gpo`, `dump`, `values` and `diff` load them here, so a values file names
 * policies alike in every command and in the library.
 */
import { DEFAULT_BUNDLE } from "../bundles/index.js";
import type { PolicyIndex, PolicySource } from "../compile/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Bundle, Policy } from "../model/types.js";
import type { StoreTemplate } from "../read/read-store.js";
import type { ValuesFile } from "../values/schema.js";
import type { DisplayNameLookup } from "./display-names.js";

/** A bundle (its id or file; {@link DEFAULT_BUNDLE} when omitted) or a PolicyDefinitions folder. */
export type PolicyOrigin =
  | { readonly bundle?: string; readonly admx?: undefined }
  | { readonly admx: string; readonly bundle?: undefined };

/** Options of {@link loadPolicies}. */
export interface LoadPoliciesOptions {
  /**
   * The values-file keys that will be used (`Name`, `prefix:Name`, `Namespace:Name`): of a folder, only
   * the templates defining them are read in full (see `ReadStoreOptions.policies`).
   */
  readonly policies?: readonly string[];
}

/** The policies, indexed for a values file, and what to say about the files they were read from. */
export interface LoadedPolicies {
  /** For "there is no policy X in …": the bundle id or the folder as given. */
  readonly source: string;
  /** The policies grouped by namespace, as `createPolicyIndex` and `createEntryExplainer` take them. */
  readonly sources: readonly PolicySource[];
  readonly index: PolicyIndex;
  /**
   * The store's findings worth showing when `used` are the policies worked with (see
   * src/read/store-diagnostics.ts); always empty for a bundle, which `loadBundle` has checked already.
   */
  diagnosticsFor(used: Iterable<Policy>): Diagnostic[];
  /** The display names of policies in a locale (else en-US), from the files already found. */
  readonly displayNames: DisplayNameLookup;
  /** The bundle, when the policies come from one (`admxkit intune` ingests its template). */
  readonly bundle?: Bundle;
  /** The folder's templates, when the policies were read from one: each ADMX with its ADML files. */
  readonly templates?: readonly StoreTemplate[];
}

/**
 * Loads a bundle or reads a PolicyDefinitions folder. Throws an `AdmxkitError` when the bundle cannot
 * be loaded, or when the folder yields no policy at all (with the reasons: no such folder, files that
 * do not parse); otherwise problems of a folder's files do not stop reading, and
 * {@link LoadedPolicies.diagnosticsFor} picks those that concern the policies used.
 */
export async function loadPolicies(
  origin: PolicyOrigin,
  options: LoadPoliciesOptions = {},
): Promise<LoadedPolicies> {
  const { createPolicyIndex } = await import("../compile/index.js");
  if (origin.admx === undefined) {
    const { loadBundle } = await import("./load-bundle.js");
    const { bundle } = await loadBundle(origin.bundle ?? DEFAULT_BUNDLE);
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
  const dir = origin.admx;
  // With the values file's keys, only the templates defining them are read in full (read-store.ts).
  const wanted = options.policies && options.policies.length > 0 ? { policies: options.policies } : {};
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
    templates: store.templates,
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
