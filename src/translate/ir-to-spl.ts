import { toNegationNormalForm } from "../ir/map-fields.js";
import type { IrExpr } from "../ir/types.js";
import type { Command, Pipeline, SearchExpr } from "../spl/ast.js";
import { renderSearch, searchExpressible } from "./ir-to-search.js";
import { renderWhere } from "./ir-to-where.js";
import type { Loss } from "./loss.js";
import { NO_SPAN, searchAnd, searchTerm, word } from "./spl-build.js";

export interface SplTranslation {
  readonly pipeline: Pipeline;
  readonly losses: readonly Loss[];
}

/**
 * IR → an SPL search: the conjuncts the search command can state exactly go into the leading search (after
 * the logsource prefix); the rest go into one `| where`, whose eval syntax states anything the IR can and
 * composes under AND, OR and NOT.
 */
export function irToSpl(expr: IrExpr, prefix: SearchExpr | null): SplTranslation {
  const losses: Loss[] = [];
  const conjuncts = expr.type === "IrAnd" ? expr.operands : expr.type === "IrConst" && expr.value ? [] : [expr];
  const inSearch = conjuncts.filter(searchExpressible);
  const inWhere = conjuncts.filter((c) => !searchExpressible(c));
  const searchParts = [...(prefix ? [prefix] : []), ...inSearch.map((c) => renderSearch(c, losses))];
  const stages: Command[] = [
    { type: "SearchCommand", explicit: false, expr: searchParts.length ? searchAnd(searchParts) : searchTerm(word("*")), loc: NO_SPAN },
  ];
  if (inWhere.length) {
    const where = renderWhere(toNegationNormalForm(inWhere.length === 1 ? inWhere[0]! : { type: "IrAnd", operands: inWhere }), losses);
    stages.push({ type: "WhereCommand", expr: where, loc: NO_SPAN });
  }
  return { pipeline: { type: "Pipeline", leadingPipe: false, stages, comments: [], loc: NO_SPAN }, losses };
}
