import { and, FALSE, not, or, TRUE } from "../ir/build.js";
import { ANY, normalizePattern } from "../ir/pattern.js";
import type { IrExpr, IrPattern } from "../ir/types.js";
import type { SearchExpr, SearchOp, SearchValue } from "../spl/ast.js";
import { assertNever } from "../spl/ast.js";
import { looksLikeCidr } from "../ir/cidr.js";

/**
 * SPL search syntax → IR, with Splunk's meaning — the one home of SPL search semantics (the evaluator and the
 * SPL → Sigma translator both use it):
 * - `f=v`: the whole value matches, case-insensitively; `*` is the only wildcard (`?` and `%` are literal);
 *   `f=*` means f has a value; a value in CIDR notation matches addresses of that network.
 * - `f!=v` holds only on events that have f (`IrExists ∧ ¬match`), while `NOT f=v` also holds without f.
 * - `f IN (a, b*)` is the OR of `f=a`, `f=b*`.
 * - `<`, `<=`, `>`, `>=` with a numeric value compare numerically (false on non-numeric values).
 * - `CASE(v)` makes the value case-sensitive; `TERM(v)` as a field value changes nothing (the whole value is
 *   matched anyway); as a bare term it matches one indexed term, minor breakers included.
 * - A bare word or phrase matches `_raw` by indexed terms (`IrRawTerm`); `*` alone matches everything.
 * - An unexpanded macro, a subsearch, or a comparison with a non-numeric value → `IrUnsupported`.
 */
export function splSearchToIr(expr: SearchExpr): IrExpr {
  switch (expr.type) {
    case "SearchAnd":
      return and(expr.operands.map(splSearchToIr));
    case "SearchOr":
      return or(expr.operands.map(splSearchToIr));
    case "SearchNot":
      return not(splSearchToIr(expr.operand));
    case "SearchCompare":
      return compareToIr(expr.field.name, expr.op, expr.value);
    case "SearchIn":
      return or(expr.values.map((v) => compareToIr(expr.field.name, "=", v)));
    case "SearchTerm":
      return termToIr(expr.value);
    case "Subsearch":
      return unsupported("a subsearch cannot be evaluated as a predicate", "[…]");
    default:
      return assertNever(expr);
  }
}

/** A search value as written: its text, whether `CASE()` made it case-sensitive, whether `TERM()` wrapped it. */
interface ValueText {
  readonly text: string;
  readonly caseSensitive: boolean;
  readonly term: boolean;
}

function valueText(v: SearchValue): ValueText | IrExpr {
  switch (v.type) {
    case "Word":
    case "Quoted":
      return { text: v.value, caseSensitive: false, term: false };
    case "SearchFn":
      return { text: v.arg.value, caseSensitive: v.name === "CASE", term: v.name === "TERM" };
    case "MacroRef":
      return unsupported("an unexpanded macro (expand macros before evaluating)", v.raw);
    default:
      return assertNever(v);
  }
}

function compareToIr(field: string, op: SearchOp, value: SearchValue): IrExpr {
  const v = valueText(value);
  if ("type" in v) return v;
  switch (op) {
    case "=":
      return equalsToIr(field, v);
    case "!=":
      return and([{ type: "IrExists", field }, not(equalsToIr(field, v))]);
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const n = v.text.trim() === "" ? NaN : Number(v.text);
      if (!Number.isFinite(n)) return unsupported("a comparison with a non-numeric value (lexicographic order)", `${field}${op}${v.text}`);
      return { type: "IrCompare", field, op, value: n };
    }
    default:
      return assertNever(op);
  }
}

function equalsToIr(field: string, v: ValueText): IrExpr {
  if (v.text === "*" && !v.caseSensitive) return { type: "IrExists", field };
  if (looksLikeCidr(v.text)) return { type: "IrCidr", field, network: v.text };
  return { type: "IrMatch", field, pattern: splPattern(v.text), caseSensitive: v.caseSensitive };
}

function termToIr(value: SearchValue): IrExpr {
  const v = valueText(value);
  if ("type" in v) return v;
  if (/^\*+$/.test(v.text)) return TRUE;
  if (v.text === "") return FALSE;
  return { type: "IrRawTerm", pattern: splPattern(v.text), caseSensitive: v.caseSensitive, exact: v.term };
}

/** SPL's wildcard: `*` only; a backslash cannot escape it, and `?`/`%` are literal. */
export function splPattern(text: string): IrPattern {
  const parts: (string | typeof ANY)[] = [];
  for (const piece of text.split("*")) {
    if (parts.length > 0) parts.push(ANY);
    parts.push(piece);
  }
  return normalizePattern({ parts });
}

function unsupported(reason: string, text: string): IrExpr {
  return { type: "IrUnsupported", reason, text };
}
