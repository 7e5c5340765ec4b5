import { and } from "../../../src/ir/build.js";
import type { IrExpr } from "../../../src/ir/types.js";
import type { Command, Pipeline } from "../../../src/spl/ast.js";
import { printExpr } from "../../../src/spl/print/expr.js";
import { splitFilter } from "../../../src/translate/spl-filter-to-ir.js";
import { regexNode } from "../../../src/translate/where-to-ir.js";

/** `f = "true"`: how the scaffold's later search tests a regex's outcome. */
function conditionField(e: IrExpr): string | null {
  return e.type === "IrMatch" && e.pattern.parts.length === 1 && e.pattern.parts[0] === "true" ? e.field : null;
}

function replaceConditions(e: IrExpr, regexes: ReadonlyMap<string, IrExpr>): IrExpr {
  if (e.type === "IrAnd" || e.type === "IrOr") return { ...e, operands: e.operands.map((o) => replaceConditions(o, regexes)) };
  if (e.type === "IrNot") return { ...e, operand: replaceConditions(e.operand, regexes) };
  const field = conditionField(e);
  return (field !== null && regexes.get(field)) || e;
}

/** The regex of `rex field=F "(?<G>RE)"`, by its group name; null for any other rex. */
function rexGroup(stage: Command): [string, IrExpr] | null {
  if (stage.type !== "RexCommand") return null;
  const field = stage.options.find((o) => o.key === "field")?.value;
  const m = /^\(\?<(\w+)>([\s\S]*)\)$/.exec(stage.pattern.value);
  if (!m || (field?.type !== "Word" && field?.type !== "Quoted")) return null;
  return [m[1]!, regexNode(field.value, m[2]!)];
}

/**
 * The reference converter's filter, read back into the IR. Under OR and NOT it writes a regex as a scaffold —
 * `| rex field=F "(?<FMatch>RE)" | eval FCondition=if(isnotnull(FMatch), "true", "false")` and later
 * `FCondition="true"` — which means "F matches RE"; read so, its output compares with ours (a formatting
 * difference, not a difference of meaning). Any other pipeline is read as it stands.
 */
export function referenceFilter(pipeline: Pipeline): IrExpr {
  const groups = new Map<string, IrExpr>();
  const regexes = new Map<string, IrExpr>();
  const parts: IrExpr[] = [];
  for (const stage of pipeline.stages) {
    const group = rexGroup(stage);
    if (group) groups.set(...group);
    else if (stage.type === "EvalCommand") {
      for (const a of stage.assignments) {
        const m = /^if\(isnotnull\((\w+)\), "true", "false"\)$/.exec(printExpr(a.value));
        const regex = m && groups.get(m[1]!);
        if (!regex) return splitFilter(pipeline).expr;
        regexes.set(a.field.name, regex);
      }
    } else {
      const split = splitFilter({ ...pipeline, leadingPipe: false, stages: [stage] });
      if (split.filterStages !== 1) return splitFilter(pipeline).expr;
      parts.push(replaceConditions(split.expr, regexes));
    }
  }
  return and(parts);
}
