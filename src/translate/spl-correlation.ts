import type { CountOp } from "../sigma/model.js";
import type { Command, Expr, SearchValue } from "../spl/ast.js";

/** `stats count by …` (or `dc(f)`) followed by a threshold on it: the shape of a Sigma count correlation. */
export interface CorrelationShape {
  readonly type: "event_count" | "value_count";
  readonly field: string | null;
  readonly groupBy: readonly string[];
  readonly op: CountOp;
  readonly value: number;
  /** What follows the threshold, kept as written. */
  readonly after: readonly Command[];
}

const OPS: Record<string, CountOp> = { ">": "gt", ">=": "gte", "<": "lt", "<=": "lte", "=": "eq", "==": "eq", "!=": "neq" };

/** Reads `| stats count [as n] by a b | where n > 5` (or `dc(f)`, or `| search n>5`) after the filter. */
export function correlationShape(rest: readonly Command[]): CorrelationShape | null {
  const [stats, threshold, ...after] = rest;
  if (stats?.type !== "StatsCommand" || stats.name !== "stats" || stats.options.length || stats.by.length === 0) return null;
  const [agg, ...others] = stats.aggregations;
  if (!agg || others.length) return null;
  const fn = agg.fn.toLowerCase();
  const arg = agg.args?.[0];
  const field = arg?.type === "FieldName" ? arg.name : null;
  const type = fn === "count" && !agg.args?.length ? "event_count" : (fn === "dc" || fn === "distinct_count") && field && agg.args?.length === 1 ? "value_count" : null;
  if (!type) return null;
  const name = agg.alias?.name ?? (type === "event_count" ? "count" : `${fn}(${field})`);
  const condition = threshold ? thresholdOf(threshold, name) : null;
  if (!condition) return null;
  return { type, field: type === "value_count" ? field : null, groupBy: stats.by.map((f) => f.name), ...condition, after };
}

function thresholdOf(cmd: Command, name: string): { op: CountOp; value: number } | null {
  if (cmd.type === "WhereCommand" && cmd.expr.type === "Binary" && cmd.expr.left.type === "FieldRef" && cmd.expr.left.name === name) {
    const value = numberOf(cmd.expr.right);
    const op = OPS[cmd.expr.op];
    return value !== null && op ? { op, value } : null;
  }
  if (cmd.type === "SearchCommand" && cmd.expr?.type === "SearchCompare" && cmd.expr.field.name === name) {
    const value = wordNumber(cmd.expr.value);
    const op = OPS[cmd.expr.op];
    return value !== null && op ? { op, value } : null;
  }
  return null;
}

function numberOf(e: Expr): number | null {
  if (e.type === "NumberLit") return e.value;
  return e.type === "Unary" && e.op === "-" && e.operand.type === "NumberLit" ? -e.operand.value : null;
}

function wordNumber(v: SearchValue): number | null {
  return v.type === "Word" && /^-?\d+(\.\d+)?$/.test(v.value) ? Number(v.value) : null;
}
