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
 * with its own language's semantics, and reports every event on which their verdicts differ.
 */
export function verifyForms(a: RuleForm, b: RuleForm, given: readonly EventRecord[], opts: VerifyOptions = {}): VerifyReport {
  const problems = [...a.problems, ...b.problems];
  const def = opts.logsource ? findLogsource(opts.logsource, loadLogsourceDefinitions().value ?? []) : null;
  const limit = opts.generate ?? DEFAULT_GENERATE;
  const generated = inMemoryEvents(boundaryEvents([a.ir, b.ir], { logsource: def, limit, environment: [...a.environment, ...b.environment], seed: opts.seed }), "<generated>");
  const disagreements: Disagreement[] = [];
  const seen = new Set<string>();
  for (const e of [...given, ...generated]) {
    const va = a.matches(e);
    const vb = b.matches(e);
    if (va === vb) continue;
    const event = shrink(e.value, a, b);
    const key = JSON.stringify(event);
    const [minimal] = inMemoryEvents([event]);
    if (!seen.has(key)) disagreements.push({ event, a: va, b: vb, decidedBy: { a: a.explain(minimal!), b: b.explain(minimal!) } });
    seen.add(key);
  }
  const verdict: Verdict = disagreements.length ? "differs" : problems.length ? "inconclusive" : "equivalent";
  const spl = a.pipeline ?? b.pipeline;
  // Generated events lack fields by construction: the results level speaks of the given events only.
  const both = given.filter((e) => a.matches(e) && b.matches(e));
  const results = spl ? resultsLevel(spl.ast, both, spl.profile) : null;
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
