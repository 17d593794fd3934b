/**
 * A values file → what Intune needs to deliver it: the route of every policy (route-plan.ts), the
 * custom profile in its two forms (profile.ts) and the Remediations pair for the policies no CSP
 * carries. Pure: the caller reads the inputs and writes the files.
 */
import {
  compilePolicy,
  compileValues,
  toState,
  type PolicyIndex,
  type PolicyState,
} from "../compile/index.js";
import { AdmxkitError, diag, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatMessage, messageRef, type LocaleTag } from "../i18n/messages.js";
import type { Policy, PolicyClassName } from "../model/types.js";
import { classifyEntry, decodeValue } from "../pol/index.js";
import {
  INTUNE_CUSTOM_ADMX_MAX_BYTES,
  INTUNE_CUSTOM_ADMX_MAX_FILES,
  INTUNE_INTEGER_MAX,
  INTUNE_INTEGER_MIN,
} from "../pol/limits.js";
import type { ValuesFile } from "../values/schema.js";
import { admxPayload } from "./admx-payload.js";
import { ingestionRefusals } from "./ingestion-refusals.js";
import { profileJson, profileSyncml, type OmaSetting, type SyncCommand } from "./profile.js";
import { remediationScripts } from "./remediation.js";
import { decideRoute, type TemplateOrigin, type PolicyRoute } from "./route-plan.js";
import { windowsPolicy } from "./windows-ids.js";
import { ingestionSettings, type IngestionSource } from "./ingestion-settings.js";

/** Where the policies come from, beyond the index that resolves the values file's keys. */
export interface IntuneSource {
  readonly index: PolicyIndex;
  /** The ADMX file of a policy and whether it was read from a store. */
  originOf(policy: Policy): TemplateOrigin;
  /** The custom template a policy would be ingested from (its policies, ADML locales and ADMX text). */
  templateOf(policy: Policy): IngestionSource | undefined;
  /** admxkit's own built-in bundle templates (read from a store): refused with a pointer to the bundle. */
  readonly builtInNamespaces?: readonly string[];
}

/** Options of {@link compileIntune}. */
export interface IntuneOptions {
  /** The profile's name in Intune. */
  readonly name: string;
  /** The values file's path, for messages and the profile's description. */
  readonly file?: string;
  /** The bundle id or store folder, for "no policy X in …". */
  readonly source?: string;
  /** The language of the setting names and descriptions (display names come from the ADML). */
  readonly locale?: LocaleTag;
  /** Policy display names in that language (else the policy's name is used). */
  readonly displayNames?: ReadonlyMap<Policy, string>;
}

/** What {@link compileIntune} gives. `files` are relative to the output folder. */
export interface IntuneResult {
  readonly routes: readonly PolicyRoute[];
  readonly files: readonly { readonly path: string; readonly content: string }[];
  readonly diagnostics: Diagnostic[];
}

/** The routes of every policy the values file sets, in the file's order (machine, then user). */
function planRoutes(source: IntuneSource, values: ValuesFile): PolicyRoute[] {
  const routes: PolicyRoute[] = [];
  for (const section of ["machine", "user"] as const) {
    for (const [key, input] of Object.entries(values[section] ?? {})) {
      const found = source.index.lookup(key);
      if (!found.ok) continue; // compileValues has said why
      const origin = source.originOf(found.policy);
      const state = toState(input);
      routes.push({
        section,
        key,
        policy: found.policy,
        origin,
        state,
        ...decideRoute(found.policy, origin, section),
      });
    }
  }
  return routes;
}

/** The value of a native CSP setting: the one registry value the policy writes in this state. */
function nativeValue(route: PolicyRoute, file: string | undefined): string | number | undefined | Diagnostic {
  const compiled = compilePolicy(route.policy, route.state);
  const values = compiled.entries.filter((e) => classifyEntry(e).kind === "value");
  if (values.length === 0) return undefined;
  const decoded = values.length === 1 ? decodeValue(values[0]!.type, values[0]!.data) : undefined;
  const want = route.format === "integer" ? "REG_DWORD" : "REG_SZ";
  const where = { path: [route.section, route.key], ...(file ? { file } : {}) };
  if (typeof decoded?.value === "number" && decoded.type === want) {
    // A REG_DWORD goes up to 4,294,967,295; Graph's integer setting stops at Int32.
    if (decoded.value >= INTUNE_INTEGER_MIN && decoded.value <= INTUNE_INTEGER_MAX) return decoded.value;
    const params = {
      policy: route.key,
      omaUri: route.omaUri ?? "",
      value: decoded.value,
      min: INTUNE_INTEGER_MIN,
      max: INTUNE_INTEGER_MAX,
    };
    return diag("MDM_NATIVE_INT32", params, where);
  }
  if (typeof decoded?.value === "string" && decoded.type === want) return decoded.value;
  const params = { policy: route.key, omaUri: route.omaUri ?? "", format: route.format ?? "string" };
  return diag("MDM_NATIVE_VALUE", params, where);
}

/**
 * What `make` returns, or undefined with the findings it threw kept (admx-payload.ts, ingestion.ts);
 * `where` names the file and values-file path of a finding that does not name its own.
 */
function settled<T>(
  make: () => T,
  diagnostics: Diagnostic[],
  where: Pick<Diagnostic, "file" | "path"> = {},
): T | undefined {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof AdmxkitError)) throw error;
    diagnostics.push(...error.diagnostics.map((d) => ({ ...where, ...d })));
    return undefined;
  }
}

/** admxPayload's text, or undefined with its diagnostics kept. */
function payloadOf(
  policy: Policy,
  state: PolicyState,
  route: PolicyRoute,
  file: string | undefined,
  diagnostics: Diagnostic[],
): string | undefined {
  const context = { path: [route.section, route.key], ...(file ? { file } : {}) };
  return settled(() => admxPayload(policy, state, context), diagnostics);
}

const STATE_CODES = {
  enabled: "MDM_STATE_ENABLED",
  disabled: "MDM_STATE_DISABLED",
  notConfigured: "MDM_STATE_NOT_CONFIGURED",
} as const;

/** A setting's description in the profile: the policy, its ADMX file and the state set. */
function settingDescription(route: PolicyRoute, locale: LocaleTag): string {
  const state = messageRef(STATE_CODES[route.state.state]);
  return formatMessage(
    "MDM_SETTING_DESCRIPTION",
    { policy: route.key, file: route.origin.admxFile, state },
    locale,
  );
}

/**
 * Compiles a values file for Intune. Errors of the values file (as `pol` reports them) or a custom
 * template Intune would refuse stop it: `files` is then empty and `diagnostics` says why.
 */
export function compileIntune(
  source: IntuneSource,
  values: ValuesFile,
  options: IntuneOptions,
): IntuneResult {
  const locale = options.locale ?? "en-US";
  const file = options.file;
  const compileOptions = { ...(file ? { file } : {}), ...(options.source ? { source: options.source } : {}) };
  // The same checks as `pol`: both sections are checked by one compile.
  const machine = compileValues(source.index, values, "machine", compileOptions);
  const diagnostics: Diagnostic[] = [...machine.diagnostics];
  if (hasErrors(diagnostics)) return { routes: [], files: [], diagnostics };
  if ((values.registry?.machine?.length ?? 0) + (values.registry?.user?.length ?? 0) > 0) {
    diagnostics.push(diag("MDM_REGISTRY_SECTION", {}, file ? { file } : {}, "warning"));
  }

  const routes = planRoutes(source, values);
  diagnostics.push(...refusals(source, routes));
  if (hasErrors(diagnostics)) return { routes, files: [], diagnostics };

  const { settings, commands } = profileSettings(source, routes, options, diagnostics);
  const scripts = remediationFiles(source, values, routes, diagnostics);
  if (hasErrors(diagnostics)) return { routes, files: [], diagnostics };

  const profileDescription = formatMessage("MDM_PROFILE_DESCRIPTION", { file: file ?? "-" }, locale);
  const files = [
    { path: "profile.json", content: profileJson(options.name, profileDescription, settings) },
    { path: "profile.syncml.xml", content: profileSyncml(commands) },
    ...scripts,
  ];
  return { routes, files, diagnostics };
}

/**
 * The profile's settings and SyncML commands, one route at a time: the upload of each ingested
 * template (once) and its policies' payloads, native values, ADMX-backed payloads, and a Delete for
 * each Not Configured policy. What cannot be sent is added to `diagnostics`.
 */
function profileSettings(
  source: IntuneSource,
  routes: readonly PolicyRoute[],
  options: IntuneOptions,
  diagnostics: Diagnostic[],
): { settings: OmaSetting[]; commands: SyncCommand[] } {
  const settings: OmaSetting[] = [];
  const commands: SyncCommand[] = [];
  const ingested = new Set<IngestionSource>();
  const locale = options.locale ?? "en-US";
  const file = options.file;
  const add = (setting: OmaSetting) => {
    settings.push(setting);
    commands.push({ kind: "Replace", setting });
  };
  for (const route of routes) {
    const displayName = options.displayNames?.get(route.policy) ?? route.policy.name;
    const base = { displayName, description: settingDescription(route, locale) };
    if (route.route === "ingestedAdmx") {
      const template = source.templateOf(route.policy);
      if (template === undefined) continue; // refusals() has said why
      const install = settled(() => ingestionSettings(template, route.policy, route.section), diagnostics, {
        file: template.file,
        path: [route.section, route.key],
      });
      if (install === undefined) continue;
      if (!ingested.has(template)) {
        ingested.add(template);
        add(install.install);
      }
      if (route.state.state === "notConfigured") {
        commands.push({ kind: "Delete", omaUri: install.omaUri });
        continue;
      }
      const value = payloadOf(route.policy, route.state, route, file, diagnostics);
      if (value !== undefined) add({ ...base, omaUri: install.omaUri, format: "string", value });
      continue;
    }
    if (route.omaUri === undefined) continue; // remediation, none
    if (route.state.state === "notConfigured") {
      commands.push({ kind: "Delete", omaUri: route.omaUri });
      continue;
    }
    if (route.route === "nativeCsp") {
      const value = nativeValue(route, file);
      if (typeof value === "object") diagnostics.push(value);
      // A state that only removes the value (a disabled text policy): the profile leaves the setting out.
      else if (value === undefined) commands.push({ kind: "Delete", omaUri: route.omaUri });
      else add({ ...base, omaUri: route.omaUri, format: route.format ?? "string", value });
      continue;
    }
    const windows = windowsPolicy(route.policy, route.state);
    const value = payloadOf(windows.policy, windows.state, route, file, diagnostics);
    if (value !== undefined) add({ ...base, omaUri: route.omaUri, format: "string", value });
  }
  return { settings, commands };
}

/** Where each hive's Remediations pair goes: one package per Registry.pol the entries come from. */
const REMEDIATION_FOLDERS = { machine: "remediation", user: "remediation/user" } as const;

/**
 * The Remediations pairs for the policies routed to a script, fed with what `pol` compiles for exactly
 * those policies: the machine ones for HKLM, the user ones for every loaded user hive (remediation.ts).
 */
function remediationFiles(
  source: IntuneSource,
  values: ValuesFile,
  routes: readonly PolicyRoute[],
  diagnostics: Diagnostic[],
): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = [];
  for (const section of ["machine", "user"] as const satisfies readonly PolicyClassName[]) {
    const keys = routes
      .filter((r) => r.route === "remediation" && r.section === section && r.state.state !== "notConfigured")
      .map((r) => r.key);
    if (keys.length === 0) continue;
    const only: ValuesFile = { [section]: Object.fromEntries(keys.map((k) => [k, values[section]![k]!])) };
    const { entries } = compileValues(source.index, only, section);
    const scripts = settled(() => remediationScripts(entries, { hive: section }), diagnostics);
    if (scripts === undefined) continue;
    const folder = REMEDIATION_FOLDERS[section];
    files.push(
      { path: `${folder}/detect.ps1`, content: scripts.detect },
      { path: `${folder}/remediate.ps1`, content: scripts.remediate },
    );
  }
  return files;
}

/** The size of an ADMX upload, in the UTF-8 bytes the profile carries. */
const utf8 = new TextEncoder();

/** Intune's refusals of the custom templates the values file needs ingested (each checked once). */
function refusals(source: IntuneSource, routes: readonly PolicyRoute[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<IngestionSource>();
  for (const route of routes) {
    if (route.route !== "ingestedAdmx") continue;
    const template = source.templateOf(route.policy);
    if (template === undefined) {
      out.push(
        diag("MDM_TEMPLATE_REFUSED", { file: route.origin.admxFile }, { file: route.origin.admxFile }),
      );
      continue;
    }
    if (seen.has(template)) continue;
    seen.add(template);
    const used = new Set(routes.filter((r) => source.templateOf(r.policy) === template).map((r) => r.policy));
    const found = ingestionRefusals(template, used);
    const bytes = utf8.encode(template.admx).length;
    if (bytes > INTUNE_CUSTOM_ADMX_MAX_BYTES) {
      const params = { file: template.file, bytes, max: INTUNE_CUSTOM_ADMX_MAX_BYTES };
      found.push(diag("MDM_INGESTION_FILE_SIZE", params, { file: template.file }));
    }
    out.push(...found);
    if (!hasErrors(found)) continue;
    const builtIn =
      template.namespace !== undefined && source.builtInNamespaces?.includes(template.namespace);
    out.push(
      diag(
        builtIn ? "MDM_BUILT_IN_TEMPLATE" : "MDM_TEMPLATE_REFUSED",
        { file: template.file },
        { file: template.file },
      ),
    );
  }
  if (seen.size > INTUNE_CUSTOM_ADMX_MAX_FILES) {
    const files = [...seen].map((t) => t.file).join(", ");
    const params = { count: seen.size, max: INTUNE_CUSTOM_ADMX_MAX_FILES, files };
    out.push(diag("MDM_INGESTION_FILE_COUNT", params));
  }
  return out;
}
