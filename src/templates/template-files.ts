import { writeAdml } from "./write-adml.js";
import { writeAdmx } from "./write-admx.js";
import type { OutputFile } from "../io/output-file.js";
import type { Bundle } from "../model/types.js";

/**
 * The central-store files of a bundle already checked for `locales` (by checkBundle, or loadBundle in
 * the CLI, so that a command checks its bundle once): `PolicyDefinitions/<File>.admx` and
 * `PolicyDefinitions/<locale>/<File>.adml` per locale (an ADML outside its locale folder is not found
 * by the editor). Without zod, so `build` starts fast.
 */
export function templateFiles(bundle: Bundle, locales?: readonly string[]): OutputFile[] {
  return [
    { path: `PolicyDefinitions/${bundle.fileName}.admx`, content: writeAdmx(bundle) },
    ...(locales ?? Object.keys(bundle.locales)).map((locale) => ({
      path: `PolicyDefinitions/${locale}/${bundle.fileName}.adml`,
      content: writeAdml(bundle, locale),
    })),
  ];
}
