/**
 * The editor's state is a values file, kept in the browser's local storage so that it survives a
 * reload and moving between the pages of the site. One slot per template namespace.
 */
import { parseValues } from "../../values/parse-values.js";
import type { PolicyStateInput, ValuesFile } from "../../values/schema.js";
import type { PolicyClassName } from "../../compile/types.js";

const PREFIX = "admxkit-editor:";

/** The saved state of one preview site. */
export class EditorStorage {
  private readonly slot: string;
  /** False when the browser refuses local storage (then the state lasts as long as the page). */
  readonly persistent: boolean;
  private memory: ValuesFile = {};

  constructor(scope: string) {
    this.slot = `${PREFIX}${scope}`;
    this.persistent = EditorStorage.available();
  }

  private static available(): boolean {
    try {
      const probe = `${PREFIX}probe`;
      localStorage.setItem(probe, "1");
      localStorage.removeItem(probe);
      return true;
    } catch {
      return false;
    }
  }

  /** The saved values file; a slot that does not hold one (edited by hand, older format) reads as empty. */
  load(): ValuesFile {
    if (!this.persistent) return this.memory;
    const text = localStorage.getItem(this.slot);
    if (text === null) return {};
    try {
      const parsed = parseValues(JSON.parse(text));
      return parsed.ok ? parsed.values : {};
    } catch {
      return {};
    }
  }

  save(values: ValuesFile): void {
    if (this.persistent) localStorage.setItem(this.slot, JSON.stringify(values));
    else this.memory = values;
  }

  clear(): void {
    if (this.persistent) localStorage.removeItem(this.slot);
    this.memory = {};
  }
}

/** The state of `key` in a section; a policy the file does not list is Not Configured. */
export function stateOf(values: ValuesFile, section: PolicyClassName, key: string): PolicyStateInput {
  const found = values[section];
  return found && Object.hasOwn(found, key) ? found[key]! : { state: "notConfigured" };
}

/**
 * `values` with `key` set to `state` in `section`. Not Configured removes the key, as the editor
 * removes a policy's entries; a policy already listed keeps its place, so the file's order (which is
 * the compiler's write order) only changes when a policy is configured for the first time.
 */
export function withState(
  values: ValuesFile,
  section: PolicyClassName,
  key: string,
  state: PolicyStateInput,
): ValuesFile {
  // Null prototype while building: a policy named `__proto__` is an ordinary key.
  const policies: Record<string, PolicyStateInput> = Object.assign(Object.create(null), values[section]);
  if (state.state === "notConfigured") delete policies[key];
  else policies[key] = state;
  return { ...values, [section]: { ...policies } };
}
