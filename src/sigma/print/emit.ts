import { loadsAsString, typingDiffers } from "../yaml/scalars.js";
import type { Scalar } from "../values/types.js";

/**
 * A tiny YAML emitter in SigmaHQ's layout: 4-space indentation, list items indented under their
 * key, the first key of a map in a list on the dash line.
 */
export type YNode = YScalar | YSeq | YMap;

/**
 * `plain` writes strings unquoted where that reads back as the same string; `quoted` always
 * single-quotes them; `date` is `plain` that also leaves dates bare (`date: 2024-01-31`), as SigmaHQ does.
 */
export type StringStyle = "plain" | "quoted" | "date";

export interface YScalar {
  readonly type: "YScalar";
  readonly value: Scalar;
  readonly style: StringStyle;
}

export interface YSeq {
  readonly type: "YSeq";
  readonly items: readonly YNode[];
}

export interface YMap {
  readonly type: "YMap";
  readonly entries: readonly (readonly [string, YNode])[];
}

export const scalar = (value: Scalar, style: StringStyle = "quoted"): YScalar => ({ type: "YScalar", value, style });
export const seq = (items: readonly YNode[]): YSeq => ({ type: "YSeq", items });
export const map = (entries: readonly (readonly [string, YNode])[]): YMap => ({ type: "YMap", entries });

const INDENT = 4;
const pad = (n: number): string => " ".repeat(n);
const NEEDS_ESCAPES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\r]/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const TIMESTAMP_LIKE = /^\d{4}-\d\d?-\d\d?/;

function plainSafe(s: string, dateAllowed = false): boolean {
  return (
    s !== "" &&
    !INDICATOR_START.test(s) &&
    !/\s$/.test(s) &&
    !s.includes(": ") &&
    !s.includes(" #") &&
    !s.endsWith(":") &&
    !s.includes("\t") &&
    loadsAsString(s) &&
    !typingDiffers(s, s) &&
    (dateAllowed || !TIMESTAMP_LIKE.test(s))
  );
}

function doubleQuoted(s: string): string {
  const escaped = s.replace(/[\\"]/g, "\\$&").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => {
    const code = c.charCodeAt(0);
    return code === 10 ? "\\n" : code === 9 ? "\\t" : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  return `"${escaped}"`;
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (!Number.isFinite(n)) return n > 0 ? ".inf" : "-.inf";
  const text = String(n);
  // YAML 1.1 floats need a dot: `1e-7` would read back as a string.
  return /e/.test(text) && !text.includes(".") ? text.replace("e", ".0e") : text;
}

/** A scalar as text: one line, or a literal block (`|`) whose body lines follow. */
function scalarText(node: YScalar): { head: string; body: readonly string[] } {
  const v = node.value;
  if (v === null) return { head: "null", body: [] };
  if (typeof v === "boolean") return { head: String(v), body: [] };
  if (typeof v === "number") return { head: numberText(v), body: [] };
  if (NEEDS_ESCAPES.test(v)) return { head: doubleQuoted(v), body: [] };
  if (v.includes("\n")) return literalBlock(v);
  if (node.style !== "quoted" && plainSafe(v, node.style === "date")) return { head: v, body: [] };
  return { head: `'${v.replace(/'/g, "''")}'`, body: [] };
}

function literalBlock(v: string): { head: string; body: readonly string[] } {
  if (/^[ \n]/.test(v)) return { head: doubleQuoted(v), body: [] };
  const trailing = v.length - v.replace(/\n+$/, "").length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const lines = v.replace(/\n$/, "").split("\n");
  return { head: `|${chomp}`, body: lines };
}

/** Lines of `node` as the value after `prefix` (a key and colon, or a dash) at column `indent`. */
function valueLines(prefix: string, node: YNode, indent: number): string[] {
  if (node.type === "YScalar") {
    const { head, body } = scalarText(node);
    return [`${prefix} ${head}`, ...body.map((l) => (l ? `${pad(indent + INDENT)}${l}` : ""))];
  }
  if (node.type === "YSeq" && node.items.length === 0) return [`${prefix} []`];
  if (node.type === "YMap" && node.entries.length === 0) return [`${prefix} {}`];
  return [prefix, ...nodeLines(node, indent + INDENT)];
}

function keyText(key: string): string {
  return plainSafe(key) && !key.includes("#") ? key : `'${key.replace(/'/g, "''")}'`;
}

function nodeLines(node: YSeq | YMap, indent: number): string[] {
  if (node.type === "YMap") return node.entries.flatMap(([k, v]) => valueLines(`${pad(indent)}${keyText(k)}:`, v, indent));
  return node.items.flatMap((item) => itemLines(item, indent));
}

/** A list item: scalars after the dash; a map or list starts on the dash line, two columns in. */
function itemLines(item: YNode, indent: number): string[] {
  const dash = `${pad(indent)}-`;
  const nonEmpty = (item.type === "YMap" && item.entries.length > 0) || (item.type === "YSeq" && item.items.length > 0);
  if (!nonEmpty) return valueLines(dash, item, indent);
  const [first = "", ...rest] = nodeLines(item as YSeq | YMap, indent + 2);
  return [`${dash} ${first.slice(indent + 2)}`, ...rest];
}

/** The YAML text of a document (a map), ending with a newline. */
export function emitYaml(doc: YMap): string {
  return `${nodeLines(doc, 0).join("\n")}\n`;
}
