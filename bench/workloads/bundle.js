/**
 * A generated bundle of any size that uses every element kind and every presentation control, written
 * as the typed model's plain input (what `defineBundle` takes; see examples/custom-bundle/bundle.ts).
 * Seeded: the same options always give the same bundle. The benchmarks use it for the build (one large
 * bundle) and for the central store (many medium ones).
 */
import { createRandom, identifier, words } from "../lib/random.js";
import { decimal, ELEMENT_MAKERS, elementStrings } from "./elements.js";

/** Japanese filler for the ja-JP catalog, so the ADML writer handles non-ASCII text as real files do. */
const JA = ["設定", "プロキシ", "サーバー", "ポリシー", "有効", "無効", "構成", "接続", "ユーザー", "管理"];

function ja(random, count) {
  return Array.from({ length: count }, () => random.pick(JA)).join("、") + "。";
}

/**
 * Generates a bundle input.
 * @param {{ policies: number, seed?: number, id?: string, fileName?: string, namespace?: string,
 *   using?: { prefix: string, namespace: string, categories: string[], supportedOn: string },
 *   explainWords?: [number, number] }} options
 */
export function generateBundle(options) {
  const random = createRandom(options.seed ?? 1);
  const id = options.id ?? "generated";
  const fileName = options.fileName ?? "Generated";
  const en = { Adml_DisplayName: `${fileName} policies`, Adml_Description: words(random, 12) };
  const jaCatalog = { Adml_DisplayName: `${fileName} ポリシー`, Adml_Description: ja(random, 6) };
  const text = (key, enText, jaText) => {
    en[key] = enText;
    jaCatalog[key] = jaText;
    return key;
  };
  const [minWords, maxWords] = options.explainWords ?? [30, 90];

  const supportedOn = [0, 1, 2].map((i) => ({
    name: `SUPPORTED_${fileName}_${i}`,
    displayName: text(
      `Supported_${i}`,
      `${fileName} version ${i + 1} or later`,
      `${fileName} バージョン ${i + 1} 以降`,
    ),
  }));
  const categoryCount = Math.max(2, Math.ceil(options.policies / 100));
  const categories = Array.from({ length: categoryCount }, (_, i) => ({
    name: `Cat${i}`,
    displayName: text(`Cat${i}`, `${identifier(random, 2)} settings`, ja(random, 2)),
    explainText: text(`Cat${i}_Help`, words(random, 20), ja(random, 8)),
    ...(i > 0
      ? { parent: `Cat${random.int(0, i - 1)}` }
      : options.using
        ? { parent: `${options.using.prefix}:${random.pick(options.using.categories)}` }
        : {}),
  }));

  const policies = [];
  for (let p = 0; p < options.policies; p++) {
    const name = `P${p}_${identifier(random, 2)}`;
    const key = `Software\\Policies\\Bench\\${fileName}\\${identifier(random, 1)}${p % 97}`;
    const policy = {
      name,
      class: random.pick(["Machine", "User", "Both"]),
      displayName: text(name, `${words(random, random.int(3, 8))} (${p})`, `${ja(random, 3)}(${p})`),
      explainText: text(
        `${name}_Help`,
        `${words(random, random.int(minWords, maxWords))}.\n\n${words(random, random.int(minWords, maxWords))}.`,
        `${ja(random, random.int(minWords / 3, maxWords / 3))}\n\n${ja(random, random.int(minWords / 3, maxWords / 3))}`,
      ),
      key,
      category: `Cat${random.int(0, categoryCount - 1)}`,
      supportedOn:
        options.using && random.next() < 0.5
          ? `${options.using.prefix}:${options.using.supportedOn}`
          : random.pick(supportedOn).name,
    };
    if (p % 8 === 0) {
      // No elements: the policy value itself, with enabled/disabled values and lists.
      Object.assign(policy, {
        valueName: "Enabled",
        enabledValue: decimal(1),
        disabledValue: decimal(0),
        enabledList: { items: [{ valueName: "Mode", value: { type: "string", value: "managed" } }] },
        disabledList: { items: [{ valueName: "Mode", value: { type: "delete" } }] },
      });
    } else {
      const count = random.int(1, 4);
      const first = random.int(0, ELEMENT_MAKERS.length - 1);
      policy.elements = Array.from({ length: count }, (_, i) => {
        const element = ELEMENT_MAKERS[(first + i) % ELEMENT_MAKERS.length](`${name}_E${i}`, random, key);
        for (const k of elementStrings(element))
          text(k, `${words(random, random.int(1, 4))}:`, `${ja(random, 1)}:`);
        return element;
      });
      if (p % 5 === 1) {
        policy.layout = [
          { text: text(`${name}_Intro`, words(random, 12), ja(random, 4)) },
          ...policy.elements.map((e) => e.id),
        ];
      }
    }
    policies.push(policy);
  }

  return {
    id,
    fileName,
    target: { prefix: id.replace(/-/g, "_"), namespace: options.namespace ?? `Bench.Policies.${fileName}` },
    ...(options.using
      ? { using: [{ prefix: options.using.prefix, namespace: options.using.namespace }] }
      : {}),
    revision: "1.0",
    minRequiredRevision: "1.0",
    displayName: "Adml_DisplayName",
    description: "Adml_Description",
    supportedOn,
    categories,
    policies,
    locales: { "en-US": en, "ja-JP": jaCatalog },
  };
}
