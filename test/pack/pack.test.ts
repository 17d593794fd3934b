import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { listFiles } from "../helpers/golden.js";
import { REPO_ROOT, runCliBundle, tempDir } from "../helpers/cli.js";
import { smallBundle } from "../helpers/bundle-fixtures.js";
import { COMMANDS } from "../../src/cli/main.js";

const exec = promisify(execFile);
const TSC = join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");

/**
 * What an npm consumer gets: `npm pack`, install the tarball into an empty project, run the binary,
 * type-check imports of every entry point of the public API with strict settings, `nodenext` resolution
 * and without @types/node (our .d.ts files must not need it), and load each entry point in Node.
 */
describe("the packed package", () => {
  it(
    "installs into an empty folder, where `npx admxkit build` works and imports type-check",
    { timeout: 240_000 },
    async () => {
      const packDir = await tempDir("admxkit-pack-");
      // `prepack` would run `npm run build` again: the tests' global setup has just built dist/ (tsc and
      // the editor's Vite bundle) from these sources, which is what `prepack` makes.
      await exec("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", packDir], {
        cwd: REPO_ROOT,
      });
      const [tarball] = (await readdir(packDir)).filter((name) => name.endsWith(".tgz"));
      expect(tarball).toBeDefined();

      const project = await tempDir("admxkit-consumer-");
      // Every entry point `package.json` declares, as a consumer spells it.
      const manifest = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8"));
      const subpaths = Object.keys(manifest.exports)
        .filter((subpath) => subpath !== "./package.json")
        .map((subpath) => (subpath === "." ? "admxkit" : `admxkit/${subpath.slice(2)}`));
      expect(subpaths.length).toBeGreaterThan(1);
      // The tarball holds no source maps: they would point at src/, which is not shipped (issue 13.4).
      const listing = await exec("tar", ["-tzf", join(packDir, tarball!)]);
      expect(listing.stdout).toContain("package/dist/cli/main.js");
      expect(listing.stdout.split("\n").filter((name) => name.endsWith(".map"))).toEqual([]);
      expect(listing.stdout).not.toContain("package/src/");
      // Data files the modules find from their own URL: the ADMX-backed CSP mapping of `intune`.
      expect(listing.stdout).toContain("package/data/intune/admx-backed-csp.json");
      // …and no shipped file names a map (tsc's `//# sourceMappingURL=` comments).
      const unpacked = await tempDir("admxkit-unpacked-");
      await exec("tar", ["-xzf", join(packDir, tarball!), "-C", unpacked]);
      const naming = await exec("grep", ["-rl", "sourceMappingURL", unpacked]).catch((e) => e);
      expect(naming.stdout).toBe("");

      // A consumer project with a version of its own: `--version` must not print it (issue 13.1).
      await writeFile(
        join(project, "package.json"),
        JSON.stringify({ name: "consumer", version: "9.9.9", private: true, type: "module" }),
      );
      const install = await exec(
        "npm",
        [
          "install",
          "--no-audit",
          "--no-fund",
          "--prefer-offline",
          "--loglevel=warn",
          join(packDir, tarball!),
        ],
        { cwd: project },
      );
      // No install script to approve: the package is built when packed (`prepack`), not when installed.
      expect(install.stderr).not.toMatch(/install-scripts|prepare/);
      await writeFile(
        join(project, "consumer.ts"),
        [
          'import { defineBundle, generateTemplates, value, type Bundle } from "admxkit";',
          "const bundle: Bundle = defineBundle({",
          '  id: "c", fileName: "C", target: { prefix: "c", namespace: "C.Policies" }, revision: "1.0",',
          '  minRequiredRevision: "1.0", displayName: "N", description: "D",',
          '  categories: [{ name: "C", displayName: "N" }],',
          '  policies: [{ name: "P", class: "Machine", displayName: "N", explainText: "D", key: "Software\\\\C",',
          '    valueName: "V", enabledValue: value.decimal(1), category: "C", supportedOn: "windows:SUPPORTED_Windows_10_0" }],',
          '  using: [{ prefix: "windows", namespace: "Microsoft.Policies.Windows" }],',
          '  locales: { "en-US": { N: "Name", D: "Description" } },',
          "});",
          "const count: number = generateTemplates(bundle).files.length;",
          "// @ts-expect-error: the typed API refuses an unknown element kind at compile time",
          'defineBundle({ ...bundle, policies: [{ ...bundle.policies[0]!, elements: [{ kind: "slider" }] }] });',
          // Each subpath with its declarations: one namespace import per entry of `exports`, and a typed
          // Registry.pol round trip through `admxkit/pol`, without the root entry.
          ...subpaths.map((specifier, i) => `import * as entry${i} from ${JSON.stringify(specifier)};`),
          'import { decodePol, encodePol, type PolEntry } from "admxkit/pol";',
          'const entry: PolEntry = { key: "Software\\\\C", valueName: "V", type: 4, data: new Uint8Array(4) };',
          "const decoded = decodePol(encodePol([entry]));",
          "const roundTrip: readonly PolEntry[] = decoded.ok ? decoded.entries : [];",
          `const entries: readonly object[] = [${subpaths.map((_, i) => `entry${i}`).join(", ")}];`,
          "export { count, entries, roundTrip };",
        ].join("\n"),
      );
      await writeFile(
        join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            module: "NodeNext",
            moduleResolution: "NodeNext",
            target: "ES2022",
            noEmit: true,
            // TypeScript's own lib.*.d.ts are its own to check (a third of the check's time); our
            // declarations and those of our dependencies are still checked, as a consumer's tsc does.
            skipDefaultLibCheck: true,
            types: [],
          },
          files: ["consumer.ts"],
        }),
      );
      // The consumer's type check is the longest step (mostly checking zod's declarations), and reads
      // nothing the steps below write: it runs beside them, and its result is checked after them.
      const typeCheck = exec(process.execPath, [TSC, "-p", "."], { cwd: project }).catch((e) => e);
      const ownVersion = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")).version;
      // The installed binary as its own process, started by node: npx (its own start costs about a
      // second each) runs it in the README's Quick start below.
      const bin = join(project, "node_modules", ".bin", "admxkit");
      const version = await exec(process.execPath, [bin, "--version"], { cwd: project });
      expect(version.stdout).toBe(`${ownVersion}\n`);
      expect(ownVersion).not.toBe("9.9.9");
      // The installed CLI's bundle run in this process, in the project, for the runs below: the installed
      // binary runs as a process above and in the Quick start, which builds and writes a Registry.pol too.
      const installed = join(project, "node_modules", "admxkit");
      const installedMain = join(installed, "dist", "cli-bundle", "main.js");
      const admxkit = async (args: readonly string[]) => {
        const run = await runCliBundle(installedMain, args, { cwd: project });
        expect(run.code, run.stderr).toBe(0);
        return run;
      };

      // A TypeScript bundle that imports "admxkit" builds with the installed package (issue 13.2).
      await writeFile(
        join(project, "tiny.ts"),
        `import { defineBundle, type Bundle } from "admxkit";\n` +
          `const tiny: Bundle = defineBundle(${JSON.stringify(smallBundle())} as Bundle);\nexport default tiny;\n`,
      );
      const ts = await admxkit(["build", "--bundle", "tiny.ts", "--out", "ts-out"]);
      expect(ts.stdout).toContain("Tiny.admx");

      const build = await admxkit(["build"]);
      expect(build.stdout).toContain("AdmxkitDefenderProxy.admx");
      expect(await listFiles(join(project, "out"))).toEqual([
        "PolicyDefinitions/AdmxkitDefenderProxy.admx",
        "PolicyDefinitions/en-US/AdmxkitDefenderProxy.adml",
        "PolicyDefinitions/ja-JP/AdmxkitDefenderProxy.adml",
      ]);
      // The editor's bundled page script ships in the package, and the installed CLI writes it out.
      expect(listing.stdout).toContain("package/dist/browser/editor.js");
      await admxkit(["preview", "--out", "site"]);

      // Every file the help's examples name is in the package, and the first one runs from it. The
      // installed CLI's help, from its bundle in this process: a process for each command's --help
      // would test nothing more (the installed binary runs above and below).
      const named = new Set<string>();
      for (const { spec } of COMMANDS) {
        const help = await admxkit([spec.name, "--help"]);
        for (const [path] of help.stdout.matchAll(/examples\/[\w./-]+/g)) named.add(path);
      }
      expect([...named]).toContain("examples/defender-proxy.values.json");
      for (const path of named) expect(existsSync(join(installed, path)), path).toBe(true);
      await admxkit([
        "pol",
        "--values",
        join(installed, "examples", "defender-proxy.values.json"),
        "--out",
        "Registry.pol",
      ]);
      expect(await readFile(join(project, "Registry.pol"))).toEqual(
        await readFile(join(REPO_ROOT, "examples", "defender-proxy.Registry.pol")),
      );
      const shipped = await readFile(join(REPO_ROOT, "dist", "browser", "editor.js"));
      expect((await readFile(join(project, "site", "editor.js"))).equals(shipped)).toBe(true);

      const check = await typeCheck;
      expect(check.stdout ?? "", check.stderr).toBe("");

      // Each subpath loads in Node from the installed package and exports something; a module no entry
      // point names stays out of reach (`exports` is the whole surface). First, in the same process: the
      // installed CSP mapping module finds its data file from its own URL.
      const cspMap = pathToFileURL(join(installed, "dist", "intune", "csp-map.js")).href;
      await writeFile(
        join(project, "subpaths.mjs"),
        [
          `const { findAdmxBackedCsp } = await import(${JSON.stringify(cspMap)});`,
          'console.log(findAdmxBackedCsp("WindowsDefender.admx", "ProxyBypass").omaUris.Device);',
          `for (const specifier of ${JSON.stringify(subpaths)})`,
          "  console.log(specifier, Object.keys(await import(specifier)).length);",
          'await import("admxkit/dist/pol/index.js").then(',
          '  () => console.log("internal module imported"),',
          "  (error) => console.log(error.code),",
          ");",
        ].join("\n"),
      );
      const loaded = await exec(process.execPath, ["subpaths.mjs"], { cwd: project });
      const [omaUri, ...lines] = loaded.stdout.trim().split("\n");
      expect(omaUri).toBe("./Device/Vendor/MSFT/Policy/Config/ADMX_MicrosoftDefenderAntivirus/ProxyBypass");
      expect(lines.slice(0, -1).map((line) => line.split(" ")[0])).toEqual(subpaths);
      for (const line of lines.slice(0, -1)) expect(Number(line.split(" ")[1]), line).toBeGreaterThan(0);
      expect(lines.at(-1)).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");

      // The README's Quick start works as written: no placeholder to fill in, the tarball it installs
      // is the one `npm pack` writes, and its admxkit commands run in the project that installed it.
      const readme = await readFile(join(REPO_ROOT, "README.md"), "utf8");
      const quickStart = readme.split("## Quick start")[1]!.split("```sh\n")[1]!.split("```")[0]!;
      expect(quickStart).not.toMatch(/<[^>]*>/);
      expect(quickStart).toContain(`"$PWD/${tarball}"`);
      const commands = quickStart.split("\n").filter((line) => line.startsWith("npx admxkit"));
      expect(commands.length).toBeGreaterThan(1);
      for (const command of commands) {
        await exec("sh", ["-c", command.replace(/\s+#.*$/, "")], { cwd: project });
      }
    },
  );
});
