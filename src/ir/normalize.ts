import { and, not, or } from "./build.js";
import { normalizePattern } from "./pattern.js";
import { assertNeverIr, type IrExpr, type IrPattern } from "./types.js";

/**
 * A canonical form, for comparing two IRs that mean the same: AND/OR flattened, operands deduplicated and
 * sorted, case-insensitive literals lower-cased, and the guards that only restate missing-field semantics
 * removed (`isnull(f) OR NOT p(f)` is `NOT p(f)`, `isnotnull(f) AND p(f)` is `p(f)`).
 */
export function normalizeIr(expr: IrExpr): IrExpr {
  switch (expr.type) {
    case "IrAnd":
      return canonical("IrAnd", expr.operands.map(normalizeIr));
    case "IrOr":
      return canonical("IrOr", expr.operands.map(normalizeIr));
    case "IrNot":
      return not(normalizeIr(expr.operand));
    case "IrMatch":
      return { ...expr, pattern: expr.caseSensitive ? normalizePattern(expr.pattern) : lowerPattern(expr.pattern) };
    case "IrKeyword":
    case "IrRawTerm":
      return { ...expr, pattern: expr.caseSensitive ? normalizePattern(expr.pattern) : lowerPattern(expr.pattern) };
    case "IrRegex":
      return { ...expr, flags: [...expr.flags].sort() };
    case "IrConst": case "IrCidr": case "IrCompare": case "IrExists": case "IrFieldRef": case "IrTimePart": case "IrUnsupported":
      return expr;
    default:
      return assertNeverIr(expr);
  }
}

function lowerPattern(p: IrPattern): IrPattern {
  return normalizePattern({ parts: p.parts.map((part) => (typeof part === "string" ? part.toLowerCase() : part)) });
}

const key = (e: IrExpr): string => JSON.stringify(e);

function canonical(type: "IrAnd" | "IrOr", operands: IrExpr[]): IrExpr {
  const flat = dropGuards(operands.flatMap((o) => (o.type === type ? o.operands : [o])), type);
  const unique = [...new Map(flat.map((o) => [key(o), o])).values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return type === "IrAnd" ? and(unique) : or(unique);
}

function fieldOf(e: IrExpr): string | null {
  return "field" in e && typeof e.field === "string" ? e.field : null;
}

/** In an OR, `NOT exists f` beside `NOT p(f)` adds nothing; in an AND, `exists f` beside `p(f)` adds nothing. */
function dropGuards(operands: IrExpr[], type: "IrAnd" | "IrOr"): IrExpr[] {
  const guarded = (e: IrExpr): string | null => {
    if (type === "IrAnd") return e.type !== "IrExists" && e.type !== "IrNot" ? fieldOf(e) : null;
    return e.type === "IrNot" && e.operand.type !== "IrExists" ? fieldOf(e.operand) : null;
  };
  const fields = new Set(operands.map(guarded).filter((f): f is string => f !== null));
  return operands.filter((e) => {
    const guard = type === "IrAnd" ? (e.type === "IrExists" ? e.field : null) : e.type === "IrNot" && e.operand.type === "IrExists" ? e.operand.field : null;
    return guard === null || !fields.has(guard);
  });
}
