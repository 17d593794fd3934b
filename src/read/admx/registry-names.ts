import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { registryNameDiagnostics } from "../../model/registry-names.js";
import type { AdmxDocument } from "../types.js";

/**
 * Registry key and value names of an ADMX that hold a control character or a line end (`&#13;&#10;` in
 * a `key` or `valueName` attribute is well-formed XML): errors with the policy named, at the start tag
 * of the element the name belongs to (or of the policy). See src/pol/registry-names.ts for the set.
 */
export function admxRegistryNameDiagnostics(admx: AdmxDocument): Diagnostic[] {
  return admx.policies.flatMap((policy) =>
    registryNameDiagnostics(policy, ([section, index]) => {
      const element =
        section === "elements" && typeof index === "number" ? policy.elements[index] : undefined;
      return (element ?? policy).at;
    }),
  );
}
