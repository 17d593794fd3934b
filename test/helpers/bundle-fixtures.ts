import type { BundleInput } from "../../src/model/types.js";

/** A small valid bundle that the refusal tests break one rule at a time. */
export function smallBundle(): BundleInput {
  return {
    id: "tiny",
    fileName: "Tiny",
    target: { prefix: "tiny", namespace: "Example.Policies.Tiny" },
    using: [{ prefix: "windows", namespace: "Microsoft.Policies.Windows" }],
    revision: "1.0",
    minRequiredRevision: "1.0",
    displayName: "Name",
    description: "Description",
    supportedOn: [{ name: "SUPPORTED_Tiny", displayName: "Supported" }],
    categories: [{ name: "Tiny", displayName: "Category", parent: "windows:WindowsComponents" }],
    policies: [
      {
        name: "Proxy",
        class: "Machine",
        displayName: "Proxy",
        explainText: "Proxy_Help",
        key: "Software\\Policies\\Example\\Tiny",
        category: "Tiny",
        supportedOn: "SUPPORTED_Tiny",
        elements: [
          {
            kind: "text",
            id: "Server",
            valueName: "Server",
            required: true,
            control: { type: "textBox", label: "Server_Label" },
          },
          {
            kind: "enum",
            id: "Mode",
            valueName: "Mode",
            items: [
              { displayName: "Mode_A", value: { type: "decimal", value: 0 } },
              { displayName: "Mode_B", value: { type: "decimal", value: 1 } },
            ],
            control: { type: "dropdownList", label: "Mode_Label" },
          },
        ],
      },
    ],
    locales: {
      "en-US": {
        Name: "Tiny",
        Description: "A tiny bundle.",
        Supported: "Anything",
        Category: "Tiny",
        Proxy: "Proxy",
        Proxy_Help: "Sets the proxy.",
        Server_Label: "Server:",
        Mode_Label: "Mode:",
        Mode_A: "A",
        Mode_B: "B",
      },
      "ja-JP": {
        Name: "小さなバンドル",
        Description: "小さなバンドルです。",
        Supported: "すべて",
        Category: "小さなカテゴリ",
        Proxy: "プロキシ",
        Proxy_Help: "プロキシを設定します。",
        Server_Label: "サーバー:",
        Mode_Label: "モード:",
        Mode_A: "A",
        Mode_B: "B",
      },
    },
  };
}
