import type { EventRecord } from "./events/types.js";
import { readEvents } from "./events/read.js";
import { loadLogsourceDefinitions } from "../profiles/load.js";
import { loadSigma } from "../sigma/load.js";
import { compileSigmaRule } from "./sigma/compile.js";
import { SIGMA_VALUE_VIEW, SIGMA_VIEW } from "./views/sigma.js";

/**
 * Entry points for the benchmark (`test/bench/run.ts`): each compiles once and returns the hot function, so
 * a benchmark times evaluation only.
 */

/** A Sigma rule (YAML text) as a predicate over bare parsed JSON values — the in-memory hot path. */
export function sigmaValuePredicate(ruleText: string, file = "rule.yml"): (value: unknown) => boolean {
  return compileSigmaPredicate(ruleText, file, SIGMA_VALUE_VIEW);
}

/** A Sigma rule as a predicate over records as the event reader yields them. */
export function sigmaRecordPredicate(ruleText: string, file = "rule.yml"): (e: EventRecord) => boolean {
  return compileSigmaPredicate(ruleText, file, SIGMA_VIEW);
}

function compileSigmaPredicate<E>(ruleText: string, file: string, view: typeof SIGMA_VIEW | typeof SIGMA_VALUE_VIEW): (e: E) => boolean {
  const doc = loadSigma(ruleText, file).documents[0]?.document;
  if (!doc || doc.type !== "SigmaRule") throw new Error(`${file}: not a Sigma detection rule`);
  const compiled = compileSigmaRule(doc, view as never, loadLogsourceDefinitions().value ?? []);
  if (compiled.problems.length) throw new Error(compiled.problems.join("; "));
  return compiled.predicate as (e: E) => boolean;
}

/** Streams a file (NDJSON or any layout) through a predicate: the end-to-end path of `sigspl eval`. */
export async function countMatchesInFile(path: string, predicate: (e: EventRecord) => boolean): Promise<{ events: number; matched: number }> {
  let matched = 0;
  const stats = await readEvents([path], { event: (e) => void (predicate(e) && matched++), diagnostic: () => undefined });
  return { events: stats.events, matched };
}

export { compileSplText, runSpl } from "./spl/evaluate.js";
export { inMemoryEvents } from "./events/types.js";
