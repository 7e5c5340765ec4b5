import { compileIr, type FieldSource, type Predicate } from "../eval/ir/compile.js";
import type { IrExpr } from "../ir/types.js";
import { describeLeaf } from "./describe.js";

/** At most this many conditions are named per form: the first ones that decide. */
const MAX_CONDITIONS = 6;

/**
 * Which sub-conditions decide a form's verdict on an event: an AND that fails and an OR that holds are decided
 * by their first operand with that value; otherwise every operand counts. Each named condition carries its value
 * on the event (`Image endswith "\\x.exe": false`).
 */
export function explainer<E>(expr: IrExpr, source: FieldSource<E>): (event: E) => string[] {
  const compiled = new Map<IrExpr, Predicate<E>>();
  const test = (x: IrExpr, e: E): boolean => {
    let p = compiled.get(x);
    if (!p) compiled.set(x, (p = compileIr(x, source).predicate));
    return p(e);
  };
  const walk = (x: IrExpr, e: E, out: string[]): void => {
    if (out.length >= MAX_CONDITIONS) return;
    if (x.type === "IrNot") return walk(x.operand, e, out);
    if (x.type === "IrAnd" || x.type === "IrOr") {
      const value = test(x, e);
      const decisive = (x.type === "IrAnd") !== value;
      for (const o of decisive ? [x.operands.find((o) => test(o, e) === value)!] : x.operands) walk(o, e, out);
      return;
    }
    out.push(`${describeLeaf(x)}: ${test(x, e)}`);
  };
  return (e) => {
    const out: string[] = [];
    walk(expr, e, out);
    return out;
  };
}
