/**
 * Where Intune's custom ADMX import (Windows' ADMX ingestion through the Policy CSP) lets a policy write.
 *
 * Source: Microsoft's page "Win32 and Desktop Bridge app ADMX policy Ingestion" (learn.microsoft.com,
 * windows/client-management/win32-and-centennial-app-policy-configuration). Ingested policies may not
 * write inside the System, Software\Microsoft and Software\Policies\Microsoft keys, so that they can
 * never overwrite what Windows and its in-box policies own; the page lists the exceptions below.
 * Keys compare case-insensitively, component by component.
 */
import { registryWrites, type WriterPolicy } from "../../model/registry-writes.js";
import { registryUpcase } from "../../pol/index.js";

/** The reserved roots: nothing below them unless an exception allows it. */
export const INTUNE_RESERVED_ROOTS: readonly string[] = [
  "System",
  "Software\\Microsoft",
  "Software\\Policies\\Microsoft",
];

/** The exceptions inside the reserved roots, as Microsoft lists them (trailing separators dropped). */
export const INTUNE_ALLOWED_KEYS: readonly string[] = [
  "Software\\Policies\\Microsoft\\Office",
  "Software\\Microsoft\\Office",
  "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer",
  "Software\\Microsoft\\Internet Explorer",
  "Software\\Policies\\Microsoft\\Shared Tools\\Proofing Tools",
  "Software\\Policies\\Microsoft\\IMEJP",
  "Software\\Policies\\Microsoft\\IME\\Shared",
  "Software\\Policies\\Microsoft\\Shared Tools\\Graphics Filters",
  "Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Explorer",
  "Software\\Policies\\Microsoft\\SoftwareProtectionPlatform",
  "Software\\Policies\\Microsoft\\OfficeSoftwareProtectionPlatform",
  "Software\\Policies\\Microsoft\\Windows\\Windows Search\\Preferences",
  "Software\\Policies\\Microsoft\\Exchange",
  "Software\\Microsoft\\Shared Tools\\Proofing Tools",
  "Software\\Microsoft\\Shared Tools\\Graphics Filters",
  "Software\\Microsoft\\Windows\\Windows Search\\Preferences",
  "Software\\Microsoft\\Exchange",
  "Software\\Policies\\Microsoft\\VBA\\Security",
  "Software\\Microsoft\\OneDrive",
  "Software\\Microsoft\\Edge",
  "Software\\Microsoft\\EdgeUpdate",
];

function components(key: string): string[] {
  return registryUpcase(key)
    .split("\\")
    .filter((part) => part !== "");
}

/** True when `key` is `prefix` or below it. */
function isUnder(key: string[], prefix: string[]): boolean {
  return prefix.length <= key.length && prefix.every((part, i) => key[i] === part);
}

/** The reserved root a key falls under without an exception, or undefined when Intune accepts the key. */
export function intuneRefusedRoot(key: string): string | undefined {
  const parts = components(key);
  const root = INTUNE_RESERVED_ROOTS.find((r) => isUnder(parts, components(r)));
  if (root === undefined) return undefined;
  return INTUNE_ALLOWED_KEYS.some((allowed) => isUnder(parts, components(allowed))) ? undefined : root;
}

/**
 * The keys of a policy that Intune refuses, each with its reserved root: the policy's own key and every
 * key it writes into (registryWrites: its value lists, elements, check box and dropdown item lists).
 */
export function intuneRefusedKeys(policy: WriterPolicy): { key: string; root: string }[] {
  const keys = new Set([policy.key, ...registryWrites(policy).map((write) => write.key)]);
  return [...keys].flatMap((key) => {
    const root = intuneRefusedRoot(key);
    return root ? [{ key, root }] : [];
  });
}
