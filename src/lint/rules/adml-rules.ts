/**
 * Rules between an ADMX and one of its ADMLs. GPMC loads an ADML for the language it runs in and does
 * not fall back to another language for a single string: a `$(string.X)` or `$(presentation.X)` the
 * ADML lacks makes the template unusable in that language, so each is an error.
 */
import { diag, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { controlFits, CONTROLS_BY_KIND } from "../../model/controls.js";
import type { SourcePosition } from "../../read/positions.js";
import type { AdmlDocument, AdmxDocument, ReadPresentation } from "../../read/types.js";

/** Every `$(string.X)` of an ADMX with the position of the definition that uses it, in document order. */
export function stringReferences(admx: AdmxDocument): { id: string; at: SourcePosition }[] {
  const refs: { id: string; at: SourcePosition }[] = [];
  const add = (id: string | undefined, at: SourcePosition) => id && refs.push({ id, at });
  for (const p of admx.products) add(p.displayName, p.at);
  for (const s of admx.supportedOn) add(s.displayName, s.at);
  for (const c of admx.categories) {
    add(c.displayName, c.at);
    add(c.explainText, c.at);
  }
  for (const p of admx.policies) {
    add(p.displayName, p.at);
    add(p.explainText, p.at);
    for (const e of p.elements)
      if (e.kind === "enum") for (const item of e.items) add(item.displayName, e.at);
  }
  return refs;
}

/** `major.minor` as a number pair for comparison; undefined when malformed (reported elsewhere). */
function version(text: string): [number, number] | undefined {
  const m = /^\s*([0-9]+)\.([0-9]+)\s*$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Controls that name no element of the policies using the presentation, or one of another kind. */
function checkPresentation(
  admx: AdmxDocument,
  presentation: ReadPresentation,
  locale: string,
  out: Diagnostic[],
) {
  const users = admx.policies.filter((p) => p.presentation === presentation.id);
  for (const item of presentation.items) {
    if (item.kind !== "control") continue;
    for (const policy of users) {
      const element = policy.elements.find((e) => e.id === item.refId);
      const params = { refId: item.refId, presentation: presentation.id, policy: policy.name, locale };
      if (!element) out.push(diag("ADML_REFID_UNKNOWN", params, item.at));
      else if (!controlFits(element.kind, item.control.type)) {
        const expected = CONTROLS_BY_KIND[element.kind].join(", ");
        out.push(
          diag(
            "ADML_REFID_KIND",
            { ...params, control: item.control.type, kind: element.kind, expected },
            item.at,
          ),
        );
      }
      if (!element || !controlFits(element.kind, item.control.type)) break;
    }
  }
}

/** Checks an ADML against its ADMX; `locale` is the ADML's folder name. */
export function checkAdml(admx: AdmxDocument, adml: AdmlDocument, locale: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of adml.duplicates)
    out.push(diag("ADML_DUPLICATE_ID", { kind: d.kind, id: d.id, line: d.first.line }, d.at));

  const required = version(admx.minRequiredRevision);
  const actual = version(adml.revision);
  if (
    required &&
    actual &&
    (actual[0] < required[0] || (actual[0] === required[0] && actual[1] < required[1]))
  ) {
    const params = { revision: adml.revision, required: admx.minRequiredRevision, admx: admx.file };
    out.push(diag("ADML_REVISION_TOO_OLD", params, adml.at));
  }

  const reported = new Set<string>();
  for (const { id, at } of stringReferences(admx)) {
    if (adml.strings.has(id) || reported.has(id)) continue;
    reported.add(id);
    out.push(diag("ADML_STRING_MISSING", { id, locale, adml: adml.file }, at));
  }

  const checked = new Set<string>();
  for (const policy of admx.policies) {
    if (policy.presentation === undefined) continue;
    const presentation = adml.presentations.get(policy.presentation);
    if (!presentation) {
      out.push(
        diag("ADML_PRESENTATION_MISSING", { id: policy.presentation, locale, adml: adml.file }, policy.at),
      );
      continue;
    }
    if (!checked.has(presentation.id)) {
      checked.add(presentation.id);
      checkPresentation(admx, presentation, locale, out);
    }
    for (const element of policy.elements) {
      if (!presentation.items.some((i) => i.kind === "control" && i.refId === element.id)) {
        const params = { policy: policy.name, element: element.id, presentation: presentation.id, locale };
        out.push(diag("ADML_ELEMENT_NOT_PRESENTED", params, element.at, "warning"));
      }
    }
  }
  return out;
}
