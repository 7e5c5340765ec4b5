import type { IToken } from "chevrotain";
import type { Span } from "../../diagnostics/diagnostic.js";
import type { BinaryOp, Expr } from "../ast.js";
import { COMPARE_PRECEDENCE, EXPR_PRECEDENCE, NEGATE_PRECEDENCE, NOT_PRECEDENCE } from "../precedence.js";

export type ExprItem =
  | { readonly kind: "prefix"; readonly op: "NOT" | "-" | "+"; readonly tok: IToken }
  | { readonly kind: "operand"; readonly expr: Expr }
  | { readonly kind: "infix"; readonly op: BinaryOp }
  | { readonly kind: "in"; readonly list: readonly Expr[]; readonly end: Span };

/**
 * The grammar reads an eval expression as a flat sequence — prefixes, operands, infix operators, `IN (…)` —
 * and this builds the tree by precedence climbing: one rule invocation per operand instead of one per
 * precedence level.
 */
export function foldExpression(items: readonly ExprItem[], spanOf: (start: Span, end: Span) => Span, tokSpan: (t: IToken) => Span): Expr {
  let at = 0;
  const climb = (min: number): Expr => {
    const first = items[at++]!;
    let left: Expr;
    if (first.kind === "prefix") {
      const operand = climb(first.op === "NOT" ? NOT_PRECEDENCE : NEGATE_PRECEDENCE);
      left = { type: "Unary", op: first.op, operand, loc: spanOf(tokSpan(first.tok), operand.loc) };
    } else if (first.kind === "operand") {
      left = first.expr;
    } else {
      throw new Error(`unexpected ${first.kind} in an expression`);
    }
    for (;;) {
      const next = items[at];
      if (next?.kind === "in" && COMPARE_PRECEDENCE >= min) {
        at++;
        left = { type: "InList", operand: left, list: next.list, loc: spanOf(left.loc, next.end) };
      } else if (next?.kind === "infix" && EXPR_PRECEDENCE[next.op] >= min) {
        at++;
        const right = climb(EXPR_PRECEDENCE[next.op] + 1);
        left = { type: "Binary", op: next.op, left, right, loc: spanOf(left.loc, right.loc) };
      } else {
        return left;
      }
    }
  };
  return climb(0);
}
