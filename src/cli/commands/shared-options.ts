import type { Argv } from "yargs";
import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import { cliText, type LocaleTag } from "../../i18n/messages.js";

/** `--bundle <id|path>`: a built-in bundle id, a bundle JSON file or a JS module. */
export function bundleOption<T>(yargs: Argv<T>, locale: LocaleTag) {
  return yargs.option("bundle", {
    type: "string",
    default: DEFAULT_BUNDLE,
    describe: cliText("shared.option.bundle", locale),
  });
}

/** `--lang <tag>`: the language of messages (en-US, ja-JP); default from LC_ALL/LC_MESSAGES/LANG. */
export function langOption<T>(yargs: Argv<T>, locale: LocaleTag) {
  return yargs.option("lang", { type: "string", describe: cliText("shared.option.lang", locale) });
}
