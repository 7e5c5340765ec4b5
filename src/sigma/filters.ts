import { parseCondition } from "./condition/parse.js";
import { printCondition } from "./condition/print.js";
import type { LogSource, NamedSearch, SigmaCondition, SigmaFilter, SigmaRule } from "./model.js";

/** Whether a filter names the rule (by id or name) and its log source agrees with the rule's. */
export function filterApplies(filter: SigmaFilter, rule: SigmaRule): boolean {
  const named = filter.filter.rules.some((ref) => ref === rule.id || ref === rule.name);
  const keys = ["category", "product", "service"] as const;
  return named && keys.every((k) => filter.logsource[k] === undefined || filter.logsource[k] === (rule.logsource as LogSource)[k]);
}

function reparsed(text: string): SigmaCondition {
  const { expr } = parseCondition(text);
  if (!expr) throw new Error(`internal: printed condition does not parse: ${text}`);
  return { text, expr };
}

/**
 * Applies global filters the way pySigma does (semantics.md §1.8): the filter's search identifiers
 * join the rule's with a `_filt<n>_` prefix, and each condition becomes `(rule) and (filter)`.
 * The filter condition is not negated: filter authors write `not selection`.
 */
export function applyFilters(rule: SigmaRule, filters: readonly SigmaFilter[]): SigmaRule {
  return filters.filter((f) => filterApplies(f, rule)).reduce(applyOne, rule);
}

function applyOne(rule: SigmaRule, filter: SigmaFilter, n: number): SigmaRule {
  const prefix = `_filt${n}_`;
  const own = filter.filter.searches.map((s) => s.name);
  const rename = (name: string): string => prefix + name;
  const searches: NamedSearch[] = filter.filter.searches.map((s) => ({ name: rename(s.name), search: s.search }));
  // `them` in a filter means the filter's own identifiers, which all carry the prefix.
  const filterText = filter.filter.conditions.map((c) => printCondition(c.expr, rename, `${prefix}*`)).join(") or (");
  const conditions = rule.detection.conditions.map((c) => reparsed(`(${c.text}) and (${filterText})`));
  return own.length === 0 ? rule : { ...rule, detection: { searches: [...rule.detection.searches, ...searches], conditions } };
}
