/**
 * Administrative templates that Windows itself installs in `C:\Windows\PolicyDefinitions`.
 *
 * A custom template must not reuse one of these file names (it would overwrite, or be overwritten by,
 * the Windows copy in a Central Store) and must not declare one of their target namespaces (the Group
 * Policy editor refuses to load two templates with the same target namespace).
 *
 * Source of the file names: the in-box PolicyDefinitions folder of Windows 11 25H2 (build 26200),
 * cross-checked against a second listing of a current Windows 11 PolicyDefinitions folder. Add-on
 * templates that merely sit in such folders (security baseline, Edge, Configuration Manager) are not
 * included. `apphvsi` (Microsoft Defender Application Guard) is kept although 24H2 removed it, because
 * Windows 10 and earlier Windows 11 releases ship it. See docs/research/limits-and-inbox.md.
 */

/** Lower-case base names (no `.admx`) of the templates Windows 10/11 ship in PolicyDefinitions. */
export const INBOX_ADMX_FILE_NAMES: ReadonlySet<string> = new Set([
  "accountnotifications",
  "activexinstallservice",
  "addremoveprograms",
  "allowbuildpreview",
  "appcompat",
  "appdeviceinventory",
  "apphvsi",
  "appprivacy",
  "appv",
  "appxpackagemanager",
  "appxruntime",
  "attachmentmanager",
  "auditsettings",
  "autoplay",
  "avsvalidationgp",
  "biometrics",
  "bits",
  "camera",
  "ceipenable",
  "ciphersuiteorder",
  "cloudcontent",
  "com",
  "conf",
  "controlpanel",
  "controlpaneldisplay",
  "cpls",
  "credentialproviders",
  "credssp",
  "credui",
  "ctrlaltdel",
  "datacollection",
  "dcom",
  "deliveryoptimization",
  "desktop",
  "desktopappinstaller",
  "devicecompat",
  "devicecredential",
  "deviceguard",
  "deviceinstallation",
  "devicesetup",
  "dfs",
  "digitallocker",
  "diskdiagnostic",
  "disknvcache",
  "diskquota",
  "display",
  "distributedlinktracking",
  "dmaguard",
  "dnsclient",
  "dpapi",
  "dwm",
  "eaime",
  "earlylauncham",
  "edgeui",
  "encryptfilesonmove",
  "enhancedstorage",
  "errorreporting",
  "eventforwarding",
  "eventlog",
  "eventlogging",
  "eventviewer",
  "exploitguard",
  "explorer",
  "externalboot",
  "feedbacknotifications",
  "filehistory",
  "filerecovery",
  "filerevocation",
  "fileservervssprovider",
  "filesys",
  "filtermanager",
  "findmy",
  "folderredirection",
  "framepanes",
  "fthsvc",
  "gamedvr",
  "globalization",
  "grouppolicy",
  "handwriting",
  "help",
  "helpandsupport",
  "hotspotauth",
  "icm",
  "iis",
  "inetres",
  "iscsi",
  "kdc",
  "kerberos",
  "keyboardfilterpolicy",
  "lanmanserver",
  "lanmanworkstation",
  "laps",
  "leakdiagnostic",
  "linklayertopologydiscovery",
  "localsecurityauthority",
  "locationprovideradm",
  "logon",
  "mdm",
  "messaging",
  "microsoftedge",
  "mmc",
  "mmcsnapins",
  "mobilepcmobilitycenter",
  "mobilepcpresentationsettings",
  "msapolicy",
  "msched",
  "msdt",
  "msi",
  "msi-filerecovery",
  "multitasking",
  "nca",
  "ncsi",
  "netlogon",
  "networkconnections",
  "networkisolation",
  "networkprovider",
  "newsandinterests",
  "ntlm",
  "offlinefiles",
  "oobe",
  "ospolicy",
  "passport",
  "pca",
  "peertopeercaching",
  "pentraining",
  "performancediagnostics",
  "power",
  "powershellexecutionpolicy",
  "previousversions",
  "printing",
  "printing2",
  "programs",
  "pushtoinstall",
  "qos",
  "racwmiprov",
  "radar",
  "reagent",
  "refs",
  "reliability",
  "remoteassistance",
  "removablestorage",
  "rpc",
  "sam",
  "scripts",
  "sdiageng",
  "sdiagschd",
  "search",
  "secureboot",
  "securitycenter",
  "sensors",
  "servermanager",
  "servicecontrolmanager",
  "servicing",
  "settingsync",
  "setup",
  "sharedfolders",
  "sharing",
  "shell-commandprompt-regedittools",
  "shellwelcomecenter",
  "sidebar",
  "skydrive",
  "smartcard",
  "smartscreen",
  "snmp",
  "soundrec",
  "speech",
  "srm-fci",
  "startmenu",
  "storagehealth",
  "storagesense",
  "sudo",
  "systemrestore",
  "tabletpcinputpanel",
  "tabletshell",
  "taskbar",
  "taskscheduler",
  "tcpip",
  "tenantrestrictions",
  "terminalserver",
  "textinput",
  "thumbnails",
  "touchinput",
  "tpm",
  "userexperiencevirtualization",
  "userprofiles",
  "volumeencryption",
  "w32time",
  "wcm",
  "wdi",
  "webthreatdefense",
  "wincal",
  "windows",
  "windowsanytimeupgrade",
  "windowsbackup",
  "windowscolorsystem",
  "windowsconnectnow",
  "windowscopilot",
  "windowsdefender",
  "windowsdefendersecuritycenter",
  "windowsexplorer",
  "windowsfileprotection",
  "windowsfirewall",
  "windowsinkworkspace",
  "windowsmediadrm",
  "windowsmediaplayer",
  "windowsmessenger",
  "windowsproducts",
  "windowsremotemanagement",
  "windowsremoteshell",
  "windowssandbox",
  "windowsstore",
  "windowsupdate",
  "wininit",
  "winlogon",
  "winmaps",
  "winsrv",
  "wirelessdisplay",
  "wlansvc",
  "wordwheel",
  "workfolders-client",
  "workplacejoin",
  "wpn",
  "wwansvc",
]);

/**
 * Lower-case target namespaces verified by reading in-box templates (file name in the comment; several
 * differ from the file name, so the namespace cannot be derived from it). The last three were seen as
 * `using` references from in-box templates.
 */
export const INBOX_TARGET_NAMESPACES: ReadonlySet<string> = new Set([
  "microsoft.policies.windows", // Windows.admx
  "microsoft.policies.internetexplorer", // inetres.admx
  "microsoft.policies.laps", // LAPS.admx
  "microsoft.policies.developertools", // Sudo.admx
  "microsoft.policies.datacollection", // DataCollection.admx
  "microsoft.policies.windowsdefender", // WindowsDefender.admx
  "microsoft.policies.windowscopilot", // WindowsCopilot.admx
  "microsoft.policies.fltmgr", // filtermanager.admx
  "microsoft.policies.refs", // refs.admx
  "microsoft.policies.applicationdiagnostics", // pca.admx
  "microsoft.policies.sam", // sam.admx
  "microsoft.policies.accountnotifications", // AccountNotifications.admx
  "microsoft.policies.webthreatdefense", // WebThreatDefense.admx
  "microsoft.policies.windowssandbox", // WindowsSandbox.admx
  "microsoft.policies.products", // referenced by Windows.admx and inetres.admx
  "microsoft.policies.filesys", // referenced by filtermanager.admx and refs.admx
  "microsoft.policies.smartscreen", // referenced by WebThreatDefense.admx
]);

/**
 * Every in-box template sampled uses a `Microsoft.Policies.<Name>` target namespace, and so do
 * Microsoft's add-on templates (security baseline `Microsoft.Policies.SecGuide`, Configuration Manager
 * `Microsoft.Policies.ConfigMgr`, ...). The `<Name>` part often differs from the file name, and the
 * full list changes with every Windows release, so the whole prefix is treated as reserved: a
 * third-party template using it risks colliding with a present or future Microsoft template.
 */
export const RESERVED_NAMESPACE_PREFIX = "microsoft.policies.";

/** Reduces `C:\Windows\PolicyDefinitions\WindowsUpdate.admx` (or `.adml`, any case) to `windowsupdate`. */
function templateBaseName(fileName: string): string {
  const lastPart = fileName.trim().split(/[\\/]/).pop() ?? "";
  return lastPart.replace(/\.adm[xl]$/i, "").toLowerCase();
}

/**
 * True when `fileName` (a base name, a file name with `.admx`/`.adml`, or a path) names a template
 * that Windows ships. Comparison ignores case, as Windows file names do.
 */
export function isInboxTemplate(fileName: string): boolean {
  return INBOX_ADMX_FILE_NAMES.has(templateBaseName(fileName));
}

/**
 * True when `namespace` is a verified in-box target namespace or starts with the reserved
 * `Microsoft.Policies.` prefix (case-insensitive; surrounding whitespace is ignored).
 */
export function isInboxNamespace(namespace: string): boolean {
  const ns = namespace.trim().toLowerCase();
  return INBOX_TARGET_NAMESPACES.has(ns) || ns.startsWith(RESERVED_NAMESPACE_PREFIX);
}
