/**
 * Test helper for the Intune remediation scripts (src/intune/remediation.ts): their command lines parsed
 * with the independent tokenizer, a small registry model to run them on, and the Group Policy client's
 * way of applying Registry.pol entries to the same model, written from FIELD-NOTES ("Registry.pol")
 * rather than from the scripts.
 */
import { classifyEntry, decodeValue, registryUpcase, type PolEntry } from "../../src/pol/index.js";
import { parseCall, type ParsedCommand, type PsValue } from "./ps-tokenizer.js";

/** A registry value as the scripts name its type, with its data. */
export interface RegData {
  readonly name: string;
  readonly type: string;
  readonly value: PsValue;
}

/** Keys (compared case-insensitively) → values (names compared case-insensitively). */
export type Registry = Map<string, Map<string, RegData>>;

/** The command lines of a script: those calling one of `commands`, parsed. */
export function commandLines(script: string, commands: readonly string[]): ParsedCommand[] {
  return script
    .split("\r\n")
    .filter((line) => commands.some((command) => line.startsWith(`${command} `)))
    .map(parseCall);
}

export const REMEDIATION_COMMANDS = ["Set-PolicyValue", "Remove-PolicyValue", "Clear-PolicyKey"] as const;
export const DETECTION_COMMANDS = ["Test-PolicyValue", "Test-PolicyAbsent", "Test-PolicyKeyOnly"] as const;

/** A parameter's argument. */
export function arg(command: ParsedCommand, name: string): PsValue | true | undefined {
  return command.parameters.find(([param]) => param === name)?.[1];
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  REG_SZ: "String",
  REG_EXPAND_SZ: "ExpandString",
  REG_DWORD: "DWord",
  REG_QWORD: "QWord",
  REG_MULTI_SZ: "MultiString",
  REG_BINARY: "Binary",
};

/** A value entry's data in the scripts' terms. */
export function dataOf(entry: PolEntry): RegData {
  const decoded = decodeValue(entry.type, entry.data);
  const type = TYPE_NAMES[decoded.type];
  if (!type) throw new Error(`no script type for ${decoded.type}`);
  const v = decoded.value;
  const value: PsValue =
    typeof v === "number" ? BigInt(v) : v instanceof Uint8Array ? [...v] : (v as string | string[] | bigint);
  return { name: entry.valueName, type, value };
}

function keyOf(registry: Registry, key: string, create: boolean): Map<string, RegData> | undefined {
  const id = registryUpcase(key);
  let values = registry.get(id);
  if (!values && create) registry.set(id, (values = new Map()));
  return values;
}

/** Applies entries as the Group Policy client does. */
export function applyEntries(registry: Registry, entries: readonly PolEntry[]): void {
  for (const entry of entries) {
    const action = classifyEntry(entry);
    if (action.kind === "value")
      keyOf(registry, entry.key, true)!.set(registryUpcase(entry.valueName), dataOf(entry));
    else if (action.kind === "del") keyOf(registry, entry.key, false)?.delete(registryUpcase(action.name));
    else if (action.kind === "deleteValues")
      for (const name of action.names) keyOf(registry, entry.key, false)?.delete(registryUpcase(name));
    else if (action.kind === "delvals") keyOf(registry, entry.key, false)?.clear();
    else throw new Error(`not modelled: ${action.kind}`);
  }
}

/** Runs the remediation script's lines on the model. */
export function runRemediation(registry: Registry, lines: readonly ParsedCommand[]): void {
  for (const line of lines) {
    const key = arg(line, "-Key") as string;
    const names = arg(line, "-Name");
    if (line.command === "Set-PolicyValue") {
      const name = names as string;
      const data = { name, type: arg(line, "-Type") as string, value: arg(line, "-Value") as PsValue };
      keyOf(registry, key, true)!.set(registryUpcase(name), data);
    } else if (line.command === "Remove-PolicyValue") {
      for (const name of typeof names === "string" ? [names] : (names as string[]))
        keyOf(registry, key, false)?.delete(registryUpcase(name));
    } else if (line.command === "Clear-PolicyKey") keyOf(registry, key, false)?.clear();
    else throw new Error(`unknown command ${line.command}`);
  }
}

const same = (a: PsValue, b: PsValue) => JSON.stringify(a, bigints) === JSON.stringify(b, bigints);
function bigints(_key: string, v: unknown) {
  return typeof v === "bigint" ? `${v}n` : v;
}

/** The detection checks that fail on the model (an empty list: the script exits 0). */
export function failedChecks(registry: Registry, lines: readonly ParsedCommand[]): string[] {
  const failed: string[] = [];
  for (const line of lines) {
    const key = arg(line, "-Key") as string;
    const values = keyOf(registry, key, false);
    if (line.command === "Test-PolicyValue") {
      const found = values?.get(registryUpcase(arg(line, "-Name") as string));
      const type = arg(line, "-Type") as string;
      if (!found || found.type !== type || !same(found.value, arg(line, "-Value") as PsValue))
        failed.push(`${key} ${String(arg(line, "-Name"))}`);
    } else if (line.command === "Test-PolicyAbsent") {
      if (values?.has(registryUpcase(arg(line, "-Name") as string))) failed.push(`${key} absent`);
    } else if (line.command === "Test-PolicyKeyOnly") {
      const kept = new Set((arg(line, "-Name") as string[]).map(registryUpcase));
      for (const id of values?.keys() ?? []) if (!kept.has(id)) failed.push(`${key} only`);
    } else throw new Error(`unknown command ${line.command}`);
  }
  return failed;
}

/** The model's content in a comparable form: empty keys left out, data serialized. */
export function snapshot(registry: Registry): string[] {
  const out: string[] = [];
  for (const [key, values] of registry)
    for (const [name, data] of values)
      out.push(`${key}\0${name}\0${data.type}\0${JSON.stringify(data.value, bigints)}`);
  return out.sort();
}
