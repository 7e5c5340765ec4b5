import { assertNever, type ConditionExpr } from "./ast.js";

const PRECEDENCE: Record<ConditionExpr["type"], number> = {
  ConditionOr: 0,
  ConditionAnd: 1,
  ConditionNot: 2,
  ConditionSelector: 3,
  ConditionIdentifier: 3,
};

type Rename = (name: string) => string;

function operand(expr: ConditionExpr, min: number, rename: Rename, them: string): string {
  const text = printCondition(expr, rename, them);
  return PRECEDENCE[expr.type] < min ? `(${text})` : text;
}

/**
 * A condition as text with only the parentheses precedence needs. `rename` maps identifiers and
 * patterns; `them` is what `x of them` quantifies over.
 */
export function printCondition(expr: ConditionExpr, rename: Rename = (n) => n, them = "them"): string {
  switch (expr.type) {
    case "ConditionOr":
      return expr.operands.map((o) => operand(o, 1, rename, them)).join(" or ");
    case "ConditionAnd":
      return expr.operands.map((o) => operand(o, 2, rename, them)).join(" and ");
    case "ConditionNot":
      return `not ${operand(expr.operand, 2, rename, them)}`;
    case "ConditionIdentifier":
      return rename(expr.name);
    case "ConditionSelector":
      return `${expr.quantifier === "all" ? "all" : "1"} of ${expr.pattern === null ? them : rename(expr.pattern)}`;
    default:
      return assertNever(expr);
  }
}
