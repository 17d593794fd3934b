/** The docs' navigation, per language: site-absolute URLs, turned into relative links by the `rel` filter. */
export default {
  en: [
    { url: "/en/getting-started.html", title: "Getting started" },
    { url: "/en/central-store.html", title: "Central store" },
    { url: "/en/values-files.html", title: "Values files" },
    { url: "/en/registry-pol.html", title: "Registry.pol and GPO backups" },
    { url: "/en/delivery.html", title: "Delivering settings to a GPO" },
    { url: "/en/custom-bundle.html", title: "Custom bundles" },
    { url: "/en/preview.html", title: "Policy preview" },
    { url: "/en/library.html", title: "Library" },
    { url: "/en/cli.html", title: "CLI reference" },
    { url: "/en/robustness.html", title: "Robustness" },
    { url: "/en/severities.html", title: "Finding severities" },
    { url: "/en/performance.html", title: "Performance" },
    { url: "/en/design.html", title: "Design notes" },
  ],
  ja: [
    { url: "/ja/getting-started.html", title: "はじめに" },
    { url: "/ja/values-files.html", title: "値ファイル" },
    { url: "/ja/delivery.html", title: "設定の配布" },
    { url: "/ja/cli.html", title: "CLI リファレンス" },
    { url: "/ja/robustness.html", title: "堅牢性" },
    { url: "/ja/severities.html", title: "指摘の重大度" },
    { url: "/preview/ja-JP/index.html", title: "ポリシーのプレビュー" },
    { url: "/ja/editor.html", title: "ブラウザーでの設定" },
  ],
};
