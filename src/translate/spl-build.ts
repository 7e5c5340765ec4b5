import type { Span } from "../diagnostics/diagnostic.js";
import type { BinaryOp, Expr, FieldName, Quoted, SearchExpr, SearchValue, Word } from "../spl/ast.js";
import { quoteSpl } from "../spl/strings.js";

/** Generated SPL has no source: its nodes carry this empty span (the printer ignores spans). */
export const NO_SPAN: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/** Field names that read as one search word; anything else is quoted. */
const PLAIN_FIELD = /^[A-Za-z_][\w.:@{}-]*$/;

export function fieldName(name: string): FieldName {
  return { type: "FieldName", name, quoted: !PLAIN_FIELD.test(name), loc: NO_SPAN };
}

export function word(raw: string): Word {
  return { type: "Word", raw, value: raw, loc: NO_SPAN };
}

export function quoted(value: string): Quoted {
  return { type: "Quoted", raw: quoteSpl(value), value, loc: NO_SPAN };
}

export function searchCompare(field: string, op: "=" | "!=" | "<" | "<=" | ">" | ">=", value: SearchValue): SearchExpr {
  return { type: "SearchCompare", field: fieldName(field), op, value, loc: NO_SPAN };
}

export function searchIn(field: string, values: readonly SearchValue[]): SearchExpr {
  return { type: "SearchIn", field: fieldName(field), values, loc: NO_SPAN };
}

export function searchAnd(operands: readonly SearchExpr[]): SearchExpr {
  const flat = operands.flatMap((o) => (o.type === "SearchAnd" ? o.operands : [o]));
  return flat.length === 1 ? flat[0]! : { type: "SearchAnd", operands: flat, explicit: flat.slice(1).map(() => false), loc: NO_SPAN };
}

export function searchOr(operands: readonly SearchExpr[]): SearchExpr {
  const flat = operands.flatMap((o) => (o.type === "SearchOr" ? o.operands : [o]));
  return flat.length === 1 ? flat[0]! : { type: "SearchOr", operands: flat, loc: NO_SPAN };
}

export function searchNot(operand: SearchExpr): SearchExpr {
  return { type: "SearchNot", operand, loc: NO_SPAN };
}

export function searchTerm(value: SearchValue): SearchExpr {
  return { type: "SearchTerm", value, loc: NO_SPAN };
}

// ------------------------------------------------------------------ eval expressions

export function str(value: string): Expr {
  return { type: "StringLit", raw: quoteSpl(value), value, loc: NO_SPAN };
}

/** A number; a negative one is a minus applied to its magnitude, as the parser reads `-1`. */
export function num(value: number): Expr {
  const literal: Expr = { type: "NumberLit", raw: String(Math.abs(value)), value: Math.abs(value), loc: NO_SPAN };
  return value < 0 ? { type: "Unary", op: "-", operand: literal, loc: NO_SPAN } : literal;
}

/** A field in an expression, always single-quoted so any name is safe. */
export function field(name: string): Expr {
  return { type: "FieldRef", name, quoted: true, loc: NO_SPAN };
}

export function call(name: string, ...args: Expr[]): Expr {
  return { type: "Call", name, args, loc: NO_SPAN };
}

export function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { type: "Binary", op, left, right, loc: NO_SPAN };
}

export function notExpr(operand: Expr): Expr {
  return { type: "Unary", op: "NOT", operand, loc: NO_SPAN };
}

export function joinExprs(op: "AND" | "OR", operands: readonly Expr[]): Expr {
  return operands.reduce((acc, e) => binary(op, acc, e));
}
