/** The policies of one bundle as {@link compileIntune} takes them: `compileIntune(createIntuneSource(b), …)`. */
import { createPolicyIndex } from "../compile/index.js";
import type { Bundle } from "../model/types.js";
import type { IntuneSource } from "./compile-intune.js";
import { bundleIngestionSource } from "./ingestion-settings.js";

/**
 * A bundle's policies for the Intune route: each is of the bundle's own template (`<fileName>.admx`),
 * which ADMX ingestion uploads for the policies that declare no other route.
 */
export function createIntuneSource(bundle: Bundle): IntuneSource {
  const { namespace, prefix } = bundle.target;
  const template = bundleIngestionSource(bundle);
  const origin = { admxFile: template.file, fromStore: false };
  return {
    index: createPolicyIndex([{ namespace, prefix, policies: bundle.policies }]),
    originOf: () => origin,
    templateOf: () => template,
  };
}
