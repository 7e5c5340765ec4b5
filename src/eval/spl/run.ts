import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Pipeline } from "../../spl/ast.js";
import { splSearchToIr } from "../../translate/spl-to-ir.js";
import type { EventRecord } from "../events/types.js";
import { compileIr, type Predicate } from "../ir/compile.js";
import type { SplunkView } from "../views/splunk.js";
import { compileStages, commandName } from "./compile.js";
import { SplEvalError } from "./errors.js";
import type { Row } from "./row.js";
import type { Stage, StageContext } from "./stages/types.js";

/** A compiled SPL search: start a run, push events, get the result rows. */
export interface CompiledSpl {
  start(onRow?: (row: Row) => void): SplRun;
}

export interface SplRun {
  push(e: EventRecord): void;
  /** Ends the stream; the result rows (empty when an `onRow` callback took them). */
  finish(): { rows: Row[]; matched: number };
}

export type CompileSplResult = { readonly ok: true; readonly search: CompiledSpl } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface SplOptions {
  readonly view: SplunkView;
  /** Epoch seconds for now(); defaults to the time of compilation. */
  readonly now?: number;
  readonly lookupsDir?: string | null;
}

/**
 * Compiles an (expanded) SPL pipeline once. The leading search runs on events through the Splunk view's
 * field accessors; only events it keeps become rows, so a selective search touches few fields per event.
 */
export function compileSpl(ast: Pipeline, opts: SplOptions): CompileSplResult {
  const ctx: StageContext = { now: opts.now ?? Math.floor(Date.now() / 1000), lookupsDir: opts.lookupsDir ?? null };
  const [first, ...rest] = ast.stages;
  try {
    if (!first || first.type !== "SearchCommand" || ast.leadingPipe) {
      const name = first ? commandName(first) : "(empty)";
      throw new SplEvalError(`a search must start with event selection; the generating command \`${name}\` is not supported by the evaluator`, name);
    }
    let predicate: Predicate<EventRecord> = () => true;
    if (first.expr) {
      const compiled = compileIr(splSearchToIr(first.expr), opts.view.source);
      if (compiled.problems.length) throw new SplEvalError(`search: ${compiled.problems.join("; ")}`, "search");
      predicate = compiled.predicate;
    }
    const factories = compileStages(rest, ctx);
    return { ok: true, search: { start: (onRow) => startRun(predicate, factories, opts.view, onRow) } };
  } catch (e) {
    if (e instanceof SplEvalError) return { ok: false, diagnostics: [{ code: "EVL1001", severity: "error", message: `cannot evaluate: ${e.message}` }] };
    throw e;
  }
}

function startRun(predicate: Predicate<EventRecord>, factories: ReturnType<typeof compileStages>, view: SplunkView, onRow?: (row: Row) => void): SplRun {
  const rows: Row[] = [];
  const sink: Stage = { push: onRow ?? ((r) => rows.push(r)), end: () => undefined };
  let head: Stage = sink;
  for (let i = factories.length - 1; i >= 0; i--) head = factories[i]!(head);
  let matched = 0;
  return {
    push(e) {
      if (!predicate(e)) return;
      matched++;
      head.push(view.materialize(e));
    },
    finish() {
      head.end();
      return { rows, matched };
    },
  };
}
