/** The decode → values → compile round trip over the Windows 11 21H2 in-box store (see test/helpers/corpus-suite.ts). */
import {
  AMBIGUOUS_IN_BOTH,
  NOT_ITSELF_WITH_OPTIONS_IN_BOTH,
  UNSTORABLE_IN_BOTH,
} from "../helpers/corpus-shared.js";
import { corpusRoundTripSuite } from "../helpers/corpus-suite.js";

corpusRoundTripSuite("windows11-21h2", {
  ambiguous: {
    ...AMBIGUOUS_IN_BOTH,
    // Newer duplicates: SmartScreen for the legacy Edge in MicrosoftEdge.admx and SmartScreen.admx, the
    // print driver restriction in Printing.admx and the security baseline's SecGuide.admx, OneDrive's
    // sign-in traffic switch in SkyDrive.admx and RestrictedTrafficCustomPolicy.admx.
    "MicrosoftEdge.admx:AllowSmartScreen (disabled)": "AllowSmartScreen, EdgeConfigureSmartScreen",
    "MicrosoftEdge.admx:AllowSmartScreen (enabled)": "AllowSmartScreen, EdgeConfigureSmartScreen",
    "MicrosoftEdge.admx:PreventSmartScreenPromptOverride (disabled)":
      "Microsoft.Policies.MicrosoftEdge:PreventSmartScreenPromptOverride, EdgePreventOverrideForNav",
    "MicrosoftEdge.admx:PreventSmartScreenPromptOverride (enabled)":
      "Microsoft.Policies.MicrosoftEdge:PreventSmartScreenPromptOverride, EdgePreventOverrideForNav",
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
  },
  unstorable: UNSTORABLE_IN_BOTH,
  notItselfWithOptions: NOT_ITSELF_WITH_OPTIONS_IN_BOTH,
});
