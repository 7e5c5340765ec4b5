import { and, not, or } from "../ir/build.js";
import { ANY, ONE, normalizePattern } from "../ir/pattern.js";
import type { IrExpr, IrPattern } from "../ir/types.js";
import type { Expr } from "../spl/ast.js";
import { printExpr } from "../spl/print/expr.js";

/**
 * A `where` expression → IR, with eval's meaning: comparisons are case-sensitive, `match()` is an unanchored
 * PCRE search, `like()` has `%` and `_` wildcards, and a predicate on a missing field is not true. What the
 * IR cannot state becomes `IrUnsupported` with the expression's text.
 */
export function whereToIr(expr: Expr): IrExpr {
  switch (expr.type) {
    case "Binary":
      if (expr.op === "AND") return and([whereToIr(expr.left), whereToIr(expr.right)]);
      if (expr.op === "OR") return or([whereToIr(expr.left), whereToIr(expr.right)]);
      return comparison(expr) ?? unsupported(expr);
    case "Unary":
      return expr.op === "NOT" ? not(whereToIr(expr.operand)) : unsupported(expr);
    case "Call":
      return call(expr.name.toLowerCase(), expr.args) ?? unsupported(expr);
    default:
      return unsupported(expr);
  }
}

function unsupported(expr: Expr): IrExpr {
  return { type: "IrUnsupported", reason: "an eval expression the IR cannot state", text: printExpr(expr) };
}

/** A bare field, `lower(field)` (case-insensitive) or `tonumber(field)`. */
function fieldOperand(e: Expr): { field: string; lower: boolean; number: boolean } | null {
  if (e.type === "FieldRef") return { field: e.name, lower: false, number: false };
  if (e.type === "Call" && e.args.length === 1 && e.args[0]!.type === "FieldRef") {
    const name = e.name.toLowerCase();
    if (name === "lower" || name === "upper") return { field: e.args[0]!.name, lower: true, number: false };
    if (name === "tonumber") return { field: e.args[0]!.name, lower: false, number: true };
  }
  return null;
}

function comparison(e: Extract<Expr, { type: "Binary" }>): IrExpr | null {
  const left = fieldOperand(e.left);
  if (!left) return null;
  const op = e.op === "=" || e.op === "==" ? "==" : e.op;
  const right = e.right;
  if ((op === "==" || op === "!=") && right.type === "StringLit") {
    const m: IrExpr = { type: "IrMatch", field: left.field, pattern: { parts: right.value === "" ? [] : [right.value] }, caseSensitive: !left.lower };
    return op === "==" ? m : and([{ type: "IrExists", field: left.field }, not(m)]);
  }
  if ((op === "==" || op === "!=") && fieldOperand(right)) {
    const other = fieldOperand(right)!;
    const ref: IrExpr = { type: "IrFieldRef", field: left.field, other: other.field, mode: "equals", caseSensitive: !(left.lower && other.lower) };
    return op === "==" ? ref : not(ref);
  }
  const value = numberOf(right);
  if ((op === "<" || op === "<=" || op === ">" || op === ">=") && value !== null) {
    return { type: "IrCompare", field: left.field, op, value };
  }
  return null;
}

/** A number literal, or a minus applied to one. */
function numberOf(e: Expr): number | null {
  if (e.type === "NumberLit") return e.value;
  if (e.type === "Unary" && e.op === "-" && e.operand.type === "NumberLit") return -e.operand.value;
  return null;
}

function call(name: string, args: readonly Expr[]): IrExpr | null {
  const [a, b] = args;
  if ((name === "isnotnull" || name === "isnull") && a?.type === "FieldRef") {
    const exists: IrExpr = { type: "IrExists", field: a.name };
    return name === "isnull" ? not(exists) : exists;
  }
  if (name === "match" && a && b?.type === "StringLit") {
    const f = fieldOperand(a);
    if (!f) return null;
    const anchored = pcreToPattern(b.value);
    return anchored ? { type: "IrMatch", field: f.field, ...anchored } : regexNode(f.field, b.value);
  }
  if (name === "like" && a && b?.type === "StringLit") {
    const f = fieldOperand(a);
    return f ? { type: "IrMatch", field: f.field, pattern: likePattern(b.value), caseSensitive: !f.lower } : null;
  }
  if (name === "cidrmatch" && a?.type === "StringLit" && b?.type === "FieldRef") return { type: "IrCidr", field: b.name, network: a.value };
  if (name === "searchmatch" && a?.type === "StringLit") return { type: "IrRawTerm", pattern: starPattern(a.value), caseSensitive: false, exact: false };
  if ((name === "true" || name === "false") && args.length === 0) return { type: "IrConst", value: name === "true" };
  return null;
}

/** A regex on a field; leading inline flags (`(?i)`) become the node's flags. */
export function regexNode(field: string, text: string): IrExpr {
  const m = /^\(\?([ims]+)\)/.exec(text);
  const flags = m ? ([...new Set(m[1]!)].sort() as ("i" | "m" | "s")[]) : [];
  return { type: "IrRegex", field, pattern: m ? text.slice(m[0].length) : text, flags };
}

/** `(?si)^…$` / `(?s)^…$` with only escaped literals, `.*` and `.`: the anchored pattern it was made from. */
export function pcreToPattern(text: string): { pattern: IrPattern; caseSensitive: boolean } | null {
  const m = /^\(\?(si|s)\)\^([\s\S]*)\$$/.exec(text);
  if (!m) return null;
  const parts: IrPattern["parts"][number][] = [];
  const body = m[2]!;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "\\") {
      const next = body[++i];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
      parts.push(next);
    } else if (c === ".") {
      if (body[i + 1] === "*") {
        parts.push(ANY);
        i++;
      } else parts.push(ONE);
    } else if (/[\^$|()[\]{}+?*]/.test(c)) return null;
    else parts.push(c);
  }
  return { pattern: normalizePattern({ parts }), caseSensitive: m[1] === "s" };
}

function likePattern(text: string): IrPattern {
  return normalizePattern({ parts: [...text].map((c) => (c === "%" ? ANY : c === "_" ? ONE : c)) });
}

function starPattern(text: string): IrPattern {
  return normalizePattern({ parts: [...text].map((c) => (c === "*" ? ANY : c)) });
}
