import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatPath, type YamlPath } from "../yaml/nodes.js";
import { type SourceMap, spanOf } from "../yaml/locate-span.js";
import common from "./common.schema.json" with { type: "json" };
import correlation from "./correlation.schema.json" with { type: "json" };
import filter from "./filter.schema.json" with { type: "json" };
import rule from "./rule.schema.json" with { type: "json" };

export type DocumentKind = "rule" | "correlation" | "filter";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Compiled once per process: compiling is the expensive part of ajv. */
let validators: Record<DocumentKind, ValidateFunction> | undefined;

function compiled(): Record<DocumentKind, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, strictRequired: false });
  ajv.addFormat("uuid", UUID);
  // Our annotation: the phrase an error message uses for what was expected.
  ajv.addKeyword({ keyword: "errorText", schemaType: "string" });
  ajv.addSchema(common);
  validators = { rule: ajv.compile(rule), correlation: ajv.compile(correlation), filter: ajv.compile(filter) };
  return validators;
}

/** Validates a loaded document against our own JSON Schema of its kind. */
export function schemaDiagnostics(kind: DocumentKind, value: unknown, map: SourceMap): Diagnostic[] {
  const validate = compiled()[kind];
  if (validate(value)) return [];
  return relevant(validate.errors ?? []).map((e) => toDiagnostic(e, value, map));
}

const within = (path: string, outer: string): boolean => path === outer || path.startsWith(`${outer}/`);

/**
 * Drops the noise of ajv's `allErrors`: `if` markers, and everything at or below a failed
 * `anyOf` (its branches' errors), which is reported once with the expected shapes.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === "anyOf");
  return errors.filter((e) => e.keyword !== "if" && !anyOfs.some((a) => a !== e && within(e.instancePath, a.instancePath)));
}

function dataPath(pointer: string, value: unknown): YamlPath {
  const path: (string | number)[] = [];
  let here = value;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const key = Array.isArray(here) ? Number(seg) : seg;
    path.push(key);
    here = (here as Record<string | number, unknown> | undefined)?.[key];
  }
  return path;
}

interface Explained {
  readonly code: string;
  readonly message: string;
  /** The path below the failing node that the message is about (a missing or unknown key). */
  readonly child?: string | number;
}

function toDiagnostic(e: ErrorObject, value: unknown, map: SourceMap): Diagnostic {
  const base = dataPath(e.instancePath, value);
  const { code, message, child } = explain(e);
  const path = child === undefined ? base : [...base, child];
  const span = e.keyword === "required" ? spanOf(map, base) : spanOf(map, path, e.keyword === "additionalProperties");
  return { code, severity: "error", message, span, path: formatPath(path) };
}

function describe(data: unknown): string {
  if (data === null) return "null";
  if (Array.isArray(data)) return "a list";
  if (typeof data === "object") return "a map";
  return `${typeof data} ${JSON.stringify(data)}`;
}

const TYPE_WORDS: Record<string, string> = { array: "a list", object: "a map", string: "a string", number: "a number", integer: "an integer", boolean: "true or false" };

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(" or ");
}

function explain(e: ErrorObject): Explained {
  const p = e.params as Record<string, unknown>;
  const expected = (e.parentSchema as { errorText?: string } | undefined)?.errorText;
  switch (e.keyword) {
    case "required":
      return { code: "SIG2001", message: `missing required key '${String(p.missingProperty)}'`, child: String(p.missingProperty) };
    case "additionalProperties":
      return { code: "SIG2007", message: `unknown key '${String(p.additionalProperty)}'`, child: String(p.additionalProperty) };
    case "type":
      return { code: "SIG2002", message: `expected ${typeWords(p.type)}, found ${describe(e.data)}` };
    case "anyOf":
      return { code: "SIG2002", message: `expected ${expected ?? "another shape"}, found ${describe(e.data)}` };
    case "enum":
      return { code: "SIG2003", message: `${describe(e.data)} is not one of: ${(p.allowedValues as unknown[]).join(", ")}` };
    case "pattern":
      return { code: "SIG2004", message: `${describe(e.data)} is not ${expected ?? `of the form ${String(p.pattern)}`}` };
    case "format":
      return { code: "SIG2004", message: `${describe(e.data)} is not a ${String(p.format).toUpperCase()}` };
    case "uniqueItems":
      return { code: "SIG2006", message: `entries ${String(p.j)} and ${String(p.i)} are the same`, child: Math.max(Number(p.i), Number(p.j)) };
    default:
      return { code: "SIG2005", message: e.message ?? e.keyword };
  }
}
