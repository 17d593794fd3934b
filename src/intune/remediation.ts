/**
 * An Intune Remediations pair for settings no CSP carries: `detect.ps1` checks that the registry holds
 * what the Registry.pol entries say, `remediate.ps1` writes it. Intune runs the detection script; on
 * exit code 1 it runs the remediation script, on 0 it does nothing (Microsoft's Intune documentation,
 * "Remediations"). Intune shows the last line the script writes, so each script ends with one.
 *
 * The scripts are meant to run as SYSTEM ("Run this script using the logged-on credentials": No) in
 * 64-bit PowerShell ("Run script in 64-bit PowerShell": Yes). They open the registry through .NET with
 * the 64-bit view named explicitly, so a 32-bit host would still reach the keys Group Policy writes
 * rather than their WOW6432Node copies. Machine entries go to HKLM; user entries, since SYSTEM has no
 * HKCU of the user, go to every user hive loaded under HKEY_USERS (signed-in users; others get them the
 * next time the scripts run while they are signed in).
 *
 * remediate.ps1 replays the entries in order, as the Group Policy client applies a Registry.pol
 * (FIELD-NOTES, "Registry.pol"): a value is written, `**del.X` deletes X, `**DeleteValues` deletes the
 * listed values, `**delvals.` deletes every value of the key (not its subkeys). detect.ps1 checks the
 * state that leaves: each value written last, each value deleted last absent, and a key cleared by
 * `**delvals.` holding no values but those written after it. Names compare case-insensitively and data
 * exactly (strings ordinally, numbers as unsigned). Every string is a literal of the PowerShell writer
 * (src/formats/ps1/ps-literal.ts), so no value can change what a script does. Save them with
 * `encodePowerShellScript` (UTF-8 with BOM, which Windows PowerShell 5.1 needs for non-ASCII text).
 */
import { AdmxkitError, diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { classifyEntry, registryUpcase, type PolEntry, type PolHive } from "../pol/index.js";
import { psString, psStringArray, typeAndValue } from "../formats/ps1/index.js";
import { REMEDIATION_HELPERS, scriptHeader } from "./remediation-text.js";

/** Options of {@link remediationScripts}. */
export interface RemediationOptions {
  /** Which Registry.pol the entries come from: Machine (HKLM) or User (each loaded user hive). */
  readonly hive: PolHive;
}

/** The two scripts of an Intune Remediations package, CRLF line ends. */
export interface RemediationScripts {
  readonly detect: string;
  readonly remediate: string;
}

const keyArgument = (key: string) => `-Key ${psString(key)}`;

/** One remediation line per entry, in entry order, and the entries no line can express. */
function remediationLines(entries: readonly PolEntry[], hive: PolHive) {
  const lines: string[] = [];
  const problems: Diagnostic[] = [];
  entries.forEach((entry, index) => {
    const where = { hive, index, key: entry.key, valueName: entry.valueName };
    const action = classifyEntry(entry);
    const key = keyArgument(entry.key);
    switch (action.kind) {
      case "value": {
        const args = typeAndValue(entry);
        if (args === undefined) problems.push(diag("MDM_SCRIPT_TYPE", { ...where, type: entry.type }));
        else lines.push(`Set-PolicyValue ${key} -Name ${psString(entry.valueName)} ${args}`);
        return;
      }
      case "del":
        lines.push(`Remove-PolicyValue ${key} -Name ${psString(action.name)}`);
        return;
      case "deleteValues":
        lines.push(`Remove-PolicyValue ${key} -Name ${psStringArray(action.names)}`);
        return;
      case "delvals":
        lines.push(`Clear-PolicyKey ${key}`);
        return;
      default:
        problems.push(diag("MDM_SCRIPT_ACTION", { ...where, action: entry.valueName || "key-only" }));
    }
  });
  return { lines, problems };
}

/** What the registry holds for one value once the entries are applied. */
type Outcome = { readonly key: string; readonly name: string } & (
  { readonly entry: PolEntry } | { readonly absent: true }
);

/** The state the entries leave, applied in order: the outcome per value, and the keys cleared. */
function finalState(entries: readonly PolEntry[]) {
  const values = new Map<string, Outcome>();
  const cleared = new Map<string, string>();
  // NUL cannot occur in a key or value name of Registry.pol: it ends them there.
  const id = (key: string, name = "") => `${registryUpcase(key)}\0${registryUpcase(name)}`;
  const absent = (key: string, name: string) => values.set(id(key, name), { key, name, absent: true });
  for (const entry of entries) {
    const action = classifyEntry(entry);
    if (action.kind === "value")
      values.set(id(entry.key, entry.valueName), { key: entry.key, name: entry.valueName, entry });
    else if (action.kind === "del") absent(entry.key, action.name);
    else if (action.kind === "deleteValues") for (const name of action.names) absent(entry.key, name);
    else if (action.kind === "delvals") {
      const prefix = id(entry.key);
      for (const [valueId] of values) if (valueId.startsWith(prefix)) values.delete(valueId);
      if (!cleared.has(registryUpcase(entry.key))) cleared.set(registryUpcase(entry.key), entry.key);
    }
  }
  return { values: [...values.values()], cleared: [...cleared.values()] };
}

/** The detection lines: one check per value, then one per cleared key. */
function detectionLines(entries: readonly PolEntry[]): string[] {
  const { values, cleared } = finalState(entries);
  const lines = values.map((outcome) => {
    const head = `${keyArgument(outcome.key)} -Name ${psString(outcome.name)}`;
    return "absent" in outcome
      ? `Test-PolicyAbsent ${head}`
      : `Test-PolicyValue ${head} ${typeAndValue(outcome.entry)!}`;
  });
  for (const key of cleared) {
    const kept = values
      .filter((v) => !("absent" in v) && registryUpcase(v.key) === registryUpcase(key))
      .map((v) => v.name);
    lines.push(`Test-PolicyKeyOnly ${keyArgument(key)} -Name ${psStringArray(kept)}`);
  }
  return lines;
}

const CRLF = "\r\n";

/**
 * The detection and remediation scripts for the entries of one Registry.pol. Throws an
 * {@link AdmxkitError} listing every entry they cannot write: `**DeleteKeys`, `**SecureKey`,
 * `**soft.`, key-only entries (MDM_SCRIPT_ACTION) and registry types other than REG_SZ,
 * REG_EXPAND_SZ, REG_DWORD, REG_QWORD, REG_MULTI_SZ and REG_BINARY (MDM_SCRIPT_TYPE).
 */
export function remediationScripts(
  entries: readonly PolEntry[],
  options: RemediationOptions,
): RemediationScripts {
  const { lines, problems } = remediationLines(entries, options.hive);
  if (problems.length > 0) throw new AdmxkitError(problems);
  const script = (kind: "detect" | "remediate", body: readonly string[]) =>
    [...scriptHeader(kind, options.hive), ...REMEDIATION_HELPERS[kind], "", ...body, ...FOOTER[kind]].join(
      CRLF,
    ) + CRLF;
  return { detect: script("detect", detectionLines(entries)), remediate: script("remediate", lines) };
}

const FOOTER = {
  detect: [
    "",
    "if ($script:differences.Count -gt 0) {",
    "    Write-Output ('Not compliant: ' + ($script:differences -join '; '))",
    "    exit 1",
    "}",
    "Write-Output 'Compliant: the registry holds the values of the policy settings.'",
    "exit 0",
  ],
  remediate: ["", "Write-Output 'Remediated: the values of the policy settings were written.'", "exit 0"],
} as const;
