import { compileIr, type FieldSource } from "../../../src/eval/ir/compile.js";
import { leaves } from "../../../src/eval/views/sigma.js";
import type { IrExpr } from "../../../src/ir/types.js";
import type { SearchCommand } from "../../../src/spl/ast.js";
import { parseSpl } from "../../../src/spl/parse.js";
import { splSearchToIr } from "../../../src/translate/spl-to-ir.js";

type Flat = Record<string, unknown>;

/** Events as flat objects: field = key; `_raw` = the `_raw` key or the JSON text. */
export const FLAT: FieldSource<Flat> = {
  field: (name) => (e) => (Object.hasOwn(e, name) ? e[name] : undefined),
  leaves: (e) => leaves(e),
  raw: (e) => (typeof e._raw === "string" ? e._raw : JSON.stringify(e)),
};

export function searchIr(search: string): IrExpr {
  const parsed = parseSpl(search);
  const stage = parsed.ast?.stages[0];
  if (!stage || stage.type !== "SearchCommand" || !stage.expr) throw new Error(`not a search: ${search} ${JSON.stringify(parsed.diagnostics)}`);
  return splSearchToIr((stage as SearchCommand).expr!);
}

/** Whether the search matches the (flat) event. */
export function splMatches(search: string, event: Flat): boolean {
  const compiled = compileIr(searchIr(search), FLAT);
  if (compiled.problems.length) throw new Error(compiled.problems.join("; "));
  return compiled.predicate(event);
}
