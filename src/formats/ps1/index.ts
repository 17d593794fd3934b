/** Public API of the PowerShell writer (GroupPolicy-module scripts from Registry.pol entries). */
export {
  checkPowerShellEntries,
  encodePowerShellScript,
  entriesToPowerShell,
  formatPowerShellScript,
} from "./write-script.js";
export type { ScriptSection } from "./write-script.js";
export { commandForEntry, PS_HIVE_ROOTS, typeAndValue } from "./registry-commands.js";
export type { CommandResult, ScriptHive } from "./registry-commands.js";
export { psBytes, psString, psStringArray, psUnsigned, PS_SINGLE_QUOTES } from "./ps-literal.js";
