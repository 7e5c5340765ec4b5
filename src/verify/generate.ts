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

/** A leaf of an expression in negation normal form, with its sign. */
interface Literal {
  readonly expr: IrExpr;
  readonly positive: boolean;
}

/** Up to `cap` conjunctions of literals whose OR is the expression (its disjunctive normal form, cut short). */
function disjuncts(expr: IrExpr, positive: boolean, cap: number): Literal[][] {
  if (expr.type === "IrNot") return disjuncts(expr.operand, !positive, cap);
  const isOr = (expr.type === "IrOr" && positive) || (expr.type === "IrAnd" && !positive);
  const isAnd = (expr.type === "IrAnd" && positive) || (expr.type === "IrOr" && !positive);
  if (isOr) return (expr as { operands: readonly IrExpr[] }).operands.flatMap((o) => disjuncts(o, positive, cap)).slice(0, cap);
  if (isAnd) {
    let terms: Literal[][] = [[]];
    for (const o of (expr as { operands: readonly IrExpr[] }).operands) {
      const options = disjuncts(o, positive, cap);
      terms = terms.flatMap((t) => options.map((opt) => [...t, ...opt])).slice(0, cap);
    }
    return terms;
  }
  return [[{ expr, positive }]];
}

/** The field generated events put keywords in. */
export const KEYWORD_FIELD = "Message";

/** Sorts patterns so that a fixed start comes first and a fixed end last: their samples join into one match. */
function rank(p: IrPattern): number {
  const first = p.parts[0];
  const last = p.parts[p.parts.length - 1];
  const opensWild = first !== undefined && typeof first !== "string";
  const closesWild = last !== undefined && typeof last !== "string";
  return !opensWild ? 0 : !closesWild ? 2 : 1;
}

/** An event meant to satisfy one conjunction: each positive field gets one value that all its patterns match. */
function satisfying(term: readonly Literal[], fixed: GeneratedEvent, environment: ReadonlySet<string>): GeneratedEvent {
  const event: GeneratedEvent = { ...fixed };
  const patterns = new Map<string, IrPattern[]>();
  // Keywords and raw terms are searched in the whole event: one free-text field carries them, space-separated.
  const words = term.filter((l) => l.positive && (l.expr.type === "IrKeyword" || l.expr.type === "IrRawTerm"));
  if (words.length) event[KEYWORD_FIELD] = words.map((l) => sample((l.expr as { pattern: IrPattern }).pattern, "")).join(" ");
  for (const { expr, positive } of term) {
    if (!positive || !("field" in expr) || typeof expr.field !== "string" || environment.has(expr.field) || expr.field in fixed) continue;
    if (expr.type === "IrMatch") patterns.set(expr.field, [...(patterns.get(expr.field) ?? []), expr.pattern]);
    else {
      const values = new Map<string, Value[]>();
      fieldValues(expr, values);
      const first = values.get(expr.field)?.[0];
      if (first !== undefined) event[expr.field] = first;
    }
  }
  for (const [field, list] of patterns) {
    const unique = [...new Map(list.map((p) => [JSON.stringify(p), p])).values()];
    event[field] = unique.sort((x, y) => rank(x) - rank(y)).map((p) => sample(p, "")).join("");
  }
  return event;
}

/** Values near an event's value: case flipped, a character added at either end, the last one dropped. */
function nearValues(value: Value): Value[] {
  if (typeof value === "number") return [value - 1, value + 1];
  return [value.toUpperCase(), value.toLowerCase(), `a${value}`, `${value}a`, value.slice(0, -1)];
}

/**
 * Events on the boundaries of the given expressions (deterministic). For each conjunction of their disjunctive
 * normal forms, one event meant to satisfy it; then, from each, one field at a time: set to each value worth
 * trying for it, moved just off its value, or left out. The logsource's defining fields and the fields the
 * environment sets (`environment`) are never changed.
 */
export function boundaryEvents(exprs: readonly IrExpr[], logsource: LogsourceDefinition | null, limit: number, environment: readonly string[] = []): GeneratedEvent[] {
  const fields = new Map<string, Value[]>();
  for (const e of exprs) fieldValues(e, fields);
  const fixed: GeneratedEvent = {};
  for (const [field, values] of Object.entries(logsource?.conditions ?? {})) fixed[field] = values[0]!;
  const frozen = new Set([...environment, ...Object.keys(fixed)]);
  for (const f of frozen) fields.delete(f);
  const bases = exprs.flatMap((e) => disjuncts(e, true, 8).map((term) => satisfying(term, fixed, frozen)));
  const events: GeneratedEvent[] = [...bases];
  for (const base of bases) {
    for (const [field, values] of fields) {
      const current = base[field];
      for (const value of [...(current === undefined ? [] : nearValues(current)), ...values]) if (value !== current) events.push({ ...base, [field]: value });
      const { [field]: _dropped, ...without } = base;
      events.push(without);
    }
  }
  const unique = [...new Map(events.map((e) => [JSON.stringify(e), e])).values()];
  return unique.slice(0, limit);
}
