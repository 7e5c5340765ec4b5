import yaml from "js-yaml";

/**
 * Plain-scalar typing as pySigma sees it: PyYAML's YAML 1.1 resolvers for null, bool, int and
 * float, but no timestamp resolver, so `date: 2023-01-01` stays the text the author wrote.
 * See src/sigma/README.md ("YAML typing").
 */
const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT_RE = /^(?:[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_RE =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const TRUE_WORDS = new Set(["yes", "true", "on"]);

/** Base-60 digits (`1:20` is 80), as PyYAML reads them. */
function sexagesimal(text: string): number {
  return text.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
}

function constructInt(data: string): number {
  const text = data.replace(/_/g, "");
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.replace(/^[-+]/, "");
  if (digits.startsWith("0b")) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith("0x")) return sign * parseInt(digits.slice(2), 16);
  if (digits.includes(":")) return sign * sexagesimal(digits);
  if (digits.length > 1 && digits.startsWith("0")) return sign * parseInt(digits, 8);
  return sign * Number(digits);
}

function constructFloat(data: string): number {
  const text = data.replace(/_/g, "").toLowerCase();
  if (text.endsWith(".nan")) return NaN;
  const sign = text.startsWith("-") ? -1 : 1;
  const body = text.replace(/^[-+]/, "");
  if (body === ".inf") return sign * Infinity;
  if (body.includes(":")) return sign * sexagesimal(body);
  return sign * Number(body);
}

const nullType = new yaml.Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string) => NULL_RE.test(data),
  construct: () => null,
});
const boolType = new yaml.Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (data: string) => BOOL_RE.test(data),
  construct: (data: string) => TRUE_WORDS.has(data.toLowerCase()),
});
const intType = new yaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string) => INT_RE.test(data),
  construct: constructInt,
});
const floatType = new yaml.Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: string) => FLOAT_RE.test(data),
  construct: constructFloat,
});

export const SIGMA_YAML_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/** How a plain scalar types under YAML 1.2 (js-yaml's core schema), for the ambiguity warning. */
export function yaml12Value(text: string): unknown {
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch {
    return text;
  }
}

const MAY_DIFFER = /^[-+.0-9yYnNoO]/;

/** A plain scalar whose type differs between YAML 1.1 (pySigma) and YAML 1.2 (most other tools). */
export function typingDiffers(raw: string, value: unknown): boolean {
  if (!MAY_DIFFER.test(raw) || raw.includes("\n")) return false;
  const other = yaml12Value(raw);
  return !Object.is(other, value) && !(typeof other === "number" && typeof value === "number" && Number.isNaN(other) && Number.isNaN(value));
}

/** Whether `text` written as a plain scalar would load back as this very string. */
export function loadsAsString(text: string): boolean {
  return !(NULL_RE.test(text) || BOOL_RE.test(text) || INT_RE.test(text) || FLOAT_RE.test(text));
}
