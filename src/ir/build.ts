import type { IrExpr, IrPattern } from "./types.js";

/** Constructors that keep trees flat and free of constants: AND of ANDs is one AND; TRUE vanishes from an AND. */
export const TRUE: IrExpr = { type: "IrConst", value: true };
export const FALSE: IrExpr = { type: "IrConst", value: false };

export function and(operands: readonly IrExpr[]): IrExpr {
  const flat: IrExpr[] = [];
  for (const op of operands) {
    if (op.type === "IrConst") {
      if (!op.value) return FALSE;
      continue;
    }
    if (op.type === "IrAnd") flat.push(...op.operands);
    else flat.push(op);
  }
  if (flat.length === 0) return TRUE;
  return flat.length === 1 ? flat[0]! : { type: "IrAnd", operands: flat };
}

export function or(operands: readonly IrExpr[]): IrExpr {
  const flat: IrExpr[] = [];
  for (const op of operands) {
    if (op.type === "IrConst") {
      if (op.value) return TRUE;
      continue;
    }
    if (op.type === "IrOr") flat.push(...op.operands);
    else flat.push(op);
  }
  if (flat.length === 0) return FALSE;
  return flat.length === 1 ? flat[0]! : { type: "IrOr", operands: flat };
}

export function not(operand: IrExpr): IrExpr {
  if (operand.type === "IrConst") return { type: "IrConst", value: !operand.value };
  if (operand.type === "IrNot") return operand.operand;
  return { type: "IrNot", operand };
}

export function literal(text: string): IrPattern {
  return { parts: text === "" ? [] : [text] };
}

export function match(field: string, pattern: IrPattern, caseSensitive = false): IrExpr {
  return { type: "IrMatch", field, pattern, caseSensitive };
}
