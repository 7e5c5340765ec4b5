import type { IrExpr } from "../ir/types.js";
import { describeLeaf } from "./describe.js";
import type { RuleForm } from "./forms.js";
import { verifyForms, type Disagreement } from "./verify.js";

export interface RuleDiff {
  /** Conditions only the new form has, and only the old one had (field, how it is matched, value). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Generated events that only one of the two matches. */
  readonly behaviour: readonly Disagreement[];
}

/** Each condition of an expression in words, with `not` for the negated ones. */
function conditions(expr: IrExpr, negated: boolean, into: Set<string>): void {
  if (expr.type === "IrAnd" || expr.type === "IrOr") expr.operands.forEach((o) => conditions(o, negated, into));
  else if (expr.type === "IrNot") conditions(expr.operand, !negated, into);
  else into.add(negated ? `not ${describeLeaf(expr)}` : describeLeaf(expr));
}

/** What changed from one version of a rule to another: its conditions, and the events it matches. */
export function diffForms(old: RuleForm, next: RuleForm, generate: number, seed?: number): RuleDiff {
  const before = new Set<string>();
  const after = new Set<string>();
  conditions(old.ir, false, before);
  conditions(next.ir, false, after);
  return {
    added: [...after].filter((c) => !before.has(c)),
    removed: [...before].filter((c) => !after.has(c)),
    behaviour: verifyForms(old, next, [], { generate, seed }).disagreements,
  };
}
