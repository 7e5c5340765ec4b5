import { roundRobin, take } from "./iterate.js";
import type { IrExpr } from "../../ir/types.js";

/** A leaf of an expression in negation normal form, with its sign. */
export interface Literal {
  readonly expr: IrExpr;
  readonly positive: boolean;
}

/**
 * Up to `cap` conjunctions of literals whose OR is the expression (its disjunctive normal form, cut short). Cut
 * short evenly: an OR takes its operands' conjunctions in turn, and an AND combines its operands' options
 * diagonally (the i-th conjunction takes each operand's i-th option), so every option of every operand shows
 * up in some conjunction before any is repeated, however long the lists.
 */
export function disjuncts(expr: IrExpr, positive: boolean, cap: number): Literal[][] {
  if (expr.type === "IrNot") return disjuncts(expr.operand, !positive, cap);
  const isOr = (expr.type === "IrOr" && positive) || (expr.type === "IrAnd" && !positive);
  const isAnd = (expr.type === "IrAnd" && positive) || (expr.type === "IrOr" && !positive);
  if (!isOr && !isAnd) return [[{ expr, positive }]];
  const options = (expr as { operands: readonly IrExpr[] }).operands.map((o) => disjuncts(o, positive, cap));
  if (isOr) return take(roundRobin(options), cap);
  const width = Math.min(cap, Math.max(1, ...options.map((o) => o.length)));
  if (options.some((o) => o.length === 0)) return [];
  return Array.from({ length: width }, (_, i) => options.flatMap((o) => o[i % o.length]!));
}

/** The operand of every NOT in the expression, outermost first: what an event must satisfy to flip that NOT. */
export function negatedOperands(expr: IrExpr, into: IrExpr[] = []): IrExpr[] {
  if (expr.type === "IrNot") {
    into.push(expr.operand);
    negatedOperands(expr.operand, into);
  } else if (expr.type === "IrAnd" || expr.type === "IrOr") expr.operands.forEach((o) => negatedOperands(o, into));
  return into;
}
