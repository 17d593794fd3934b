import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { windowsDeviceName } from "./device-names.js";
import { splitReference } from "./ids.js";
import { isInboxNamespace, isInboxTemplate } from "./inbox-templates.js";
import { presentationIdOf } from "./strings.js";
import type { Bundle } from "./types.js";

type Path = (string | number)[];

/**
 * Reports names used twice. Names compare case-insensitively: the registry and GPMC's lookups do, so
 * `ProxyServer` and `proxyserver` would be the same thing to Windows.
 */
function checkUnique(kind: string, items: { name: string; path: Path }[], out: Diagnostic[]): void {
  const seen = new Map<string, Path>();
  for (const { name, path } of items) {
    const first = seen.get(name.toLowerCase());
    if (first) out.push(diag("DUPLICATE_NAME", { kind, name, first: first.join(".") }, { path }));
    else seen.set(name.toLowerCase(), path);
  }
}

/** Duplicate names, unresolved references, category cycles and collisions with Windows' own templates. */
export function checkNames(bundle: Bundle): Diagnostic[] {
  const out: Diagnostic[] = [];

  // Windows ships these; a second file with the same name or namespace replaces it in the central store
  // or makes GPMC refuse the whole store ("namespace already defined").
  if (isInboxTemplate(bundle.fileName)) {
    out.push(diag("INBOX_FILE_NAME", { name: `${bundle.fileName}.admx` }, { path: ["fileName"] }));
  }
  const device = windowsDeviceName(bundle.fileName);
  if (device !== undefined) {
    out.push(diag("FILE_NAME_DEVICE", { name: bundle.fileName, device }, { path: ["fileName"] }));
  }
  if (isInboxNamespace(bundle.target.namespace)) {
    out.push(
      diag("INBOX_NAMESPACE", { namespace: bundle.target.namespace }, { path: ["target", "namespace"] }),
    );
  }

  const prefixes = [{ name: bundle.target.prefix, path: ["target", "prefix"] as Path }];
  bundle.using?.forEach((u, i) => prefixes.push({ name: u.prefix, path: ["using", i, "prefix"] }));
  checkUnique("namespace prefix", prefixes, out);
  bundle.using?.forEach((u, i) => {
    if (u.namespace.toLowerCase() === bundle.target.namespace.toLowerCase()) {
      out.push(diag("USING_SELF", { namespace: u.namespace }, { path: ["using", i, "namespace"] }));
    }
  });

  checkUnique(
    "supportedOn definition",
    (bundle.supportedOn ?? []).map((s, i) => ({ name: s.name, path: ["supportedOn", i, "name"] })),
    out,
  );
  checkUnique(
    "category",
    (bundle.categories ?? []).map((c, i) => ({ name: c.name, path: ["categories", i, "name"] })),
    out,
  );
  checkUnique(
    "policy",
    bundle.policies.map((p, i) => ({ name: p.name, path: ["policies", i, "name"] })),
    out,
  );
  checkUnique(
    "presentation",
    bundle.policies.flatMap((p, i) => {
      const id = presentationIdOf(p);
      return id
        ? [{ name: id, path: ["policies", i, p.presentationId ? "presentationId" : "name"] as Path }]
        : [];
    }),
    out,
  );

  const own = bundle.target.prefix.toLowerCase();
  const external = new Set((bundle.using ?? []).map((u) => u.prefix.toLowerCase()));
  const resolve = (ref: string, names: Set<string>, kind: string, path: Path) => {
    const { prefix, name } = splitReference(ref);
    if (prefix === undefined || prefix.toLowerCase() === own) {
      if (!names.has(name.toLowerCase())) out.push(diag("REFERENCE_UNRESOLVED", { kind, ref }, { path }));
    } else if (!external.has(prefix.toLowerCase())) {
      out.push(diag("PREFIX_UNKNOWN", { kind, ref, prefix }, { path }));
    }
  };
  const categories = new Set((bundle.categories ?? []).map((c) => c.name.toLowerCase()));
  const supported = new Set((bundle.supportedOn ?? []).map((s) => s.name.toLowerCase()));
  bundle.categories?.forEach(
    (c, i) => c.parent && resolve(c.parent, categories, "category", ["categories", i, "parent"]),
  );
  bundle.policies.forEach((p, i) => {
    resolve(p.category, categories, "category", ["policies", i, "category"]);
    resolve(p.supportedOn, supported, "supportedOn", ["policies", i, "supportedOn"]);
  });
  out.push(...checkCategoryCycles(bundle));
  return out;
}

function checkCategoryCycles(bundle: Bundle): Diagnostic[] {
  const parents = new Map<string, string>();
  for (const c of bundle.categories ?? []) {
    const parent = c.parent && splitReference(c.parent);
    if (parent && (parent.prefix === undefined || parent.prefix === bundle.target.prefix)) {
      parents.set(c.name.toLowerCase(), parent.name.toLowerCase());
    }
  }
  const out: Diagnostic[] = [];
  bundle.categories?.forEach((c, i) => {
    const seen = new Set<string>();
    for (let at: string | undefined = c.name.toLowerCase(); at !== undefined; at = parents.get(at)) {
      if (seen.has(at)) {
        out.push(diag("CATEGORY_CYCLE", { name: c.name }, { path: ["categories", i, "parent"] }));
        break;
      }
      seen.add(at);
    }
  });
  return out;
}
