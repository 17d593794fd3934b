import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_BUNDLES } from "../../src/bundles/index.js";
import { compileValues } from "../../src/compile/index.js";
import { AdmxkitError } from "../../src/diagnostics/diagnostic.js";
import { remediationScripts } from "../../src/intune/remediation.js";
import {
  createKeyEntry,
  deleteKeysEntry,
  deleteValuesEntry,
  delEntry,
  delvalsEntry,
  dwordEntry,
  multiSzEntry,
  qwordEntry,
  secureKeyEntry,
  softEntry,
  szEntry,
  valueEntry,
  type PolEntry,
} from "../../src/pol/index.js";
import { parseValuesText } from "../../src/values/index.js";
import { REPO_ROOT } from "../helpers/cli.js";
import {
  applyEntries,
  arg,
  commandLines,
  DETECTION_COMMANDS,
  REMEDIATION_COMMANDS,
  runRemediation,
  snapshot,
  type Registry,
} from "../helpers/remediation-kit.js";

const K = "Software\\Policies\\Contoso";

/** Strings that would change what a script does if one left its literal. */
const HOSTILE = [
  "it's",
  "'; Remove-Item C:\\ -Recurse; '",
  "$(Stop-Computer -Force)",
  "back`tick`n",
  "smart \u2018quotes\u2019 \u201a\u201b",
  "line one\r\nline two",
  '"double" $env:USERNAME',
  "<# block #> # comment",
];

/** The lines of a script that are not command lines: what every script of a hive shares. */
const fixedText = (script: string, commands: readonly string[]) =>
  script.split("\r\n").filter((line) => !commands.some((c) => line.startsWith(`${c} `)));

describe("remediationScripts: the scripts", () => {
  const entries = HOSTILE.map((text, i) => szEntry(`${K}\\${text}`, text, `${text} ${i}`));
  const scripts = remediationScripts(entries, { hive: "machine" });
  const none = remediationScripts([], { hive: "machine" });

  it("parse: every command line is one call with literal arguments, read back exactly", () => {
    const lines = commandLines(scripts.remediate, REMEDIATION_COMMANDS);
    expect(lines).toHaveLength(HOSTILE.length);
    lines.forEach((line, i) => {
      expect(line.command).toBe("Set-PolicyValue");
      expect(arg(line, "-Key")).toBe(`${K}\\${HOSTILE[i]}`);
      expect(arg(line, "-Name")).toBe(HOSTILE[i]);
      expect(arg(line, "-Type")).toBe("String");
      expect(arg(line, "-Value")).toBe(`${HOSTILE[i]} ${i}`);
    });
    expect(commandLines(scripts.detect, DETECTION_COMMANDS)).toHaveLength(HOSTILE.length);
  });

  it("keep every other line fixed, whatever the values: no value reaches PowerShell as code", () => {
    expect(fixedText(scripts.remediate, REMEDIATION_COMMANDS)).toEqual(
      fixedText(none.remediate, REMEDIATION_COMMANDS),
    );
    expect(fixedText(scripts.detect, DETECTION_COMMANDS)).toEqual(fixedText(none.detect, DETECTION_COMMANDS));
    // A line break inside a value is never written raw: each script line is one PowerShell line.
    expect(scripts.remediate.split("\r\n").every((line) => !/[\r\n]/.test(line))).toBe(true);
  });

  it("balance their brackets and quotes outside strings and comments, line by line continued", () => {
    for (const script of [scripts.detect, scripts.remediate, none.detect, none.remediate]) {
      const stack: string[] = [];
      const body = script.slice(script.indexOf("#>") + 2);
      for (const line of body.split("\r\n")) {
        let quote: string | undefined;
        for (const c of line) {
          if (quote) {
            if (c === quote) quote = undefined;
          } else if (c === "'" || c === '"') quote = c;
          else if (c === "#") break;
          else if ("({[".includes(c)) stack.push(c);
          else if (")}]".includes(c)) expect(stack.pop()).toBe("({["[")}]".indexOf(c)]);
        }
        // Strings never span lines here (doubled quotes read as a close and an open, which balances).
        expect(quote).toBeUndefined();
      }
      expect(stack).toEqual([]);
    }
  });

  it("say how Intune must run them, and end with the exit codes of a Remediations pair", () => {
    for (const script of [scripts.detect, scripts.remediate]) {
      expect(script).toContain('"Run script in 64-bit PowerShell": Yes');
      expect(script).toContain("Run it as SYSTEM");
      expect(script).toContain("OpenBaseKey('LocalMachine', 'Registry64')");
      expect(script.endsWith("exit 0\r\n")).toBe(true);
    }
    expect(scripts.detect).toContain("    exit 1\r\n");
  });

  it("write user settings into every signed-in user's hive, local, domain or Entra ID", () => {
    const user = remediationScripts([szEntry(K, "A", "b")], { hive: "user" });
    expect(user.remediate).toContain("OpenBaseKey('Users', 'Registry64')");
    expect(user.remediate).toContain("'^S-1-(5-21|12-1)-[0-9-]+$'");
    expect(user.remediate).not.toContain("LocalMachine");
  });
});

describe("remediationScripts: values and deletions", () => {
  it("write the unsigned maxima of REG_DWORD and REG_QWORD exactly", () => {
    const { remediate } = remediationScripts(
      [dwordEntry(K, "D", 0xffffffff), qwordEntry(K, "Q", 2n ** 64n - 1n)],
      { hive: "machine" },
    );
    const [d, q] = commandLines(remediate, REMEDIATION_COMMANDS);
    expect([arg(d!, "-Type"), arg(d!, "-Value")]).toEqual(["DWord", 4294967295n]);
    expect([arg(q!, "-Type"), arg(q!, "-Value")]).toEqual(["QWord", 18446744073709551615n]);
  });

  it("replay **del., **DeleteValues and **delvals. as deletions, in order", () => {
    const entries = [delvalsEntry(`${K}\\List`), szEntry(`${K}\\List`, "1", "a"), delEntry(K, "Old")];
    const lines = commandLines(
      remediationScripts([...entries, deleteValuesEntry(K, ["x", "y"])], { hive: "machine" }).remediate,
      REMEDIATION_COMMANDS,
    );
    expect(lines.map((l) => [l.command, arg(l, "-Name") ?? null])).toEqual([
      ["Clear-PolicyKey", null],
      ["Set-PolicyValue", "1"],
      ["Remove-PolicyValue", "Old"],
      ["Remove-PolicyValue", ["x", "y"]],
    ]);
  });

  it("detect the state the entries leave: last write wins, names compare case-insensitively", () => {
    const entries: PolEntry[] = [
      szEntry(K, "Url", "first"),
      szEntry(K, "URL", "second"),
      szEntry(K, "Gone", "x"),
      delEntry(K, "gone"),
      szEntry(`${K}\\List`, "stale", "x"),
      delvalsEntry(`${K}\\List`),
      szEntry(`${K}\\List`, "1", "a"),
    ];
    const checks = commandLines(remediationScripts(entries, { hive: "machine" }).detect, DETECTION_COMMANDS);
    expect(checks.map((c) => [c.command, arg(c, "-Name"), arg(c, "-Value") ?? null])).toEqual([
      // Spelled as the last entry on the value spells it; the check compares names case-insensitively.
      ["Test-PolicyValue", "URL", "second"],
      ["Test-PolicyAbsent", "gone", null],
      ["Test-PolicyValue", "1", "a"],
      ["Test-PolicyKeyOnly", ["1"], null],
    ]);
  });
});

describe("remediationScripts: refusals", () => {
  it("refuses every entry it cannot write, each named, and writes nothing", () => {
    const entries = [
      szEntry(K, "fine", "x"),
      deleteKeysEntry(K, ["Sub"]),
      secureKeyEntry(K, true),
      softEntry(K, "Soft", { type: "REG_SZ", value: "x" }),
      createKeyEntry(K),
      valueEntry(K, "Big", { type: "REG_DWORD_BIG_ENDIAN", value: 1 }),
    ];
    let error: AdmxkitError | undefined;
    try {
      remediationScripts(entries, { hive: "machine" });
    } catch (e) {
      error = e as AdmxkitError;
    }
    expect(error).toBeInstanceOf(AdmxkitError);
    expect(error!.diagnostics.map((d) => [d.code, d.params.index, d.params.action ?? d.params.type])).toEqual(
      [
        ["MDM_SCRIPT_ACTION", 1, "**DeleteKeys"],
        ["MDM_SCRIPT_ACTION", 2, "**SecureKey"],
        ["MDM_SCRIPT_ACTION", 3, "**soft.Soft"],
        ["MDM_SCRIPT_ACTION", 4, "key-only"],
        ["MDM_SCRIPT_TYPE", 5, 5],
      ],
    );
    expect(error!.message).toContain("**DeleteKeys");
  });
});

describe("remediationScripts: the entries pol compiles", () => {
  it("for the built-in bundle's settings without a CSP, writes what the GPO would", async () => {
    const bundle = await BUILTIN_BUNDLES["defender-proxy"]!();
    for (const state of ["enabled", "disabled"]) {
      const parsed = parseValuesText(
        JSON.stringify({
          machine: { SSLOptions: { state }, PreferStaticProxyForHttpRequest: { state } },
        }),
      );
      if (!parsed.ok) throw new Error("values");
      const { entries, diagnostics } = compileValues(bundle.policies, parsed.values, "machine");
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(entries.length).toBeGreaterThan(0);
      const scripts = remediationScripts(entries, { hive: "machine" });
      const byScript: Registry = new Map();
      runRemediation(byScript, commandLines(scripts.remediate, REMEDIATION_COMMANDS));
      const byClient: Registry = new Map();
      applyEntries(byClient, entries);
      expect(snapshot(byScript)).toEqual(snapshot(byClient));
    }
  });

  it("for the example values file's whole machine section", async () => {
    const bundle = await BUILTIN_BUNDLES["defender-proxy"]!();
    const text = readFileSync(join(REPO_ROOT, "examples", "defender-proxy.values.json"), "utf8");
    const parsed = parseValuesText(text);
    if (!parsed.ok) throw new Error("values");
    const { entries } = compileValues(bundle.policies, parsed.values, "machine");
    const lines = commandLines(
      remediationScripts(entries, { hive: "machine" }).remediate,
      REMEDIATION_COMMANDS,
    );
    expect(lines).toHaveLength(entries.length);
    expect(lines.map((l) => arg(l, "-Key"))).toEqual(entries.map((e) => e.key));
  });
});
