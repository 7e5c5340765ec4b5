import { assertNever, type SearchExpr } from "../ast.js";
import { printSubsearch } from "./subsearch.js";
import { printField, printSearchValue } from "./values.js";

/**
 * Search syntax. SPL binds NOT, then OR, then AND; the printer still parenthesises an OR inside an AND,
 * which changes nothing for Splunk and everything for a human reader. A nested AND or OR of the same
 * kind keeps its parentheses so that the tree reparses unchanged.
 */
export function printSearchExpr(expr: SearchExpr): string {
  switch (expr.type) {
    case "SearchCompare":
      return `${printField(expr.field)}${expr.op}${printSearchValue(expr.value)}`;
    case "SearchIn":
      return `${printField(expr.field)} IN (${expr.values.map(printSearchValue).join(", ")})`;
    case "SearchTerm":
      return printSearchValue(expr.value);
    case "SearchAnd":
      return expr.operands
        .map((op, i) => (i === 0 ? "" : expr.explicit[i - 1] ? " AND " : " ") + group(op, op.type === "SearchAnd" || op.type === "SearchOr"))
        .join("");
    case "SearchOr":
      return expr.operands.map((op) => group(op, op.type === "SearchAnd" || op.type === "SearchOr")).join(" OR ");
    case "SearchNot":
      return `NOT ${group(expr.operand, expr.operand.type === "SearchAnd" || expr.operand.type === "SearchOr")}`;
    case "Subsearch":
      return printSubsearch(expr);
    default:
      return assertNever(expr);
  }
}

function group(expr: SearchExpr, parenthesise: boolean): string {
  const text = printSearchExpr(expr);
  return parenthesise ? `(${text})` : text;
}
