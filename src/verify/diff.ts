import { literalText } from "../ir/pattern.js";
import { assertNeverIr, type IrExpr, type IrPattern } from "../ir/types.js";
import type { RuleForm } from "./forms.js";
import { verifyForms, type Disagreement } from "./verify.js";

export interface RuleDiff {
  /** Conditions only the new form has, and only the old one had (field, how it is matched, value). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Generated events that only one of the two matches. */
  readonly behaviour: readonly Disagreement[];
}

function shape(p: IrPattern): string {
  const parts = p.parts;
  const wild = (x: IrPattern["parts"][number] | undefined): boolean => x !== undefined && typeof x !== "string" && x.type === "IrAnyChars";
  const inner = literalText({ parts: parts.filter((_, i) => !((i === 0 || i === parts.length - 1) && wild(parts[i]))) });
  if (parts.length > 2 && wild(parts[0]) && wild(parts[parts.length - 1])) return `contains "${inner}"`;
  if (parts.length > 1 && wild(parts[0])) return `endswith "${inner}"`;
  if (parts.length > 1 && wild(parts[parts.length - 1])) return `startswith "${inner}"`;
  return `is "${literalText(p)}"`;
}

/** Each condition of an expression in words, with `not` for the negated ones. */
function conditions(expr: IrExpr, negated: boolean, into: Set<string>): void {
  const say = (text: string): void => void into.add(negated ? `not ${text}` : text);
  switch (expr.type) {
    case "IrAnd":
    case "IrOr":
      expr.operands.forEach((o) => conditions(o, negated, into));
      return;
    case "IrNot":
      conditions(expr.operand, !negated, into);
      return;
    case "IrMatch":
      return say(`${expr.field} ${shape(expr.pattern)}${expr.caseSensitive ? " (case-sensitive)" : ""}`);
    case "IrRegex":
      return say(`${expr.field} matches /${expr.pattern}/${expr.flags.join("")}`);
    case "IrCidr":
      return say(`${expr.field} in ${expr.network}`);
    case "IrCompare":
      return say(`${expr.field} ${expr.op} ${expr.value}`);
    case "IrExists":
      return say(`${expr.field} exists`);
    case "IrFieldRef":
      return say(`${expr.field} ${expr.mode} field ${expr.other}`);
    case "IrTimePart":
      return say(`${expr.part} of ${expr.field} ${expr.op} ${expr.value}`);
    case "IrKeyword":
    case "IrRawTerm":
      return say(`keyword "${literalText(expr.pattern)}"`);
    case "IrConst":
      return say(String(expr.value));
    case "IrUnsupported":
      return say(`(${expr.text})`);
    default:
      assertNeverIr(expr);
  }
}

/** What changed from one version of a rule to another: its conditions, and the events it matches. */
export function diffForms(old: RuleForm, next: RuleForm, generate: number): RuleDiff {
  const before = new Set<string>();
  const after = new Set<string>();
  conditions(old.ir, false, before);
  conditions(next.ir, false, after);
  return {
    added: [...after].filter((c) => !before.has(c)),
    removed: [...before].filter((c) => !after.has(c)),
    behaviour: verifyForms(old, next, [], generate).disagreements,
  };
}
