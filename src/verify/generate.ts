import { assertNeverIr, type IrExpr, type IrPattern } from "../ir/types.js";
import type { LogsourceDefinition } from "../profiles/types.js";

type Value = string | number;
export type GeneratedEvent = Record<string, Value>;

/** A pattern's text with each wildcard filled by `fill` (one character for `?`). */
function sample(p: IrPattern, fill: string): string {
  return p.parts.map((part) => (typeof part === "string" ? part : part.type === "IrAnyChars" ? fill : "x")).join("");
}

/**
 * The values on the boundary of a pattern: the shortest match, the wildcards filled with one and with several
 * characters, a case variant, and near misses (a character added before and after, the last one dropped).
 */
function patternValues(p: IrPattern): string[] {
  const shortest = sample(p, "");
  return [shortest, sample(p, "q"), sample(p, "qz-Q"), shortest.toUpperCase(), shortest.toLowerCase(), `a${shortest}`, `${shortest}a`, shortest.slice(0, -1)];
}

/** Every field the expressions test, with the values worth trying, in order of appearance. */
function fieldValues(expr: IrExpr, into: Map<string, Value[]>): void {
  const add = (field: string, values: readonly Value[]): void => {
    const known = into.get(field) ?? [];
    for (const v of values) if (!known.includes(v)) known.push(v);
    into.set(field, known);
  };
  switch (expr.type) {
    case "IrAnd":
    case "IrOr":
      expr.operands.forEach((o) => fieldValues(o, into));
      return;
    case "IrNot":
      fieldValues(expr.operand, into);
      return;
    case "IrMatch":
      add(expr.field, patternValues(expr.pattern));
      return;
    case "IrCompare":
      add(expr.field, [expr.value - 1, expr.value, expr.value + 1]);
      return;
    case "IrCidr":
      add(expr.field, [expr.network.split("/")[0]!, "203.0.113.7"]);
      return;
    case "IrExists":
      add(expr.field, ["present", ""]);
      return;
    case "IrFieldRef":
      add(expr.field, ["same"]);
      add(expr.other, ["same", "other"]);
      return;
    case "IrRegex": case "IrTimePart": case "IrKeyword": case "IrRawTerm": case "IrConst": case "IrUnsupported":
      return;
    default:
      assertNeverIr(expr);
  }
}

/**
 * Events on the boundaries of the given expressions (deterministic): one with every field at its first value
 * and the logsource's defining fields, then, for each field, one per other value and one without the field.
 * Fields the environment sets (`environment`) are never generated.
 */
export function boundaryEvents(exprs: readonly IrExpr[], logsource: LogsourceDefinition | null, limit: number, environment: readonly string[] = []): GeneratedEvent[] {
  const fields = new Map<string, Value[]>();
  for (const e of exprs) fieldValues(e, fields);
  // The environment and the logsource's defining fields stay as they are: they say where events come from.
  const fixed: GeneratedEvent = {};
  for (const [field, values] of Object.entries(logsource?.conditions ?? {})) fixed[field] = values[0]!;
  for (const f of [...environment, ...Object.keys(fixed)]) fields.delete(f);
  const bases = [firstValues(fixed, fields), joinedSamples(fixed, exprs, fields)];
  const events: GeneratedEvent[] = [...bases];
  for (const base of bases) {
    for (const [field, values] of fields) {
      for (const value of values) if (value !== base[field]) events.push({ ...base, [field]: value });
      const { [field]: _dropped, ...without } = base;
      events.push(without);
    }
  }
  const unique = [...new Map(events.map((e) => [JSON.stringify(e), e])).values()];
  return unique.slice(0, limit);
}

function firstValues(fixed: GeneratedEvent, fields: ReadonlyMap<string, Value[]>): GeneratedEvent {
  const base: GeneratedEvent = { ...fixed };
  for (const [field, values] of fields) base[field] = values[0]!;
  return base;
}

/**
 * A field that several patterns must match at once (`contains|all`, `a* AND *b`) gets their samples joined
 * in order, prefixes first and suffixes last, so one event can satisfy them all.
 */
function joinedSamples(fixed: GeneratedEvent, exprs: readonly IrExpr[], fields: ReadonlyMap<string, Value[]>): GeneratedEvent {
  const patterns = new Map<string, IrPattern[]>();
  const collect = (e: IrExpr): void => {
    if (e.type === "IrAnd" || e.type === "IrOr") e.operands.forEach(collect);
    else if (e.type === "IrMatch") patterns.set(e.field, [...(patterns.get(e.field) ?? []), e.pattern]);
  };
  exprs.forEach(collect);
  const base = firstValues(fixed, fields);
  for (const [field, list] of patterns) {
    if (!fields.has(field) || list.length < 2) continue;
    const rank = (p: IrPattern): number => {
      const first = p.parts[0];
      const last = p.parts[p.parts.length - 1];
      const opensWild = first !== undefined && typeof first !== "string";
      const closesWild = last !== undefined && typeof last !== "string";
      return !opensWild ? 0 : !closesWild ? 2 : 1;
    };
    base[field] = [...list].sort((x, y) => rank(x) - rank(y)).map((p) => sample(p, "")).join("");
  }
  return base;
}
