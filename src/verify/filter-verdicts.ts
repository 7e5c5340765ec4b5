import { inMemoryEvents } from "../eval/events/types.js";
import { compileIr } from "../eval/ir/compile.js";
import { SIGMA_VIEW } from "../eval/views/sigma.js";
import { splunkView } from "../eval/views/splunk.js";
import type { IrExpr } from "../ir/types.js";
import type { Profile } from "../profiles/types.js";
import { sigmaRuleToIr } from "../translate/sigma-to-ir.js";
import type { SigmaRule } from "../sigma/model.js";
import { boundaryEvents } from "./generate/boundary.js";

export interface VerdictComparison {
  readonly events: number;
  /** The events on which the SPL filter and the Sigma rule disagree, with the SPL verdict. */
  readonly disagreements: readonly { readonly event: unknown; readonly spl: boolean }[];
}

/**
 * A first, simple verifier: the SPL filter (with Splunk's semantics, on the profile's Splunk view) and the
 * Sigma rule's detection (with Sigma's, on the Sigma view) judge the same events, made from the rule's own
 * literals. The logsource is left aside: which events it stands for is the profile's data, not the rule's.
 */
export function compareFilterVerdicts(splFilter: IrExpr, rule: SigmaRule, profile: Profile): VerdictComparison {
  const detection = sigmaRuleToIr(rule).expr;
  const sigma = compileIr(detection, SIGMA_VIEW);
  const spl = compileIr(splFilter, splunkView(profile).source);
  const events = inMemoryEvents(boundaryEvents([detection], { logsource: null, limit: 200 }));
  const disagreements = events.flatMap((e) => {
    const verdict = spl.predicate(e);
    return verdict === sigma.predicate(e) ? [] : [{ event: e.value, spl: verdict }];
  });
  return { events: events.length, disagreements };
}
