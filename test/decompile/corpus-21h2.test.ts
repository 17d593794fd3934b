/** The decode → values → compile round trip over the Windows 21h2 in-box store (see corpus-suite.ts). */
import { corpusRoundTripSuite } from "./corpus-suite.js";

corpusRoundTripSuite("windows11-21h2", {
  // Pairs of policies that write the same registry values with the same data (Windows ships the same
  // setting in two templates, e.g. SmartScreen in SmartScreen.admx and WindowsExplorer.admx, or in
  // two namespaces): a file holding those entries cannot say which of the two was set.
  ambiguous: {
    "MicrosoftEdge.admx:AllowSmartScreen (disabled)": "AllowSmartScreen, EdgeConfigureSmartScreen",
    "MicrosoftEdge.admx:AllowSmartScreen (enabled)": "AllowSmartScreen, EdgeConfigureSmartScreen",
    "MicrosoftEdge.admx:PreventSmartScreenPromptOverride (disabled)":
      "Microsoft.Policies.MicrosoftEdge:PreventSmartScreenPromptOverride, EdgePreventOverrideForNav",
    "MicrosoftEdge.admx:PreventSmartScreenPromptOverride (enabled)":
      "Microsoft.Policies.MicrosoftEdge:PreventSmartScreenPromptOverride, EdgePreventOverrideForNav",
    "Power.admx:CustomActiveSchemeOverride_2 (disabled)":
      "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
    "Power.admx:InboxActiveSchemeOverride_2 (disabled)":
      "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
    "Power.admx:InboxActiveSchemeOverride_2 (enabled)":
      "CustomActiveSchemeOverride_2, InboxActiveSchemeOverride_2",
    "Printing.admx:RestrictDriverInstallationToAdministrators (disabled)":
      "RestrictDriverInstallationToAdministrators, Pol_SecGuide_0721_Print_Driver",
    "Printing.admx:RestrictDriverInstallationToAdministrators (enabled)":
      "RestrictDriverInstallationToAdministrators, Pol_SecGuide_0721_Print_Driver",
    "RestrictedTrafficCustomPolicy.admx:PreventNetworkTrafficPreUserSignIn (disabled)":
      "Microsoft.Policies.WindowsHermitModeCustomPolicy:PreventNetworkTrafficPreUserSignIn, Microsoft.Policies.OneDrive:PreventNetworkTrafficPreUserSignIn",
    "RestrictedTrafficCustomPolicy.admx:PreventNetworkTrafficPreUserSignIn (enabled)":
      "Microsoft.Policies.WindowsHermitModeCustomPolicy:PreventNetworkTrafficPreUserSignIn, Microsoft.Policies.OneDrive:PreventNetworkTrafficPreUserSignIn",
    "SecGuide.admx:Pol_SecGuide_0721_Print_Driver (disabled)":
      "RestrictDriverInstallationToAdministrators, Pol_SecGuide_0721_Print_Driver",
    "SecGuide.admx:Pol_SecGuide_0721_Print_Driver (enabled)":
      "RestrictDriverInstallationToAdministrators, Pol_SecGuide_0721_Print_Driver",
    "SkyDrive.admx:PreventNetworkTrafficPreUserSignIn (disabled)":
      "Microsoft.Policies.WindowsHermitModeCustomPolicy:PreventNetworkTrafficPreUserSignIn, Microsoft.Policies.OneDrive:PreventNetworkTrafficPreUserSignIn",
    "SkyDrive.admx:PreventNetworkTrafficPreUserSignIn (enabled)":
      "Microsoft.Policies.WindowsHermitModeCustomPolicy:PreventNetworkTrafficPreUserSignIn, Microsoft.Policies.OneDrive:PreventNetworkTrafficPreUserSignIn",
    "SmartScreen.admx:EdgeConfigureSmartScreen (disabled)": "AllowSmartScreen, EdgeConfigureSmartScreen",
    "SmartScreen.admx:EdgeConfigureSmartScreen (enabled)": "AllowSmartScreen, EdgeConfigureSmartScreen",
    "SmartScreen.admx:EdgePreventOverrideForNav (disabled)":
      "Microsoft.Policies.MicrosoftEdge:PreventSmartScreenPromptOverride, EdgePreventOverrideForNav",
    "SmartScreen.admx:EdgePreventOverrideForNav (enabled)":
      "Microsoft.Policies.MicrosoftEdge:PreventSmartScreenPromptOverride, EdgePreventOverrideForNav",
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
