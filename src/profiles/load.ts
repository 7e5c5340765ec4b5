import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject } from "ajv";
import yaml from "js-yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import logsourcesSchema from "./logsources.schema.json" with { type: "json" };
import profileSchema from "./profile.schema.json" with { type: "json" };
import type { LogsourceDefinition, LogsourceKeys, Profile } from "./types.js";

/** The profiles shipped in `rules/profiles/`, found from the compiled module (dist/profiles → rules). */
export const PROFILES_DIR = fileURLToPath(new URL("../../rules/profiles/", import.meta.url));
export const SHIPPED_PROFILES = ["splunk-windows", "sysmon", "none"] as const;
/** What users of the reference converter get, so switching to sigspl brings no surprise. */
export const DEFAULT_PROFILE = "splunk-windows";

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validateProfile = ajv.compile(profileSchema);
const validateLogsources = ajv.compile(logsourcesSchema);

export type Loaded<T> = { readonly value: T; readonly diagnostics: readonly [] } | { readonly value: null; readonly diagnostics: readonly Diagnostic[] };

/** A shipped profile by name, or a profile file by path. */
export function loadProfile(nameOrPath: string): Loaded<Profile> {
  const file = existsSync(nameOrPath) ? nameOrPath : `${PROFILES_DIR}${nameOrPath}.yml`;
  if (!existsSync(file)) {
    return fail(file, "PRF1001", `no profile named "${nameOrPath}" (shipped: ${SHIPPED_PROFILES.join(", ")}) and no such file`);
  }
  const doc = readYaml(file);
  if (!doc.ok) return fail(file, "PRF1002", doc.message);
  if (!validateProfile(doc.value)) return { value: null, diagnostics: schemaErrors(file, validateProfile.errors ?? []) };
  return { value: toProfile(doc.value as unknown as RawProfile), diagnostics: [] };
}

const definitionsByFile = new Map<string, Loaded<LogsourceDefinition[]>>();

/** Sigma's logsource definitions (which events a logsource stands for), shared by every profile; read once per file. */
export function loadLogsourceDefinitions(file = `${PROFILES_DIR}logsources.yml`): Loaded<LogsourceDefinition[]> {
  const known = definitionsByFile.get(file);
  if (known) return known;
  const loaded = readLogsourceDefinitions(file);
  definitionsByFile.set(file, loaded);
  return loaded;
}

function readLogsourceDefinitions(file: string): Loaded<LogsourceDefinition[]> {
  const doc = readYaml(file);
  if (!doc.ok) return fail(file, "PRF1002", doc.message);
  if (!validateLogsources(doc.value)) return { value: null, diagnostics: schemaErrors(file, validateLogsources.errors ?? []) };
  const raw = doc.value as { logsources: (LogsourceKeys & { conditions: Record<string, string | number | (string | number)[]> })[] };
  return {
    value: raw.logsources.map(({ conditions, ...logsource }) => ({
      logsource,
      conditions: Object.fromEntries(Object.entries(conditions).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
    })),
    diagnostics: [],
  };
}

interface RawProfile {
  name: string;
  description: string;
  field_names?: Record<string, string>;
  values?: Record<string, Record<string, string | number>>;
  logsources?: (LogsourceKeys & { search: string })[];
  splunk_view?: { fields?: Record<string, string | string[]>; constants?: Record<string, string> };
}

function toProfile(raw: RawProfile): Profile {
  return {
    name: raw.name,
    description: raw.description,
    fieldNames: raw.field_names ?? {},
    values: Object.fromEntries(Object.entries(raw.values ?? {}).map(([f, m]) => [f, Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)]))])),
    logsources: (raw.logsources ?? []).map(({ search, ...logsource }) => ({ logsource, search })),
    splunkView: {
      fields: Object.fromEntries(Object.entries(raw.splunk_view?.fields ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
      constants: raw.splunk_view?.constants ?? {},
    },
  };
}

function readYaml(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: yaml.load(readFileSync(file, "utf8")) };
  } catch (e) {
    return { ok: false, message: `not valid YAML: ${(e as Error).message.split("\n")[0]}` };
  }
}

function fail(file: string, code: string, message: string): { value: null; diagnostics: Diagnostic[] } {
  return { value: null, diagnostics: [{ code, severity: "error", message, file }] };
}

/** One diagnostic per schema error, with the YAML path of the offending node. */
function schemaErrors(file: string, errors: readonly ErrorObject[]): Diagnostic[] {
  // The branches of an anyOf each fail on their own; only the anyOf itself says what is wrong.
  return errors.filter((e) => !e.schemaPath.includes("/anyOf/")).map((e) => {
    const path = e.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
    const message = e.keyword === "anyOf" ? "needs at least one of product, category, service" : (e.message ?? "is invalid");
    return { code: "PRF1003", severity: "error", message: `${path || "the profile"} ${message}`, file, ...(path ? { path } : {}) };
  });
}
