import type { Profile } from "../profiles/types.js";
import type { SigmaRule } from "../sigma/model.js";
import type { Pipeline } from "../spl/ast.js";
import { applyProfileNames, logsourcePrefix, profileLogsource } from "./apply-profile.js";
import { irToSpl } from "./ir-to-spl.js";
import type { Loss } from "./loss.js";
import { sigmaRuleToIr, type Placeholders } from "./sigma-to-ir.js";

export interface RuleTranslation {
  /** The filter: the logsource prefix and the detection. */
  readonly pipeline: Pipeline;
  readonly losses: readonly Loss[];
}

/** A Sigma rule → the SPL search of its detection, through the IR and the profile. */
export function sigmaRuleToSpl(rule: SigmaRule, profile: Profile, placeholders: Placeholders = {}): RuleTranslation {
  const ir = sigmaRuleToIr(rule, placeholders);
  const prefix = logsourcePrefix(profileLogsource(profile, rule.logsource));
  const spl = irToSpl(applyProfileNames(ir.expr, profile), prefix);
  return { pipeline: spl.pipeline, losses: [...ir.losses, ...spl.losses] };
}
