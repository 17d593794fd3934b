/**
 * Backup.xml and bkupInfo.xml of a registry-only GPO backup, in the shape GPMC writes them (studied from
 * public GPMC backups: root elements, namespaces, element order, CDATA values, where whitespace goes).
 *
 * Encoding: UTF-8 without byte-order mark, with an XML declaration in both files (GPMC omits it in
 * bkupInfo.xml; with it a non-ASCII display name cannot be misread). Line ends are CRLF.
 */
import { compactElement, startTag, type GpmcElement } from "./gpmc-xml.js";
import {
  PLACEHOLDER_DC,
  PLACEHOLDER_DOMAIN,
  placeholderDomainGuid,
  type GpoBackupIdentity,
} from "./identity.js";
import { neutralSecurityDescriptor, spacedHex } from "./security-descriptor.js";

/** Namespace of Backup.xml (prefix `bkp` and default). */
export const BACKUP_NS = "http://www.microsoft.com/GroupPolicy/GPOOperations";
/** Namespace of bkupInfo.xml and of GPMC's manifest.xml. */
export const MANIFEST_NS = "http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest";
/** The client-side extension that applies Registry.pol ("Registry" / Administrative Templates). */
export const REGISTRY_CSE = "{35378EAC-683F-11D2-A89A-00C04FBBCFA2}";
/**
 * The editor ("tool") extensions paired with the registry CSE in a GPO's extension lists: one for
 * Computer Configuration, one for User Configuration (they differ in their first group only).
 */
export const REGISTRY_TOOL = {
  machine: "{D02B1F72-3407-48AE-BA88-E8213C6761F1}",
  user: "{D02B1F73-3407-48AE-BA88-E8213C6761F1}",
} as const;

const CRLF = "\r\n";
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** What the two files say about one backup. */
export interface BackupDescription {
  readonly displayName: string;
  readonly identity: GpoBackupIdentity;
  /** Which sides have a registry.pol in the backup. */
  readonly hasMachine: boolean;
  readonly hasUser: boolean;
}

/**
 * GPMC's version number of one side: the Active Directory version in the high 16 bits and the SYSVOL
 * version in the low 16. A side written once has both at 1 (65537); an untouched side is 0. Import gives
 * the target GPO its own new version numbers, so these only need to be plausible.
 */
function versionNumber(written: boolean): string {
  return written ? String((1 << 16) | 1) : "0";
}

/** `MachineExtensionGuids`/`UserExtensionGuids`: `[{CSE}{tool}]` groups; empty when the side has none. */
function extensionGuids(side: keyof typeof REGISTRY_TOOL, present: boolean): GpmcElement {
  const name = side === "machine" ? "MachineExtensionGuids" : "UserExtensionGuids";
  return present ? { name, cdata: `[${REGISTRY_CSE}${REGISTRY_TOOL[side]}]` } : { name };
}

function coreSettings(d: BackupDescription): GpmcElement {
  const value = (name: string, text: string): GpmcElement => ({ name, cdata: text });
  return {
    name: "GroupPolicyCoreSettings",
    children: [
      value("ID", d.identity.gpoId),
      value("Domain", PLACEHOLDER_DOMAIN),
      // Plain text, not CDATA, in GPMC's files too.
      { name: "SecurityDescriptor", text: spacedHex(neutralSecurityDescriptor()) },
      value("DisplayName", d.displayName),
      value("Options", "0"), // 0: user and computer settings both enabled
      value("UserVersionNumber", versionNumber(d.hasUser)),
      value("MachineVersionNumber", versionNumber(d.hasMachine)),
      extensionGuids("machine", d.hasMachine),
      extensionGuids("user", d.hasUser),
      { name: "WMIFilter" },
    ],
  };
}

/** The UNC path GPMC would have read a file from; informational, import uses `bkp:Location`. */
function sourcePath(d: BackupDescription, relative: string): string {
  return `\\\\${PLACEHOLDER_DC}\\sysvol\\${PLACEHOLDER_DOMAIN}\\Policies\\${d.identity.gpoId}\\${relative}`;
}

/**
 * The registry extension's file list: each side's registry.pol (target path, source, place in the
 * backup), then GPMC's `Adm\*.*` line for legacy .adm files — without `bkp:Location`, which GPMC writes
 * when the wildcard matched no file, as here.
 */
function registryFiles(d: BackupDescription): GpmcElement[] {
  const pol = (variable: string, folder: string): GpmcElement => ({
    name: "FSObjectFile",
    attributes: [
      ["bkp:Path", `${variable}\\registry.pol`],
      ["bkp:SourceExpandedPath", sourcePath(d, `${folder}\\registry.pol`)],
      ["bkp:Location", `DomainSysvol\\GPO\\${folder}\\registry.pol`],
    ],
  });
  const files: GpmcElement[] = [];
  if (d.hasMachine) files.push(pol("%GPO_MACH_FSPATH%", "Machine"));
  if (d.hasUser) files.push(pol("%GPO_USER_FSPATH%", "User"));
  files.push({
    name: "FSObjectFile",
    attributes: [
      ["bkp:Path", "%GPO_FSPATH%\\Adm\\*.*"],
      ["bkp:SourceExpandedPath", sourcePath(d, "Adm\\*.*")],
    ],
  });
  return files;
}

/**
 * Backup.xml. Whitespace sits only where GPMC puts it: after the root's start tag, between the core
 * settings and the first extension, and around the extension's file entries; the records themselves are
 * written without any.
 */
export function writeBackupXml(d: BackupDescription): string {
  const root: GpmcElement = {
    name: "GroupPolicyBackupScheme",
    attributes: [
      ["bkp:version", "2.0"],
      ["bkp:type", "GroupPolicyBackupTemplate"],
      ["xmlns:bkp", BACKUP_NS],
      ["xmlns", BACKUP_NS],
    ],
  };
  const extension: GpmcElement = {
    name: "GroupPolicyExtension",
    attributes: [
      ["bkp:ID", REGISTRY_CSE],
      ["bkp:DescName", "Registry"],
    ],
  };
  const head = compactElement({ name: "SecurityGroups" }) + compactElement({ name: "FilePaths" });
  return [
    `${DECLARATION}<!-- GPO backup written by admxkit: registry-based policy settings only -->${startTag(root)}`,
    `    <GroupPolicyObject>${head}${compactElement(coreSettings(d))}`,
    `        ${startTag(extension)}`,
    ...registryFiles(d).map((file) => `            ${compactElement(file)}`),
    "        </GroupPolicyExtension></GroupPolicyObject>",
    "</GroupPolicyBackupScheme>",
    "",
  ].join(CRLF);
}

/** bkupInfo.xml: the backup's one-record summary GPMC lists backups by. */
export function writeBkupInfoXml(d: BackupDescription): string {
  const value = (name: string, text: string): GpmcElement => ({ name, cdata: text });
  const record: GpmcElement = {
    name: "BackupInst",
    attributes: [["xmlns", MANIFEST_NS]],
    children: [
      value("GPOGuid", d.identity.gpoId),
      value("GPODomain", PLACEHOLDER_DOMAIN),
      value("GPODomainGuid", placeholderDomainGuid()),
      value("GPODomainController", PLACEHOLDER_DC),
      value("BackupTime", d.identity.backupTime),
      value("ID", d.identity.backupId),
      value("Comment", ""),
      value("GPODisplayName", d.displayName),
    ],
  };
  return `${DECLARATION}${compactElement(record)}${CRLF}`;
}
