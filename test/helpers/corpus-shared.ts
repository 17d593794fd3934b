/** What both in-box stores share (Windows 10 1903 and Windows 11 21H2), for corpus-1903/21h2.test.ts. */
import type { DiagnosticCode } from "../../src/diagnostics/diagnostic.js";

/**
 * Single-policy files that stay raw registry entries in both stores → the policies that write exactly
 * those entries alike (the VALUES_FROM_AMBIGUOUS report). Windows ships one setting in two templates
 * (SmartScreen in SmartScreen.admx and WindowsExplorer.admx) or twice in one (Power, TerminalServer,
 * WindowsStore): a file holding those entries cannot say which of the two was set.
 */
export const AMBIGUOUS_IN_BOTH: Readonly<Record<string, string>> = {
  "Power.admx:CustomActiveSchemeOverride_2 (disabled)":
    "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
  "Power.admx:InboxActiveSchemeOverride_2 (disabled)":
    "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
  "Power.admx:InboxActiveSchemeOverride_2 (enabled)":
    "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
  "SmartScreen.admx:ShellConfigureSmartScreen (disabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
  "SmartScreen.admx:ShellConfigureSmartScreen (enabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
  "TerminalServer.admx:TS_EnableVirtualGraphics (disabled)": "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
  "TerminalServer.admx:TS_EnableVirtualGraphics (enabled)": "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
  "TerminalServer.admx:TS_SERVER_LEGACY_RFX (disabled)": "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
  "TerminalServer.admx:TS_SERVER_LEGACY_RFX (enabled)": "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
  "WindowsExplorer.admx:EnableSmartScreen (disabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
  "WindowsExplorer.admx:EnableSmartScreen (enabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
  "WindowsStore.admx:DisableAutoDownloadWin8 (enabled)": "DisableAutoInstall, DisableAutoDownloadWin8",
  "WindowsStore.admx:DisableAutoInstall (enabled)": "DisableAutoInstall, DisableAutoDownloadWin8",
};

/** Policies whose entries Registry.pol cannot store, with the reason. */
export const UNSTORABLE_IN_BOTH: Readonly<Record<string, string>> = {
  // Its key ends in a backslash (`…\Terminal Services\`): an empty key component, which Registry.pol
  // cannot store (checkPolEntries refuses it, so `pol --admx` reports COMPILE_UNSTORABLE).
  "TerminalServer.admx:TS_RemoteDesktopVirtualGraphics": "the template's key ends in a backslash",
};

/**
 * Why an Enabled policy with options does not decode as itself: the report the decoder gives instead
 * (VALUES_FROM_AMBIGUOUS for another policy writing the same entries, VALUES_FROM_PARTIAL_* for entries
 * it cannot read back), and the reason in words.
 */
export interface NotItself {
  readonly code: DiagnosticCode;
  /** For VALUES_FROM_AMBIGUOUS: the policies the report names, as it names them. */
  readonly policies?: string;
  readonly reason: string;
}

/**
 * Policies that, Enabled with any options, do not decode as themselves in both stores: another policy
 * writes exactly the same entries, so the file cannot say which was set (they stay raw registry entries
 * and still round-trip). Every other policy with elements must decode as itself, whatever its options.
 */
export const NOT_ITSELF_WITH_OPTIONS_IN_BOTH: Readonly<Record<string, NotItself>> = {
  "Power.admx:InboxActiveSchemeOverride_2": {
    code: "VALUES_FROM_AMBIGUOUS",
    policies: "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
    reason:
      "each item of its drop-down writes a plan GUID as REG_SZ to PowerSettings\\ActivePowerScheme, which " +
      "CustomActiveSchemeOverride_2's required text box writes too when that GUID is typed in it",
  },
  "SmartScreen.admx:ShellConfigureSmartScreen": {
    code: "VALUES_FROM_AMBIGUOUS",
    policies: "ShellConfigureSmartScreen, EnableSmartScreen",
    reason:
      "the same setting as WindowsExplorer.admx:EnableSmartScreen: the same values (EnableSmartScreen, " +
      "ShellSmartScreenLevel) and drop-down items (Block, Warn)",
  },
  "WindowsExplorer.admx:EnableSmartScreen": {
    code: "VALUES_FROM_AMBIGUOUS",
    policies: "ShellConfigureSmartScreen, EnableSmartScreen",
    reason: "the same setting as SmartScreen.admx:ShellConfigureSmartScreen (see there)",
  },
};
