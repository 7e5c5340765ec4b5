/**
 * How a JSON value reads as text for matching: strings as they are, numbers by their shortest decimal text
 * (`4688`, `1.5`), booleans as `true`/`false`. Objects and null have no text and never match.
 */
export function toText(v: unknown): string | null {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return String(v);
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return v.toString();
    default:
      return null;
  }
}

/** A number when the value is a number or numeric text (whitespace around allowed); otherwise null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = v.trim();
  if (t === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^0x[0-9a-fA-F]+$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * A test over one value, lifted to a field: false when the field is missing or null, and on a list true when
 * any (non-null) element passes — the IR's multi-value rule.
 */
export function anyValue<E>(get: (e: E) => unknown, test: (v: unknown) => boolean): (e: E) => boolean {
  return (e) => {
    const v = get(e);
    if (v === undefined || v === null) return false;
    if (!Array.isArray(v)) return test(v);
    for (const x of v) if (x !== null && x !== undefined && test(x)) return true;
    return false;
  };
}

/** Every value of a field as text (one for a scalar, each element for a list). */
export function textsOf(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    const t = toText(v);
    return t === null ? [] : [t];
  }
  return v.flatMap((x) => textsOf(x));
}
