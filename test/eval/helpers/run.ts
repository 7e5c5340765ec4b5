import { compileSplText, inMemoryEvents, rowToObject, runSpl } from "../../../src/eval/index.js";
import { MacroLibrary } from "../../../src/spl/macros/library.js";

/** Fixed "now" for now()/relative_time: 2024-03-01T12:00:00Z. */
export const NOW = 1709294400;

/** Runs a search on flat in-memory events (no profile: every key is a field); the rows as plain objects. */
export function spl(search: string, events: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const compiled = compileSplText(search, { macros: new MacroLibrary(), profile: null, now: NOW, lookupsDir: "test/fixtures/eval/lookups" });
  if (!compiled.search) throw new Error(compiled.diagnostics.map((d) => d.message).join("; "));
  return runSpl(compiled.search, inMemoryEvents(events)).rows.map((r) => {
    const o = rowToObject(r);
    delete o._raw;
    return o;
  });
}

export function splError(search: string): string {
  const compiled = compileSplText(search, { macros: new MacroLibrary(), profile: null, now: NOW });
  return compiled.diagnostics.map((d) => d.message).join("; ");
}

/** Evaluates one eval expression on one event. */
export function evalExpr(expr: string, event: Record<string, unknown> = {}): unknown {
  return spl(`* | eval r=${expr} | table r`, [event])[0]!.r;
}
