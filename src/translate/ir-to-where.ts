import { literalText } from "../ir/pattern.js";
import { assertNeverIr, type IrExpr, type IrPattern } from "../ir/types.js";
import type { Expr } from "../spl/ast.js";
import type { Loss } from "./loss.js";
import { binary, call, field, joinExprs, notExpr, num, str } from "./spl-build.js";

const TIME_FORMAT = { minute: "%M", hour: "%H", day: "%d", week: "%V", month: "%m", year: "%Y" } as const;

/** A pattern as an anchored PCRE: literals escaped, `*` any run, `?` one character, newlines included. */
export function patternToPcre(p: IrPattern, caseSensitive: boolean): string {
  const body = p.parts
    .map((part) => (typeof part === "string" ? part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : part.type === "IrAnyChars" ? ".*" : "."))
    .join("");
  return `${caseSensitive ? "(?s)" : "(?si)"}^${body}$`;
}

/**
 * Renders an expression in negation normal form as an eval expression for `where`, which composes under any
 * boolean. A negated field predicate is `isnull(f) OR NOT p(f)`: eval's NOT of a null is null, and Sigma's
 * (and the IR's) negation holds on a missing field.
 */
export function renderWhere(expr: IrExpr, losses: Loss[]): Expr {
  switch (expr.type) {
    case "IrAnd":
      return joinExprs("AND", expr.operands.map((e) => renderWhere(e, losses)));
    case "IrOr":
      return joinExprs("OR", expr.operands.map((e) => renderWhere(e, losses)));
    case "IrNot": {
      const inner = expr.operand;
      if (inner.type === "IrExists") return call("isnull", field(inner.field));
      const positive = renderWhere(inner, losses);
      const f = fieldOf(inner);
      return f === null ? notExpr(positive) : binary("OR", call("isnull", field(f)), notExpr(positive));
    }
    case "IrConst":
      return call(expr.value ? "true" : "false");
    case "IrMatch":
      return call("match", field(expr.field), str(patternToPcre(expr.pattern, expr.caseSensitive)));
    case "IrRegex":
      return call("match", field(expr.field), str(expr.flags.length ? `(?${expr.flags.join("")})${expr.pattern}` : expr.pattern));
    case "IrCidr":
      return call("cidrmatch", str(expr.network), field(expr.field));
    case "IrCompare":
      return binary(expr.op, call("tonumber", field(expr.field)), num(expr.value));
    case "IrExists":
      return call("isnotnull", field(expr.field));
    case "IrFieldRef":
      return fieldRef(expr.field, expr.other, expr.mode, expr.caseSensitive, losses);
    case "IrTimePart":
      losses.push({ code: "TR2003", path: "detection", message: `the ${expr.part} of ${expr.field} is read with strftime(), which needs an epoch time` });
      return binary(expr.op === "=" ? "==" : expr.op, call("tonumber", call("strftime", field(expr.field), str(TIME_FORMAT[expr.part]))), num(expr.value));
    case "IrKeyword":
    case "IrRawTerm":
      losses.push({ code: "TR2001", path: "detection", message: "a keyword becomes searchmatch() over the raw event text" });
      return call("searchmatch", str(literalText(expr.pattern)));
    case "IrUnsupported":
      losses.push({ code: "TR2004", path: "detection", message: `cannot translate: ${expr.reason}` });
      return call("true");
    default:
      return assertNeverIr(expr);
  }
}

function fieldOf(expr: IrExpr): string | null {
  return "field" in expr && typeof expr.field === "string" ? expr.field : null;
}

function fieldRef(a: string, b: string, mode: "equals" | "startswith" | "endswith" | "contains", caseSensitive: boolean, losses: Loss[]): Expr {
  const left = caseSensitive ? field(a) : call("lower", field(a));
  const right = caseSensitive ? field(b) : call("lower", field(b));
  switch (mode) {
    case "equals":
      return binary("==", left, right);
    case "startswith":
      return binary("==", call("substr", left, num(1), call("len", field(b))), right);
    case "endswith":
      return binary("==", call("substr", left, binary("-", call("len", field(a)), binary("-", call("len", field(b)), num(1)))), right);
    case "contains":
      losses.push({ code: "TR2002", path: "detection", message: `"${a} contains ${b}" uses like(), where % and _ in ${b}'s value act as wildcards` });
      return call("like", left, binary(".", binary(".", str("%"), right), str("%")));
    default:
      return mode;
  }
}
