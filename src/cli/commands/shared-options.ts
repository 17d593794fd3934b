import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import type { PolicyOrigin } from "../../load/load-policies.js";
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
 * so that the conflict only fires when both are typed; `loadPolicies` applies the default.
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

/** What {@link POLICY_SOURCE_OPTIONS} were given, for `loadPolicies`: the parser refuses both at once. */
export interface PolicySourceArgs {
  bundle?: string;
  admx?: string;
}

/** The origin `loadPolicies` takes, from {@link PolicySourceArgs}. */
export function policyOrigin(args: PolicySourceArgs): PolicyOrigin {
  if (args.admx !== undefined) return { admx: args.admx };
  return args.bundle === undefined ? {} : { bundle: args.bundle };
}

/** The two classes of a Registry.pol: which section of a values file, which hive. */
export const CLASSES = ["machine", "user"] as const;
