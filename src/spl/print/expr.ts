import { assertNever, type BinaryOp, type Expr } from "../ast.js";
import { COMPARE_PRECEDENCE, EXPR_PRECEDENCE as PRECEDENCE, NEGATE_PRECEDENCE, NOT_PRECEDENCE } from "../precedence.js";

const PRIMARY = NEGATE_PRECEDENCE + 1;

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
