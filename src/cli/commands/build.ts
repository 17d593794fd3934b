import { DEFAULT_BUNDLE } from "../../bundles/index.js";
import type { CommandSpec } from "../args.js";
import type { CliIo } from "../context.js";
import { EXIT, messageLocale, reportDiagnostics, runCommand } from "../context.js";
import { BUNDLE_OPTION } from "./shared-options.js";

interface BuildArgs {
  bundle: string;
  out: string;
  locale?: string[];
  lang?: string;
}

/** `admxkit build`: the bundle's templates as a PolicyDefinitions tree. */
export const spec: CommandSpec = {
  name: "build",
  text: "build.describe",
  positionals: [],
  options: [
    BUNDLE_OPTION,
    { name: "out", type: "string", default: "out", text: "build.option.out", placeholder: "<folder>" },
    { name: "locale", type: "string", repeatable: true, text: "build.option.locale", placeholder: "<tag>" },
  ],
  examples: [
    { command: "admxkit build", text: "build.example.1" },
    { command: "admxkit build --bundle ./my-bundle.json --locale en-US --out dist", text: "build.example.2" },
  ],
};

export async function handler(args: BuildArgs, io: CliIo): Promise<number> {
  const locale = messageLocale(args.lang);
  return runCommand(io, locale, async () => {
    const { loadBundle } = await import("../../load/load-bundle.js");
    const { templateFiles } = await import("../../templates/template-files.js");
    const { writeFilesAtomic } = await import("../../io/write-files.js");
    // Checked once, by loadBundle: the files are written from the bundle as checked.
    const { bundle, diagnostics } = await loadBundle(args.bundle ?? DEFAULT_BUNDLE, args.locale);
    reportDiagnostics(io, diagnostics, locale);
    const written = await writeFilesAtomic(args.out, templateFiles(bundle, args.locale));
    for (const path of written) io.stdout(`${path}\n`);
    return EXIT.ok;
  });
}
