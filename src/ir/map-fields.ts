import { assertNeverIr, type IrExpr } from "./types.js";

/** Renames every field of an expression (profile field mappings, aliases). */
export function mapFields(expr: IrExpr, rename: (field: string) => string): IrExpr {
  switch (expr.type) {
    case "IrAnd":
    case "IrOr":
      return { ...expr, operands: expr.operands.map((e) => mapFields(e, rename)) };
    case "IrNot":
      return { ...expr, operand: mapFields(expr.operand, rename) };
    case "IrMatch":
    case "IrRegex":
    case "IrCidr":
    case "IrCompare":
    case "IrExists":
    case "IrTimePart":
      return { ...expr, field: rename(expr.field) };
    case "IrFieldRef":
      return { ...expr, field: rename(expr.field), other: rename(expr.other) };
    case "IrConst":
    case "IrKeyword":
    case "IrRawTerm":
    case "IrUnsupported":
      return expr;
    default:
      return assertNeverIr(expr);
  }
}

/** Negation normal form: NOT only on leaves, pushed down through AND and OR by De Morgan. */
export function toNegationNormalForm(expr: IrExpr, negate = false): IrExpr {
  switch (expr.type) {
    case "IrNot":
      return toNegationNormalForm(expr.operand, !negate);
    case "IrAnd":
    case "IrOr": {
      const operands = expr.operands.map((e) => toNegationNormalForm(e, negate));
      const type = (expr.type === "IrAnd") !== negate ? "IrAnd" : "IrOr";
      return { type, operands };
    }
    case "IrConst":
      return negate ? { type: "IrConst", value: !expr.value } : expr;
    default:
      return negate ? { type: "IrNot", operand: expr } : expr;
  }
}
