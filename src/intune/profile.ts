/**
 * The two renderings of an Intune custom profile's settings: `profile.json`, the Microsoft Graph
 * object `POST /deviceManagement/deviceConfigurations` takes, and `profile.syncml.xml`, the same
 * settings as the SyncML commands an MDM server sends, for trying them on one device.
 *
 * Graph facts (Microsoft Graph v1.0 reference, resources intune-deviceconfig-windows10customconfiguration,
 * -omasettingstring, -omasettinginteger): the profile is `#microsoft.graph.windows10CustomConfiguration`
 * with `displayName`, `description` and `omaSettings` (at most 1000); a setting has `displayName`,
 * `description`, `omaUri` and `value` (String, or Int32 for omaSettingInteger).
 * SyncML facts (Microsoft's "Understanding ADMX-backed policies" and the OMA DM 1.2 representation):
 * a `Replace` item carries `Meta/Format` (`chr` for strings and ADMX payloads, `int` for integers),
 * `Target/LocURI` and `Data`; a `Delete` item names the LocURI alone.
 */

/** One OMA-URI setting of the profile. */
export interface OmaSetting {
  readonly displayName: string;
  readonly description: string;
  readonly omaUri: string;
  readonly value: string | number;
  readonly format: "string" | "integer";
}

/** One SyncML command: set a value, or delete a node the profile no longer sets. */
export type SyncCommand =
  | { readonly kind: "Replace"; readonly setting: OmaSetting }
  | { readonly kind: "Delete"; readonly omaUri: string };

/** The Graph profile, as JSON text (two-space indentation, a final newline). */
export function profileJson(
  displayName: string,
  description: string,
  settings: readonly OmaSetting[],
): string {
  const profile = {
    "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
    displayName,
    description,
    omaSettings: settings.map((s) => ({
      "@odata.type":
        s.format === "integer" ? "#microsoft.graph.omaSettingInteger" : "#microsoft.graph.omaSettingString",
      displayName: s.displayName,
      description: s.description,
      omaUri: s.omaUri,
      value: s.value,
    })),
  };
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/** Text as XML character data or an attribute value: `&`, `<`, `>` and `"` escaped. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

function command(cmd: SyncCommand, id: number): string[] {
  if (cmd.kind === "Delete") {
    return [
      "    <Delete>",
      `      <CmdID>${id}</CmdID>`,
      "      <Item>",
      `        <Target><LocURI>${xmlText(cmd.omaUri)}</LocURI></Target>`,
      "      </Item>",
      "    </Delete>",
    ];
  }
  const { setting } = cmd;
  const format = setting.format === "integer" ? "int" : "chr";
  return [
    "    <Replace>",
    `      <CmdID>${id}</CmdID>`,
    "      <Item>",
    `        <Meta><Format xmlns="syncml:metinf">${format}</Format></Meta>`,
    `        <Target><LocURI>${xmlText(setting.omaUri)}</LocURI></Target>`,
    // The ADMX-backed payload is XML inside XML: escaped once here, as Microsoft's examples write it.
    `        <Data>${xmlText(String(setting.value))}</Data>`,
    "      </Item>",
    "    </Replace>",
  ];
}

/** The SyncML document: the commands in order, numbered from 1, then `Final`. */
export function profileSyncml(commands: readonly SyncCommand[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<SyncML xmlns="SYNCML:SYNCML1.2">',
    "  <SyncBody>",
    ...commands.flatMap((cmd, i) => command(cmd, i + 1)),
    "    <Final/>",
    "  </SyncBody>",
    "</SyncML>",
  ];
  return `${lines.join("\n")}\n`;
}
