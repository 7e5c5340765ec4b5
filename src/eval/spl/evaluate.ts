import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { MacroLibrary } from "../../spl/macros/library.js";
import { parseSplExpanded } from "../../spl/expanded.js";
import type { Profile } from "../../profiles/types.js";
import type { EventRecord } from "../events/types.js";
import { splunkView } from "../views/splunk.js";
import { compileSpl, type CompiledSpl } from "./run.js";
import type { Row } from "./row.js";

export interface SplSearchOptions {
  readonly macros: MacroLibrary;
  /** The profile whose `splunk_view` says which fields events have; null: the events' own fields only. */
  readonly profile: Profile | null;
  readonly now?: number;
  readonly lookupsDir?: string | null;
}

/** Expands macros, parses and compiles an SPL search text once; diagnostics on any failure. */
export function compileSplText(search: string, opts: SplSearchOptions): { search: CompiledSpl | null; diagnostics: readonly Diagnostic[] } {
  const parsed = parseSplExpanded(search, opts.macros);
  if (!parsed.ast) return { search: null, diagnostics: parsed.diagnostics };
  const compiled = compileSpl(parsed.ast, { view: splunkView(opts.profile), now: opts.now, lookupsDir: opts.lookupsDir ?? null });
  return compiled.ok ? { search: compiled.search, diagnostics: parsed.diagnostics } : { search: null, diagnostics: compiled.diagnostics };
}

/** Runs a compiled search over in-memory events (tests, benchmark). */
export function runSpl(search: CompiledSpl, events: Iterable<EventRecord>): { rows: Row[]; matched: number } {
  const run = search.start();
  for (const e of events) run.push(e);
  return run.finish();
}

/** A row as a plain object (for JSON output and test assertions). */
export function rowToObject(row: Row): Record<string, string | number | readonly (string | number)[]> {
  return Object.fromEntries(row);
}
