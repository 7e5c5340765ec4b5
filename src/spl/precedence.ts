import type { BinaryOp } from "./ast.js";

/**
 * Eval (`eval`/`where`) operator precedence, loosest first: a higher number binds tighter. The parser builds
 * trees with it and the printer parenthesises with it. (Search syntax has its own order: NOT, OR, AND.)
 */
export const EXPR_PRECEDENCE: Record<BinaryOp, number> = {
  OR: 1, XOR: 2, AND: 3,
  "=": 5, "==": 5, "!=": 5, "<": 5, "<=": 5, ">": 5, ">=": 5, LIKE: 5,
  "+": 6, "-": 6, ".": 6, "*": 7, "/": 7, "%": 7,
};
export const NOT_PRECEDENCE = 4;
export const COMPARE_PRECEDENCE = 5;
export const NEGATE_PRECEDENCE = 8;

