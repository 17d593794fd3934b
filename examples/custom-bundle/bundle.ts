/**
 * A consumer's bundle, written with admxkit's typed API: the settings of a fictional Contoso Sync
 * agent. It uses every ADMX element kind and every presentation control, so it doubles as the
 * reference example and as a golden test of the writers (examples/custom-bundle/PolicyDefinitions).
 *
 * Generate it in your own build with:
 *   import { generateTemplates, writeFilesAtomic } from "admxkit";
 *   await writeFilesAtomic("out", generateTemplates(contosoSync).files);
 */
import { defineBundle, value } from "admxkit";

const KEY = "Software\\Policies\\Contoso\\Sync";

export const contosoSync = defineBundle({
  id: "contoso-sync",
  fileName: "ContosoSync",
  target: { prefix: "contososync", namespace: "Contoso.Policies.Sync" },
  using: [{ prefix: "windows", namespace: "Microsoft.Policies.Windows" }],
  revision: "2.1",
  minRequiredRevision: "2.0",
  displayName: "Adml_DisplayName",
  description: "Adml_Description",
  supportedOn: [{ name: "SUPPORTED_ContosoSync_3", displayName: "Supported_Sync3" }],
  categories: [
    { name: "Contoso", displayName: "Cat_Contoso", explainText: "Cat_Contoso_Help" },
    { name: "Sync", displayName: "Cat_Sync", parent: "Contoso" },
  ],
  policies: [
    {
      // No elements: the policy value itself, with explicit enabled/disabled values and lists.
      name: "EnableSync",
      class: "Both",
      displayName: "EnableSync",
      explainText: "EnableSync_Help",
      key: KEY,
      valueName: "Enabled",
      enabledValue: value.decimal(1),
      disabledValue: value.decimal(0),
      enabledList: {
        defaultKey: `${KEY}\\State`,
        items: [
          { valueName: "Mode", value: value.string("managed") },
          { key: `${KEY}\\Audit`, valueName: "Since", value: value.longDecimal("20260101") },
        ],
      },
      disabledList: { defaultKey: `${KEY}\\State`, items: [{ valueName: "Mode", value: value.delete() }] },
      category: "Sync",
      supportedOn: "SUPPORTED_ContosoSync_3",
    },
    {
      name: "Bandwidth",
      class: "Machine",
      displayName: "Bandwidth",
      explainText: "Bandwidth_Help",
      key: KEY,
      category: "Sync",
      supportedOn: "windows:SUPPORTED_Windows_10_0",
      layout: [{ text: "Bandwidth_Intro" }, "LimitKbps", "QuotaBytes", "Throttle", "Schedule"],
      elements: [
        {
          kind: "decimal",
          id: "LimitKbps",
          valueName: "LimitKbps",
          required: true,
          minValue: 64,
          maxValue: 100000,
          control: { type: "decimalTextBox", label: "LimitKbps_Label", defaultValue: 1024, spinStep: 64 },
        },
        {
          kind: "longDecimal",
          id: "QuotaBytes",
          valueName: "QuotaBytes",
          maxValue: "1099511627776",
          storeAsText: true,
          control: { type: "longDecimalTextBox", label: "QuotaBytes_Label", spin: false },
        },
        {
          kind: "boolean",
          id: "Throttle",
          valueName: "ThrottleOnMetered",
          trueValue: value.decimal(1),
          falseValue: value.decimal(0),
          trueList: { items: [{ valueName: "MeteredPolicy", value: value.string("strict") }] },
          control: { type: "checkBox", label: "Throttle_Label", defaultChecked: true },
        },
        {
          kind: "enum",
          id: "Schedule",
          valueName: "Schedule",
          required: true,
          items: [
            { displayName: "Schedule_Always", value: value.decimal(0) },
            {
              displayName: "Schedule_Night",
              value: value.decimal(1),
              valueList: { items: [{ valueName: "WindowStart", value: value.string("22:00") }] },
            },
            { displayName: "Schedule_Off", value: value.delete() },
          ],
          control: { type: "dropdownList", label: "Schedule_Label", defaultItem: 1, noSort: true },
        },
      ],
    },
    {
      name: "Locations",
      class: "User",
      displayName: "Locations",
      explainText: "Locations_Help",
      key: KEY,
      category: "Sync",
      supportedOn: "SUPPORTED_ContosoSync_3",
      elements: [
        {
          kind: "text",
          id: "Server",
          valueName: "Server",
          required: true,
          maxLength: 255,
          control: {
            type: "comboBox",
            label: "Server_Label",
            defaultValue: "sync.contoso.com",
            suggestions: ["sync.contoso.com", "sync-eu.contoso.com"],
          },
        },
        {
          kind: "text",
          id: "CacheFolder",
          key: `${KEY}\\Cache`,
          valueName: "Folder",
          expandable: true,
          soft: true,
          control: {
            type: "textBox",
            label: "CacheFolder_Label",
            defaultValue: "%LOCALAPPDATA%\\ContosoSync",
          },
        },
        {
          kind: "multiText",
          id: "Excluded",
          valueName: "ExcludedPatterns",
          maxStrings: 50,
          control: { type: "multiTextBox", label: "Excluded_Label", defaultHeight: 4 },
        },
        {
          kind: "list",
          id: "Shares",
          key: `${KEY}\\Shares`,
          valuePrefix: "Share",
          expandable: true,
          control: { type: "listBox", label: "Shares_Label" },
        },
        {
          kind: "list",
          id: "Mappings",
          key: `${KEY}\\Mappings`,
          explicitValue: true,
          additive: true,
          control: { type: "listBox", label: "Mappings_Label" },
        },
      ],
    },
  ],
  locales: {
    "en-US": {
      Adml_DisplayName: "Contoso Sync",
      Adml_Description: "Group Policy settings for the Contoso Sync agent.",
      Supported_Sync3: "Contoso Sync 3.0 or later",
      Cat_Contoso: "Contoso",
      Cat_Contoso_Help: "Settings for Contoso software.",
      Cat_Sync: "Sync agent",
      EnableSync: "Turn on managed sync",
      EnableSync_Help:
        "Turns the sync agent on and puts it in managed mode.\n\nIf you disable this policy setting, the agent stays off.\nIf you do not configure it, users decide.",
      Bandwidth: "Limit bandwidth & schedule",
      Bandwidth_Help:
        "Limits how much bandwidth the agent uses, and when it syncs.\n\nValues use <kilobits per second>.",
      Bandwidth_Intro: "These limits apply to uploads and downloads.",
      LimitKbps_Label: "Maximum rate (kbit/s):",
      QuotaBytes_Label: "Daily quota (bytes):",
      Throttle_Label: "Throttle on metered connections",
      Schedule_Label: "Sync schedule:",
      Schedule_Always: "Always",
      Schedule_Night: "At night (from 22:00)",
      Schedule_Off: "Never (remove the setting)",
      Locations: "Sync locations",
      Locations_Help: "Chooses the server, the cache folder, excluded files and the shares to sync.",
      Server_Label: "Sync server:",
      CacheFolder_Label: "Cache folder (environment variables allowed):",
      Excluded_Label: "File patterns to exclude, one per line:",
      Shares_Label: "Shares to sync:",
      Mappings_Label: "Drive mappings (name = UNC path):",
    },
    "ja-JP": {
      Adml_DisplayName: "Contoso Sync",
      Adml_Description: "Contoso Sync エージェントのグループ ポリシー設定です。",
      Supported_Sync3: "Contoso Sync 3.0 以降",
      Cat_Contoso: "Contoso",
      Cat_Contoso_Help: "Contoso のソフトウェアの設定です。",
      Cat_Sync: "同期エージェント",
      EnableSync: "管理された同期を有効にする",
      EnableSync_Help:
        "同期エージェントを有効にし、管理モードで動作させます。\n\nこのポリシー設定を無効にすると、エージェントは停止したままになります。\n構成しなかった場合は、ユーザーが決めます。",
      Bandwidth: "帯域幅とスケジュールを制限する",
      Bandwidth_Help:
        "エージェントが使う帯域幅と、同期する時間帯を制限します。\n\n値の単位は <キロビット毎秒> です。",
      Bandwidth_Intro: "これらの制限はアップロードとダウンロードの両方に適用されます。",
      LimitKbps_Label: "最大速度 (kbit/s):",
      QuotaBytes_Label: "1 日の上限 (バイト):",
      Throttle_Label: "従量制課金接続では速度を抑える",
      Schedule_Label: "同期のスケジュール:",
      Schedule_Always: "常に",
      Schedule_Night: "夜間 (22:00 から)",
      Schedule_Off: "同期しない (設定を削除)",
      Locations: "同期する場所",
      Locations_Help: "同期サーバー、キャッシュ フォルダー、除外するファイル、同期する共有を指定します。",
      Server_Label: "同期サーバー:",
      CacheFolder_Label: "キャッシュ フォルダー (環境変数を使用できます):",
      Excluded_Label: "除外するファイルのパターン (1 行に 1 つ):",
      Shares_Label: "同期する共有:",
      Mappings_Label: "ドライブの割り当て (名前 = UNC パス):",
    },
  },
});

export default contosoSync;
