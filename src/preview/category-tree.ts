import { splitReference } from "../model/ids.js";
import type { Policy } from "../model/types.js";
import type { PreviewContext } from "./preview-context.js";

/** A folder of the editor's left pane: a category with its subcategories and settings, sorted. */
export interface TreeNode {
  /** The category name, or `prefix:Name` for a category of another namespace. */
  readonly key: string;
  readonly label: string;
  readonly children: TreeNode[];
  readonly policies: Policy[];
}

/** The namespace of Windows' own templates, whose categories the UI catalog names. */
const WINDOWS_NAMESPACE = "Microsoft.Policies.Windows";

interface MutableNode {
  key: string;
  label: string;
  parent: string | undefined;
  children: MutableNode[];
  policies: Policy[];
}

/**
 * Resolves a category reference to a node key: own categories by name (with or without the target
 * prefix), others as `prefix:Name`.
 */
function keyOf(ctx: PreviewContext, ref: string): string {
  const { prefix, name } = splitReference(ref);
  return prefix === undefined || prefix === ctx.bundle.target.prefix ? name : `${prefix}:${name}`;
}

/**
 * The label of a category this bundle does not define: its text in the store when the preview has
 * one. Otherwise Windows' categories (WindowsComponents, System…)
 * get their names from the UI catalog in the page's language, as the editor shows them from Windows'
 * own ADML; any other is shown as its reference.
 */
function externalLabel(ctx: PreviewContext, key: string): string {
  const fromStore = ctx.store?.category(key);
  if (fromStore !== undefined) return fromStore;
  const { prefix, name } = splitReference(key);
  const namespace = ctx.bundle.using?.find((u) => u.prefix === prefix)?.namespace;
  if (namespace !== WINDOWS_NAMESPACE) return key;
  const id = `preview.category.windows:${name}`;
  const label = ctx.ui(id);
  return label === id ? key : label;
}

function node(ctx: PreviewContext, nodes: Map<string, MutableNode>, key: string): MutableNode {
  let found = nodes.get(key);
  if (found) return found;
  const own = ctx.bundle.categories?.find((c) => c.name === key);
  found = {
    key,
    label: own ? ctx.text(own.displayName) : externalLabel(ctx, key),
    parent: own?.parent === undefined ? undefined : keyOf(ctx, own.parent),
    children: [],
    policies: [],
  };
  nodes.set(key, found);
  if (found.parent !== undefined && found.parent !== key) node(ctx, nodes, found.parent).children.push(found);
  return found;
}

function freeze(ctx: PreviewContext, n: MutableNode): TreeNode {
  // The editor lists folders and settings alphabetically by their text in the display language.
  const collator = new Intl.Collator(ctx.locale);
  return {
    key: n.key,
    label: n.label,
    children: n.children.map((c) => freeze(ctx, c)).sort((a, b) => collator.compare(a.label, b.label)),
    policies: [...n.policies].sort((a, b) =>
      collator.compare(ctx.text(a.displayName), ctx.text(b.displayName)),
    ),
  };
}

/**
 * The category tree of the given policies under "Administrative Templates", as the editor's left pane
 * shows it: only categories that hold a setting (directly or below), parents of other namespaces as
 * folders with their localized names.
 */
export function categoryTree(ctx: PreviewContext, policies: readonly Policy[]): TreeNode[] {
  const nodes = new Map<string, MutableNode>();
  for (const policy of policies) node(ctx, nodes, keyOf(ctx, policy.category)).policies.push(policy);
  const roots = [...nodes.values()].filter((n) => n.parent === undefined || !nodes.has(n.parent));
  const collator = new Intl.Collator(ctx.locale);
  return roots.map((r) => freeze(ctx, r)).sort((a, b) => collator.compare(a.label, b.label));
}

/** The settings of a tree in the order the editor walks them with Previous / Next Setting. */
export function treeOrder(nodes: readonly TreeNode[]): Policy[] {
  return nodes.flatMap((n) => [...treeOrder(n.children), ...n.policies]);
}

/** The labels from the root to the category of a policy: the breadcrumbs of its page. */
export function categoryPath(nodes: readonly TreeNode[], policy: Policy): string[] | undefined {
  for (const n of nodes) {
    if (n.policies.includes(policy)) return [n.label];
    const below = categoryPath(n.children, policy);
    if (below) return [n.label, ...below];
  }
  return undefined;
}
