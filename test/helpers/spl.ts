import { expect } from "vitest";
import type { Command, Expr, Pipeline, SearchExpr, SearchValue } from "../../src/spl/ast.js";
import { parseSpl } from "../../src/spl/parse.js";

export function parseOk(search: string): Pipeline {
  const r = parseSpl(search);
  expect(r.diagnostics).toEqual([]);
  return r.ast!;
}

export function firstStage(search: string): Command {
  return parseOk(search).stages[0]!;
}

const value = (v: SearchValue): string => (v.type === "SearchFn" ? `${v.name}(${v.arg.raw})` : v.raw);

/** A fully parenthesised rendering of a search expression, so precedence tests read as one line. */
export function showSearch(e: SearchExpr): string {
  switch (e.type) {
    case "SearchCompare": return `${e.field.name}${e.op}${value(e.value)}`;
    case "SearchIn": return `${e.field.name} IN[${e.values.map(value).join(",")}]`;
    case "SearchTerm": return value(e.value);
    case "SearchAnd": return `(${e.operands.map(showSearch).join(" & ")})`;
    case "SearchOr": return `(${e.operands.map(showSearch).join(" | ")})`;
    case "SearchNot": return `!${showSearch(e.operand)}`;
    case "Subsearch": return "[sub]";
  }
}

export function showExpr(e: Expr): string {
  switch (e.type) {
    case "StringLit": case "NumberLit": case "TemplateRef": case "MacroRef": return e.raw;
    case "FieldRef": return e.quoted ? `'${e.name}'` : e.name;
    case "Call": return `${e.name}(${e.args.map(showExpr).join(",")})`;
    case "InList": return `(${showExpr(e.operand)} IN ${e.list.map(showExpr).join(",")})`;
    case "Unary": return `(${e.op} ${showExpr(e.operand)})`;
    case "Binary": return `(${showExpr(e.left)} ${e.op} ${showExpr(e.right)})`;
  }
}

/** The leading search of a search, rendered with `showSearch`. */
export function searchShape(search: string): string {
  const stage = firstStage(search);
  if (stage.type !== "SearchCommand" || !stage.expr) throw new Error(`not a search: ${stage.type}`);
  return showSearch(stage.expr);
}

/** The expression of `| where …`, rendered with `showExpr`. */
export function whereShape(expr: string): string {
  const stage = parseOk(`| where ${expr}`).stages[0]!;
  if (stage.type !== "WhereCommand") throw new Error(`not a where: ${stage.type}`);
  return showExpr(stage.expr);
}
