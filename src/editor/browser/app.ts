/** What every part of the page script shares: the site's data, the saved state, the policy index, texts. */
import { createPolicyIndex, type PolicyIndex, type PolicySource } from "../../compile/policy-index.js";
import type { PolicyClassName } from "../../compile/types.js";
import { uiText } from "../../i18n/messages.js";
import type { Policy } from "../../model/types.js";
import type { EditorPolicyInfo, EditorSiteData } from "../site-data.js";
import { EditorStorage } from "./storage.js";

/** The page script's context. */
export interface EditorApp {
  readonly data: EditorSiteData;
  readonly storage: EditorStorage;
  readonly sources: readonly PolicySource[];
  readonly index: PolicyIndex;
  /** A UI label in the page's tool language, `{name}` placeholders filled. */
  ui(id: string, params?: Readonly<Record<string, string | number>>): string;
  policy(name: string): Policy | undefined;
  info(name: string): EditorPolicyInfo | undefined;
  /** The policy a values-file key names in this site (keys are bare or `namespace:name`). */
  byKey(key: string): Policy | undefined;
}

/** The sections a policy can be set in: Both in either, as the editor lists it under both roots. */
export function sectionsOf(policy: Policy): PolicyClassName[] {
  if (policy.class === "Both") return ["machine", "user"];
  return [policy.class === "Machine" ? "machine" : "user"];
}

export function createApp(data: EditorSiteData): EditorApp {
  const sources: PolicySource[] = [
    { namespace: data.namespace, prefix: data.prefix, policies: data.policies },
  ];
  const policies = new Map(data.policies.map((p) => [p.name, p]));
  const keys = new Map(
    data.policies.map((p) => [Object.hasOwn(data.info, p.name) ? data.info[p.name]!.key : p.name, p]),
  );
  return {
    data,
    storage: new EditorStorage(data.scope),
    sources,
    index: createPolicyIndex(sources),
    ui: (id, params = {}) =>
      uiText(id, data.uiLocale).replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : whole,
      ),
    policy: (name) => policies.get(name),
    info: (name) => (Object.hasOwn(data.info, name) ? data.info[name] : undefined),
    byKey: (key) => keys.get(key),
  };
}

/** A new element with a class and text (text is always set as text, never parsed as markup). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
