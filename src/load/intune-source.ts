/**
 * What `admxkit intune` knows of the policies' origin, from `--bundle` or `--admx`: the ADMX file of
 * each policy (an in-box Windows template maps to ADMX-backed CSP settings, any other is ingested)
 * and, for the custom templates, what ADMX ingestion uploads (the ADMX text, its ADML locales).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { defenderProxyBundle } from "../bundles/defender-proxy.js";
import type { IntuneSource } from "../intune/index.js";
import type { IngestionSource } from "../intune/ingestion-settings.js";
import { isInboxTemplate } from "../model/inbox-templates.js";
import type { Policy } from "../model/types.js";
import type { LoadedPolicies } from "./load-policies.js";

/** The namespaces of admxkit's own built-in templates, which `intune --admx` refuses with a pointer. */
function builtInNamespaces(): string[] {
  return [defenderProxyBundle().target.namespace];
}

/** The policy source of `intune`, from what `loadPolicies` loaded. */
export async function loadIntuneSource(loaded: LoadedPolicies): Promise<IntuneSource> {
  if (loaded.bundle) {
    const { createIntuneSource } = await import("../intune/index.js");
    return { ...createIntuneSource(loaded.bundle), builtInNamespaces: builtInNamespaces() };
  }
  const { findTemplateFiles } = await import("../read/store-files.js");
  const { storeIngestionSource } = await import("../intune/ingestion-settings.js");
  const { decodeXmlBytes } = await import("../read/decode.js");
  const origins = new Map<Policy, { admxFile: string; fromStore: boolean }>();
  const templates = new Map<Policy, IngestionSource>();
  // A store's sources are its templates, each with the ADMX file it was read from.
  for (const source of loaded.sources) {
    const file = "file" in source && typeof source.file === "string" ? source.file : undefined;
    if (file === undefined) continue;
    const admxFile = basename(file);
    for (const policy of source.policies) origins.set(policy, { admxFile, fromStore: true });
    if (isInboxTemplate(admxFile)) continue;
    // A custom template of the store: what ingestion would upload, read now (compileIntune is pure).
    const found = (await findTemplateFiles([file])).templates[0];
    const template = storeIngestionSource({
      file: admxFile,
      namespace: source.namespace ?? "",
      policies: source.policies,
      locales: found?.admls.map((a) => a.locale) ?? [],
      // Decoded as the reader decodes it: vendors ship ADMX files in UTF-16 too.
      admx: decodeXmlBytes(await readFile(file), file).text,
    });
    for (const policy of source.policies) templates.set(policy, template);
  }
  return {
    index: loaded.index,
    originOf: (policy) => origins.get(policy) ?? { admxFile: "", fromStore: false },
    templateOf: (policy) => templates.get(policy),
    builtInNamespaces: builtInNamespaces(),
  };
}
