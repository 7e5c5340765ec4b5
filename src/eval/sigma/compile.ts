import { and, or } from "../../ir/build.js";
import type { IrExpr } from "../../ir/types.js";
import type { LogsourceDefinition, LogsourceKeys } from "../../profiles/types.js";
import type { SigmaRule } from "../../sigma/model.js";
import type { Loss } from "../../translate/loss.js";
import { sigmaRuleToIr, type Placeholders } from "../../translate/sigma-to-ir.js";
import { compileIr, type FieldSource, type Predicate } from "../ir/compile.js";

export interface CompiledSigma<E> {
  readonly predicate: Predicate<E>;
  /** The whole condition evaluated: the logsource's events AND the detection. */
  readonly expr: IrExpr;
  /** What the Sigma → IR translation could not state exactly (e.g. an `expand` placeholder without values). */
  readonly losses: readonly Loss[];
  /** Why some part cannot be evaluated (unsupported regex constructs …); the predicate is then not exact. */
  readonly problems: readonly string[];
  /** The logsource definition applied, or null when none is known (the detection then runs on every event). */
  readonly logsource: LogsourceDefinition | null;
}

/**
 * Compiles a Sigma rule once into a predicate over a view of events (normally `SIGMA_VIEW`): the detection as
 * IR (`sigmaRuleToIr`, the same translation the SPL output comes from), ANDed with its logsource's events as
 * Sigma's taxonomy defines them (`rules/profiles/logsources.yml`).
 */
export function compileSigmaRule<E>(rule: SigmaRule, source: FieldSource<E>, logsources: readonly LogsourceDefinition[], placeholders: Placeholders = {}): CompiledSigma<E> {
  const detection = sigmaRuleToIr(rule, placeholders);
  const logsource = findLogsource(rule.logsource, logsources);
  const expr = logsource ? and([logsourceIr(logsource), detection.expr]) : detection.expr;
  const compiled = compileIr(expr, source);
  return { predicate: compiled.predicate, expr, losses: detection.losses, problems: compiled.problems, logsource };
}

const KEYS = ["product", "category", "service"] as const;

/** The most specific definition whose every key equals the rule's (case-insensitively, as Sigma tools compare). */
export function findLogsource(logsource: LogsourceKeys, defs: readonly LogsourceDefinition[]): LogsourceDefinition | null {
  let best: LogsourceDefinition | null = null;
  let bestKeys = -1;
  for (const def of defs) {
    const keys = KEYS.filter((k) => def.logsource[k] !== undefined);
    if (!keys.every((k) => def.logsource[k]!.toLowerCase() === logsource[k]?.toLowerCase())) continue;
    if (keys.length > bestKeys) [best, bestKeys] = [def, keys.length];
  }
  return best;
}

/** Every listed field equals one of its values (as text, case-insensitively). */
export function logsourceIr(def: LogsourceDefinition): IrExpr {
  return and(
    Object.entries(def.conditions).map(([field, values]) =>
      or(values.map((v) => ({ type: "IrMatch", field, pattern: { parts: [String(v)] }, caseSensitive: false }) as IrExpr)),
    ),
  );
}
