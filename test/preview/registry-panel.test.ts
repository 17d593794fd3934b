import { describe, expect, it } from "vitest";
import { defenderProxyBundle } from "../../src/bundles/defender-proxy.js";
import { compilePolicy } from "../../src/compile/compile-policy.js";
import { diag } from "../../src/diagnostics/diagnostic.js";
import { delEntry, dwordEntry, szEntry } from "../../src/pol/index.js";
import { formatRegText } from "../../src/formats/index.js";
import { exampleOptions } from "../../src/preview/example-values.js";
import { compiledRegistry } from "../../src/preview/registry-effects.js";
import { renderPolicyPreview } from "../../src/preview/render-policy.js";
import { fragment, one, select, text, type Node } from "../helpers/dom.js";
import { hostileBundle } from "../helpers/preview-fixtures.js";

const KEY = "Software\\Policies\\Admxkit\\Hostile";
const registry = {
  enabled: [szEntry(KEY, "Server", "a<b>&c"), dwordEntry(KEY, "Retries", 10)],
  disabled: [delEntry(KEY, "Server")],
};

function panel(markup: string): Node {
  return one(fragment(markup), "section.registry");
}

function rows(state: Node): string[][] {
  return select(one(state, "table.entries"), "tr")
    .slice(1)
    .map((tr) => select(tr, "td").map(text));
}

describe("the registry panel", () => {
  const bundle = hostileBundle();

  it("lists the exact entries of Enabled and Disabled and their .reg text per hive", () => {
    const root = panel(renderPolicyPreview(bundle, "EveryControl", { locale: "en-US", registry }));
    const [enabled, disabled] = select(root, "div.registry-state");
    expect(rows(enabled!)).toEqual([
      [KEY, "Server", "REG_SZ", "a<b>&c"],
      [KEY, "Retries", "REG_DWORD", "0x0000000a (10)"],
    ]);
    expect(rows(disabled!)).toEqual([[KEY, "**del.Server", "REG_SZ", "(delete the value Server)"]]);
    // EveryControl is class Both: the .reg text is shown for HKLM and for HKCU.
    expect(select(enabled!, "pre").map(text)).toEqual([
      formatRegText(registry.enabled, "machine").replace(/\r\n/g, "\n").trimEnd(),
      formatRegText(registry.enabled, "user").replace(/\r\n/g, "\n").trimEnd(),
    ]);
    expect(select(enabled!, "figcaption").map(text)).toEqual([
      ".reg file (HKEY_LOCAL_MACHINE)",
      ".reg file (HKEY_CURRENT_USER)",
    ]);
  });

  it("describes special entries in the page's language", () => {
    const root = panel(renderPolicyPreview(bundle, "EveryControl", { locale: "ja-JP", registry }));
    const disabled = select(root, "div.registry-state")[1]!;
    expect(rows(disabled)[0]![3]).toBe("(値 Server を削除)");
    expect(text(one(root, "h2"))).toBe("レジストリ エントリ");
  });

  it("shows the example values with enum items as their text", () => {
    const options = exampleOptions(bundle.policies[0]!);
    const root = panel(renderPolicyPreview(bundle, "EveryControl", { locale: "en-US", registry, options }));
    const table = select(one(root, "table.examples"), "tr")
      .slice(1)
      .map((tr) => select(tr, "td").map(text));
    expect(table).toContainEqual(["Mode:", "Mike mode"]);
    expect(table).toContainEqual(["Verbose <b>logging</b>", "true"]);
    expect(table).toContainEqual(["Shares:", "example"]);
  });

  it("says when there are no entries, and when no registry was given at all", () => {
    const empty = panel(
      renderPolicyPreview(bundle, "PlainSwitch", {
        locale: "en-US",
        registry: { enabled: [], disabled: [] },
      }),
    );
    expect(select(empty, "p.no-entries").map(text)).toEqual(["No registry entries.", "No registry entries."]);
    const none = panel(renderPolicyPreview(bundle, "PlainSwitch", { locale: "en-US" }));
    expect(select(none, "table")).toEqual([]);
    expect(text(one(none, "p.registry-missing"))).toMatch(/not shown/);
  });

  it("shows the compiler's diagnostics in the page's language", () => {
    const withNotes = {
      ...registry,
      diagnostics: [diag("PREVIEW_POLICY_NOT_FOUND", { policy: "X", bundle: "b", available: "Y" })],
    };
    const root = panel(renderPolicyPreview(bundle, "EveryControl", { locale: "ja-JP", registry: withNotes }));
    expect(select(one(root, "div.notes"), "li").map(text)).toEqual([
      "エラー PREVIEW_POLICY_NOT_FOUND: バンドル b にポリシー X はありません。含まれるポリシー: Y",
    ]);
  });
});

describe("compiledRegistry", () => {
  it("is what the compiler writes for Enabled with the examples and for Disabled", () => {
    for (const policy of defenderProxyBundle().policies) {
      const options = exampleOptions(policy);
      const result = compiledRegistry(policy, options);
      expect(result.enabled).toEqual(compilePolicy(policy, { state: "enabled", options }).entries);
      expect(result.disabled).toEqual(compilePolicy(policy, { state: "disabled" }).entries);
      // The defaults the preview invents for the built-in bundle are values the compiler accepts.
      expect(result.diagnostics).toEqual([]);
      expect(result.enabled.length).toBeGreaterThan(0);
      expect(result.disabled.length).toBeGreaterThan(0);
    }
  });

  it("says just Enabled for a policy without options (SSLOptions), with the example values otherwise", () => {
    const proxy = defenderProxyBundle();
    const heading = (name: string, locale: string) => {
      const policy = proxy.policies.find((p) => p.name === name)!;
      const page = renderPolicyPreview(proxy, name, {
        locale,
        registry: compiledRegistry(policy, exampleOptions(policy)),
      });
      return text(one(one(panel(page), "div[data-state=enabled]"), "h3"));
    };
    expect(heading("SSLOptions", "en-US")).toBe("Enabled");
    expect(heading("SSLOptions", "ja-JP")).toBe("有効");
    expect(heading("ProxyPacUrl", "en-US")).toBe("Enabled, with the example values");
  });
});
