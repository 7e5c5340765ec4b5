import { isLiteral } from "../ir/pattern.js";
import { assertNeverIr, type IrExpr, type IrMatch, type IrPattern } from "../ir/types.js";
import type { SearchExpr, SearchValue } from "../spl/ast.js";
import type { Loss } from "./loss.js";
import { quoted, searchAnd, searchCompare, searchIn, searchNot, searchOr, searchTerm, word } from "./spl-build.js";

/**
 * Whether the search command can state a node exactly. It cannot say a single-character wildcard, a literal
 * `*`, a case-sensitive match, a regular expression or a comparison of two fields (semantics.md §5): those
 * go to a `where` instead, never widened.
 */
export function searchExpressible(expr: IrExpr): boolean {
  switch (expr.type) {
    case "IrAnd":
    case "IrOr":
      return expr.operands.every(searchExpressible);
    case "IrNot":
      return searchExpressible(expr.operand);
    case "IrMatch":
      return !expr.caseSensitive && patternInSearch(expr.pattern);
    case "IrExists":
    case "IrCidr":
    case "IrCompare":
    case "IrKeyword":
    case "IrRawTerm":
      return true;
    case "IrRegex":
    case "IrFieldRef":
    case "IrTimePart":
    case "IrConst":
    case "IrUnsupported":
      return false;
    default:
      return assertNeverIr(expr);
  }
}

/** Only `*` wildcards, and no literal `*` (the search command cannot escape it). */
function patternInSearch(p: IrPattern): boolean {
  return p.parts.every((part) => (typeof part === "string" ? !part.includes("*") : part.type === "IrAnyChars"));
}

/** The text of a pattern as a search value: `*` for the wildcard, the rest literal. */
function patternValue(p: IrPattern): SearchValue {
  const text = p.parts.map((part) => (typeof part === "string" ? part : "*")).join("");
  return isLiteral(p) && /^-?\d+(\.\d+)?$/.test(text) ? word(text) : quoted(text);
}

/** Renders a search-expressible node (see `searchExpressible`). */
export function renderSearch(expr: IrExpr, losses: Loss[]): SearchExpr {
  switch (expr.type) {
    case "IrAnd":
      return searchAnd(expr.operands.map((e) => renderSearch(e, losses)));
    case "IrOr":
      return searchOr(groupIn(expr.operands).map((g) => (Array.isArray(g) ? inList(g) : renderSearch(g as IrExpr, losses))));
    case "IrNot":
      return searchNot(renderSearch(expr.operand, losses));
    case "IrMatch":
      return searchCompare(expr.field, "=", patternValue(expr.pattern));
    case "IrExists":
      return searchCompare(expr.field, "=", word("*"));
    case "IrCidr":
      return searchCompare(expr.field, "=", quoted(expr.network));
    case "IrCompare":
      return searchCompare(expr.field, expr.op, word(String(expr.value)));
    case "IrKeyword":
      losses.push({ code: "TR2001", path: "detection", message: "a Sigma keyword (contained in any value) becomes a term search of the raw event, which matches whole terms" });
      return searchTerm(patternValue(expr.pattern));
    case "IrRawTerm":
      return searchTerm(patternValue(expr.pattern));
    case "IrRegex":
    case "IrFieldRef":
    case "IrTimePart":
    case "IrConst":
    case "IrUnsupported":
      throw new Error(`${expr.type} is not search-expressible`);
    default:
      return assertNeverIr(expr);
  }
}

function inList(matches: readonly IrMatch[]): SearchExpr {
  return searchIn(matches[0]!.field, matches.map((m) => patternValue(m.pattern)));
}

/** ORed matches of one field become one `IN` list, standing where the first of them stood. */
function groupIn(operands: readonly IrExpr[]): (IrExpr | IrMatch[])[] {
  const groups: (IrExpr | IrMatch[])[] = [];
  const byField = new Map<string, IrMatch[]>();
  for (const op of operands) {
    if (op.type !== "IrMatch") {
      groups.push(op);
      continue;
    }
    const group = byField.get(op.field);
    if (group) group.push(op);
    else {
      const fresh = [op];
      byField.set(op.field, fresh);
      groups.push(fresh);
    }
  }
  return groups.map((g) => (Array.isArray(g) && g.length === 1 ? g[0]! : g));
}
