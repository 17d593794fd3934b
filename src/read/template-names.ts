/**
 * The names an ADMX defines, found without parsing it: its target namespace and prefix, and the name of
 * each `<policy>`. `pol --admx` and friends need only the templates a values file names, and a scan of the
 * text is many times cheaper than reading a template into the model. The scan skips comments and CDATA;
 * anything it could still get wrong only costs time, never correctness: callers read a whole store when a
 * name is not found by the scan (see read-store.ts).
 */
import { referenceAt } from "./xml/references.js";

/** What {@link scanTemplateNames} found. */
export interface TemplateNames {
  readonly namespace: string | undefined;
  readonly prefix: string | undefined;
  readonly policies: readonly string[];
}

const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(?:[A-Za-z_][-\w.]*:)?(policy|target)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /[\s]([-\w.:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attribute values of a start tag's text, references decoded. */
function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const raw = m[2] ?? m[3] ?? "";
    out.set(m[1]!, raw.includes("&") ? decodeReferences(raw) : raw);
  }
  return out;
}

function decodeReferences(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const reference = raw[i] === "&" ? referenceAt(raw, i) : undefined;
    if (reference) {
      out += reference.value;
      i = reference.end - 1;
    } else out += raw[i];
  }
  return out;
}

/** Scans an ADMX's text for its target namespace and policy names. */
export function scanTemplateNames(text: string): TemplateNames {
  let namespace: string | undefined;
  let prefix: string | undefined;
  const policies: string[] = [];
  for (const m of text.matchAll(MARKUP)) {
    if (m[1] === undefined) continue; // a comment or CDATA section
    const attributes = attributesOf(m[2]!);
    if (m[1] === "policy") {
      const name = attributes.get("name");
      if (name !== undefined) policies.push(name);
    } else if (namespace === undefined) {
      namespace = attributes.get("namespace");
      prefix = attributes.get("prefix");
    }
  }
  return { namespace, prefix, policies };
}
