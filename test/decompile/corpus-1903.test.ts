/** The decode → values → compile round trip over the Windows 1903 in-box store (see corpus-suite.ts). */
import { corpusRoundTripSuite } from "./corpus-suite.js";

corpusRoundTripSuite("windows10-1903", {
  // Pairs of policies that write the same registry values with the same data (Windows ships the same
  // setting in two templates, e.g. SmartScreen in SmartScreen.admx and WindowsExplorer.admx, or in
  // two namespaces): a file holding those entries cannot say which of the two was set.
  ambiguous: {
    "Power.admx:CustomActiveSchemeOverride_2 (disabled)":
      "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
    "Power.admx:InboxActiveSchemeOverride_2 (disabled)":
      "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
    "Power.admx:InboxActiveSchemeOverride_2 (enabled)":
      "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
    "SmartScreen.admx:ShellConfigureSmartScreen (disabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
    "SmartScreen.admx:ShellConfigureSmartScreen (enabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
    "TerminalServer.admx:TS_EnableVirtualGraphics (disabled)":
      "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
    "TerminalServer.admx:TS_EnableVirtualGraphics (enabled)":
      "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
    "TerminalServer.admx:TS_SERVER_LEGACY_RFX (disabled)": "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
    "TerminalServer.admx:TS_SERVER_LEGACY_RFX (enabled)": "TS_EnableVirtualGraphics, TS_SERVER_LEGACY_RFX",
    "WindowsExplorer.admx:EnableSmartScreen (disabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
    "WindowsExplorer.admx:EnableSmartScreen (enabled)": "ShellConfigureSmartScreen, EnableSmartScreen",
    "WindowsStore.admx:DisableAutoDownloadWin8 (enabled)": "DisableAutoInstall, DisableAutoDownloadWin8",
    "WindowsStore.admx:DisableAutoInstall (enabled)": "DisableAutoInstall, DisableAutoDownloadWin8",
  },
  unstorable: {
    // Its key ends in a backslash (`…\\Terminal Services\\`): an empty key component, which Registry.pol
    // cannot store (checkPolEntries refuses it, so `pol --admx` reports COMPILE_UNSTORABLE).
    "TerminalServer.admx:TS_RemoteDesktopVirtualGraphics": "the template's key ends in a backslash",
  },
});
