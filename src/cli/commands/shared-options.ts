import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import type { OptionSpec } from "../args.js";

/** `--bundle <id|path>` with the built-in default: a built-in bundle id, a bundle JSON file or a module. */
export const BUNDLE_OPTION: OptionSpec = {
  name: "bundle",
  type: "string",
  default: DEFAULT_BUNDLE,
  text: "shared.option.bundle",
  placeholder: "<id|file>",
};

/**
 * `--bundle <id|path>` or `--admx <dir>`, never both (a usage error). `--bundle` has no default here
 * so that the conflict only fires when both are typed; `loadPolicySource` applies the default.
 */
export const POLICY_SOURCE_OPTIONS: readonly OptionSpec[] = [
  {
    name: "bundle",
    type: "string",
    text: "source.option.bundle",
    textParams: { bundle: DEFAULT_BUNDLE },
    conflicts: "admx",
    placeholder: "<id|file>",
  },
  { name: "admx", type: "string", text: "source.option.admx", placeholder: "<folder>" },
];

/** The two classes of a Registry.pol: which section of a values file, which hive. */
export const CLASSES = ["machine", "user"] as const;
