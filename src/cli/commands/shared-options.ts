import type { Argv } from "yargs";
import { DEFAULT_BUNDLE } from "../../bundles/index.js";

/** `--bundle <id|path>`: a built-in bundle id, a bundle JSON file or a JS module. */
export function bundleOption<T>(yargs: Argv<T>) {
  return yargs.option("bundle", {
    type: "string",
    default: DEFAULT_BUNDLE,
    describe: "Built-in bundle id, or path to a bundle .json file or .js/.mjs module",
  });
}

/** `--lang <tag>`: the language of messages (en-US, ja-JP); default from LC_ALL/LC_MESSAGES/LANG. */
export function langOption<T>(yargs: Argv<T>) {
  return yargs.option("lang", { type: "string", describe: "Language of messages: en-US or ja-JP" });
}
