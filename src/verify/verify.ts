import { inMemoryEvents, type EventRecord } from "../eval/events/types.js";
import { findLogsource } from "../eval/sigma/compile.js";
import { loadLogsourceDefinitions } from "../profiles/load.js";
import type { LogsourceKeys } from "../profiles/types.js";
import { boundaryEvents, type GeneratedEvent } from "./generate/boundary.js";
import type { RuleForm } from "./forms.js";
import { resultsLevel, type ResultsLevel } from "./pipeline-effects.js";

export type Verdict = "equivalent" | "differs" | "inconclusive";

export interface Disagreement {
  /** The smallest event found on which the forms disagree. */
  readonly event: unknown;
  readonly a: boolean;
  readonly b: boolean;
  /** The sub-conditions that decide each form's verdict on that event, in words. */
  readonly decidedBy: { readonly a: readonly string[]; readonly b: readonly string[] };
  /** How many of the events run disagree for this same cause. */
  readonly events: number;
}

/** How many boundary events verify generates unless told otherwise. */
export const DEFAULT_GENERATE = 1000;

export interface VerifyOptions {
  /** At most this many generated events. */
  readonly generate?: number;
  /** The Sigma rule's logsource: generated events keep its defining fields. */
  readonly logsource?: LogsourceKeys;
  /** Seeds the random part of the generated events: the same seed gives the same events. */
  readonly seed?: number;
}

export interface VerifyReport {
  readonly verdict: Verdict;
  readonly reason: string | null;
  readonly events: { readonly given: number; readonly generated: number };
  readonly disagreements: readonly Disagreement[];
  /** The results level, on the given events both forms match: the SPL search's rows and what its pipeline does. */
  readonly results: ResultsLevel | null;
}

/**
 * Runs two forms of a rule on the given events and on events generated on the boundaries of both, each form
 * with its own language's semantics, and reports every cause of disagreement with a minimal event.
 */
export function verifyForms(a: RuleForm, b: RuleForm, given: readonly EventRecord[], opts: VerifyOptions = {}): VerifyReport {
  const problems = [...a.problems, ...b.problems];
  const def = opts.logsource ? findLogsource(opts.logsource, loadLogsourceDefinitions().value ?? []) : null;
  const limit = opts.generate ?? DEFAULT_GENERATE;
  const generated = inMemoryEvents(boundaryEvents([a.ir, b.ir], { logsource: def, limit, environment: [...a.environment, ...b.environment], seed: opts.seed }), "<generated>");
  // One disagreement per cause (the same verdicts decided by the same sub-conditions): the first event found,
  // shrunk, stands for the others, which are counted.
  const byCause = new Map<string, Disagreement>();
  for (const e of [...given, ...generated]) {
    const va = a.matches(e);
    const vb = b.matches(e);
    if (va === vb) continue;
    const event = shrink(e.value, a, b);
    const [minimal] = inMemoryEvents([event]);
    const decidedBy = { a: a.explain(minimal!), b: b.explain(minimal!) };
    const key = JSON.stringify([va, vb, decidedBy]);
    const known = byCause.get(key);
    byCause.set(key, known ? { ...known, events: known.events + 1 } : { event, a: va, b: vb, decidedBy, events: 1 });
  }
  const disagreements = [...byCause.values()];
  const verdict: Verdict = disagreements.length ? "differs" : problems.length ? "inconclusive" : "equivalent";
  const spl = a.pipeline ?? b.pipeline;
  // Generated events lack fields by construction: the results level speaks of the given events only.
  const both = given.filter((e) => a.matches(e) && b.matches(e));
  const results = spl && given.length ? resultsLevel(spl.ast, both, spl.profile) : null;
  return {
    verdict,
    reason: verdict === "inconclusive" ? problems.join("; ") : null,
    events: { given: given.length, generated: generated.length },
    disagreements,
    results,
  };
}

/** Drops fields one at a time while the forms still disagree: the event that remains is minimal. */
function shrink(value: unknown, a: RuleForm, b: RuleForm): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  let current = value as GeneratedEvent;
  const disagree = (v: GeneratedEvent): boolean => {
    const [e] = inMemoryEvents([v]);
    return a.matches(e!) !== b.matches(e!);
  };
  for (const field of Object.keys(current)) {
    const { [field]: _dropped, ...without } = current;
    if (disagree(without)) current = without;
  }
  return current;
}
