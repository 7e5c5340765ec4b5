import { assertNever, type BinaryOp, type Expr } from "../ast.js";

/** Eval precedence, loosest first; a higher number binds tighter. */
const PRECEDENCE: Record<BinaryOp, number> = {
  OR: 1, XOR: 2, AND: 3,
  "=": 5, "==": 5, "!=": 5, "<": 5, "<=": 5, ">": 5, ">=": 5, LIKE: 5,
  "+": 6, "-": 6, ".": 6, "*": 7, "/": 7, "%": 7,
};
const NOT_PRECEDENCE = 4;
const COMPARE_PRECEDENCE = 5;
const NEGATE_PRECEDENCE = 8;
const PRIMARY = 9;

/** Comparisons print tight (`x="a"`), as most searches write them; `.` needs spaces or it joins a name. */
const TIGHT = new Set<BinaryOp>(["=", "==", "!=", "<", "<=", ">", ">="]);

export function printExpr(expr: Expr): string {
  switch (expr.type) {
    case "StringLit":
    case "NumberLit":
    case "TemplateRef":
    case "MacroRef":
      return expr.raw;
    case "FieldRef":
      return expr.quoted ? `'${expr.name.replace(/['\\]/g, (c) => `\\${c}`)}'` : expr.name;
    case "Call":
      return `${expr.name}(${expr.args.map(printExpr).join(", ")})`;
    case "InList":
      return `${operand(expr.operand, COMPARE_PRECEDENCE, true)} IN (${expr.list.map(printExpr).join(", ")})`;
    case "Unary":
      return expr.op === "NOT"
        ? `NOT ${operand(expr.operand, NOT_PRECEDENCE, false)}`
        : `${expr.op}${operand(expr.operand, NEGATE_PRECEDENCE, false)}`;
    case "Binary": {
      const prec = PRECEDENCE[expr.op];
      const left = operand(expr.left, prec, prec === COMPARE_PRECEDENCE);
      const right = operand(expr.right, prec, true);
      return TIGHT.has(expr.op) ? `${left}${expr.op}${right}` : `${left} ${expr.op} ${right}`;
    }
    default:
      return assertNever(expr);
  }
}

function precedenceOf(expr: Expr): number {
  switch (expr.type) {
    case "Binary":
      return PRECEDENCE[expr.op];
    case "InList":
      return COMPARE_PRECEDENCE;
    case "Unary":
      return expr.op === "NOT" ? NOT_PRECEDENCE : NEGATE_PRECEDENCE;
    default:
      return PRIMARY;
  }
}

/** Parenthesises a child that binds looser than its parent (or as loose, where that would regroup it). */
function operand(expr: Expr, parent: number, strict: boolean): string {
  const prec = precedenceOf(expr);
  const text = printExpr(expr);
  return prec < parent || (strict && prec === parent) ? `(${text})` : text;
}
