import { and, not } from "../ir/build.js";
import type { IrExpr } from "../ir/types.js";
import type { Command, Pipeline } from "../spl/ast.js";
import { splSearchToIr } from "./spl-to-ir.js";
import { regexNode, whereToIr } from "./where-to-ir.js";

export interface FilterSplit {
  /** What the filtering stages mean together (their AND). */
  readonly expr: IrExpr;
  /** How many leading stages only filter events. */
  readonly filterStages: number;
  /** The stages after the filter (stats, rename, macros …), as written. */
  readonly rest: readonly Command[];
}

/** `table`/`fields` only choose columns: at the end of a search they do not change which events match. */
const PRESENTATION = new Set(["TableCommand", "FieldsCommand"]);

/**
 * The filtering part of a search: the leading search and every later `search`, `where` or `regex` up to the
 * first command that changes events. Macros must be expanded first, or they stay `IrUnsupported`.
 */
export function splitFilter(pipeline: Pipeline): FilterSplit {
  const parts: IrExpr[] = [];
  let i = 0;
  for (; i < pipeline.stages.length; i++) {
    const part = filterOf(pipeline.stages[i]!);
    if (part === null) break;
    parts.push(part);
  }
  return { expr: and(parts), filterStages: i, rest: pipeline.stages.slice(i) };
}

/** The filter a stage applies, or null when the stage does more than filter. */
function filterOf(stage: Command): IrExpr | null {
  switch (stage.type) {
    case "SearchCommand":
      return stage.expr ? splSearchToIr(stage.expr) : { type: "IrConst", value: true };
    case "WhereCommand":
      return whereToIr(stage.expr);
    case "RegexCommand": {
      const regex = regexNode(stage.field?.name ?? "_raw", stage.pattern.value);
      return stage.negated ? not(regex) : regex;
    }
    default:
      return null;
  }
}

/** True when what follows the filter only presents columns (so the filter is the whole meaning). */
export function onlyPresentation(rest: readonly Command[]): boolean {
  return rest.every((c) => PRESENTATION.has(c.type));
}
