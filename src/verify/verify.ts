import { inMemoryEvents, type EventRecord } from "../eval/events/types.js";
import { findLogsource } from "../eval/sigma/compile.js";
import { loadLogsourceDefinitions } from "../profiles/load.js";
import type { LogsourceKeys } from "../profiles/types.js";
import { boundaryEvents, type GeneratedEvent } from "./generate.js";
import type { RuleForm } from "./forms.js";
import { byFieldDrops, type PipelineEffect } from "./pipeline-effects.js";

export type Verdict = "equivalent" | "differs" | "inconclusive";

export interface Disagreement {
  /** The smallest event found on which the forms disagree. */
  readonly event: unknown;
  readonly a: boolean;
  readonly b: boolean;
}

export interface VerifyReport {
  readonly verdict: Verdict;
  readonly reason: string | null;
  readonly events: { readonly given: number; readonly generated: number };
  readonly disagreements: readonly Disagreement[];
  /** The results level: what the SPL form's pipeline does to events both forms match (e.g. `stats … by`). */
  readonly results: readonly PipelineEffect[];
}

/**
 * Runs two forms of a rule on the given events and on events generated on the boundaries of both, each form
 * with its own language's semantics, and reports every event on which their verdicts differ.
 */
export function verifyForms(a: RuleForm, b: RuleForm, given: readonly EventRecord[], generate: number, logsource?: LogsourceKeys): VerifyReport {
  const problems = [...a.problems, ...b.problems];
  const def = logsource ? findLogsource(logsource, loadLogsourceDefinitions().value ?? []) : null;
  const generated = inMemoryEvents(boundaryEvents([a.ir, b.ir], def, generate, [...a.environment, ...b.environment]), "<generated>");
  const disagreements: Disagreement[] = [];
  const seen = new Set<string>();
  for (const e of [...given, ...generated]) {
    const va = a.matches(e);
    const vb = b.matches(e);
    if (va === vb) continue;
    const event = shrink(e.value, a, b);
    const key = JSON.stringify(event);
    if (!seen.has(key)) disagreements.push({ event, a: va, b: vb });
    seen.add(key);
  }
  const verdict: Verdict = disagreements.length ? "differs" : problems.length ? "inconclusive" : "equivalent";
  const spl = a.pipeline ?? b.pipeline;
  // Generated events lack fields by construction: the results level speaks of the given events only.
  const both = given.filter((e) => a.matches(e) && b.matches(e));
  const results = spl ? byFieldDrops(spl.ast, both, spl.profile) : [];
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
