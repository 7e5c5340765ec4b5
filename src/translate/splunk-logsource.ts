import type { LogsourceKeys, Profile } from "../profiles/types.js";
import type { SearchExpr } from "../spl/ast.js";
import { sameAst } from "../spl/compare.js";
import { logsourcePrefix } from "./apply-profile.js";

export interface LogsourceMatch {
  readonly logsource: LogsourceKeys;
  /** The leading search's conditions that the logsource does not account for. */
  readonly rest: readonly SearchExpr[];
}

function conjuncts(expr: SearchExpr | null): readonly SearchExpr[] {
  if (!expr) return [];
  return expr.type === "SearchAnd" ? expr.operands : [expr];
}

/**
 * The profile's logsources in reverse: the entry whose whole search prefix stands among the leading search's
 * conditions (`` `sysmon` `` and `EventCode IN (17, 18)` → windows / pipe_created), the one that accounts for
 * the most conditions winning. Its conditions are consumed by the logsource.
 */
export function matchLogsource(profile: Profile, leading: SearchExpr | null): LogsourceMatch | null {
  const terms = conjuncts(leading);
  let best: { logsource: LogsourceKeys; used: Set<number> } | null = null;
  for (const entry of profile.logsources) {
    const prefix = conjuncts(logsourcePrefix(entry));
    if (prefix.length === 0) continue;
    const used = new Set<number>();
    for (const p of prefix) {
      const at = terms.findIndex((t, i) => !used.has(i) && sameAst(t, p));
      if (at < 0) break;
      used.add(at);
    }
    if (used.size === prefix.length && (!best || used.size > best.used.size)) best = { logsource: entry.logsource, used };
  }
  if (!best) return null;
  const used = best.used;
  return { logsource: best.logsource, rest: terms.filter((_, i) => !used.has(i)) };
}
