import type { FieldSource } from "../ir/compile.js";

/**
 * A result row of the SPL pipeline: field → value; a missing or null field has no entry. A multivalue field
 * is an array. Values are text or numbers (Splunk treats numeric text as numbers where it matters).
 */
export type Scalar = string | number;
export type FieldValue = Scalar | readonly Scalar[];
export type Row = Map<string, FieldValue>;

/** Rows as a field source, so search syntax after the first stage (`| search count>5`) runs on them. */
export const ROW_SOURCE: FieldSource<Row> = {
  field: (name) => (row) => row.get(name),
  leaves: (row) => [...row.values()].flat(),
  raw: (row) => {
    const raw = row.get("_raw");
    return typeof raw === "string" ? raw : "";
  },
};

/** The values of a field as a list (empty when missing). */
export function valuesOf(v: FieldValue | undefined): readonly Scalar[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v as Scalar];
}

export function scalarText(v: Scalar): string {
  return typeof v === "number" ? numberText(v) : v;
}

/** Splunk prints integers without a fraction and other numbers with their shortest decimal text. */
export function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** A number from a scalar that is a number or numeric text. */
export function scalarNumber(v: Scalar | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v === undefined) return null;
  const t = v.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * Splunk's order for sort, stats groups and min/max: numbers (and numeric text) numerically and before text;
 * text lexicographically.
 */
export function compareScalars(a: Scalar, b: Scalar): number {
  const x = scalarNumber(a);
  const y = scalarNumber(b);
  if (x !== null && y !== null) return x - y;
  if (x !== null) return -1;
  if (y !== null) return 1;
  const s = scalarText(a);
  const t = scalarText(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Field-name patterns of `table`, `fields`, `rename`: `*` matches any run of characters. */
export function fieldPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("(.*)")}$`);
}
