/**
 * What `admxkit intune` knows of the policies' origin, from `--bundle` or `--admx`: the ADMX file of
 * each policy (an in-box Windows template maps to ADMX-backed CSP settings, any other is ingested)
 * and, for the custom templates, what ADMX ingestion uploads (the ADMX text, its ADML locales).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { BUILTIN_BUNDLES } from "../bundles/index.js";
import type { IntuneSource } from "../intune/index.js";
import type { IngestionSource } from "../intune/ingestion-settings.js";
import { isInboxTemplate } from "../model/inbox-templates.js";
import type { Policy } from "../model/types.js";
import type { LoadedPolicies } from "./load-policies.js";

/** The namespaces of admxkit's own built-in templates, which `intune --admx` refuses with a pointer. */
async function builtInNamespaces(): Promise<string[]> {
  const bundles = await Promise.all(Object.values(BUILTIN_BUNDLES).map((load) => load()));
  return bundles.map((bundle) => bundle.target.namespace);
}

/** The policy source of `intune`, from what `loadPolicies` loaded. */
export async function loadIntuneSource(loaded: LoadedPolicies): Promise<IntuneSource> {
  if (loaded.bundle) {
    const { createIntuneSource } = await import("../intune/index.js");
    return { ...createIntuneSource(loaded.bundle), builtInNamespaces: await builtInNamespaces() };
  }
  const { storeIngestionSource } = await import("../intune/ingestion-settings.js");
  const { decodeXmlBytes } = await import("../read/decode.js");
  const origins = new Map<Policy, { admxFile: string; fromStore: boolean }>();
  const templates = new Map<Policy, IngestionSource>();
  // Each template of the store, with the ADMX file it was read from and the ADML files beside it.
  for (const source of loaded.templates ?? []) {
    const file = source.file;
    const admxFile = basename(file);
    for (const policy of source.policies) origins.set(policy, { admxFile, fromStore: true });
    if (isInboxTemplate(admxFile)) continue;
    // A custom template of the store: what ingestion would upload, read now (compileIntune is pure).
    const template = storeIngestionSource({
      file: admxFile,
      namespace: source.namespace,
      policies: source.policies,
      locales: source.admls.map((a) => a.locale),
      // Decoded as the reader decodes it: vendors ship ADMX files in UTF-16 too.
      admx: decodeXmlBytes(await readFile(file), file).text,
    });
    for (const policy of source.policies) templates.set(policy, template);
  }
  return {
    index: loaded.index,
    originOf: (policy) => origins.get(policy) ?? { admxFile: "", fromStore: false },
    templateOf: (policy) => templates.get(policy),
    builtInNamespaces: await builtInNamespaces(),
  };
}
