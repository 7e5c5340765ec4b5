import type { Profile } from "../profiles/types.js";
import type { CorrelationCondition, CountOp, SigmaCorrelation, SigmaRule } from "../sigma/model.js";
import type { Aggregation, Command, Expr, Option, Pipeline, Subsearch } from "../spl/ast.js";
import type { Loss } from "./loss.js";
import { sigmaRuleToSpl } from "./sigma-to-spl.js";
import { binary, call, field, fieldName, joinExprs, NO_SPAN, num, str, word } from "./spl-build.js";

/** The rule a correlation names (by `name` or `id`), if the batch holds it. */
export type RuleResolver = (reference: string) => SigmaRule | undefined;

export interface CorrelationTranslation {
  readonly pipeline: Pipeline | null;
  readonly losses: readonly Loss[];
  readonly error: string | null;
}

const OPS: Record<CountOp, "<" | "<=" | ">" | ">=" | "==" | "!="> = { lt: "<", lte: "<=", gt: ">", gte: ">=", eq: "==", neq: "!=" };
const RESULT = "correlation_value";

/**
 * A correlation rule → SPL with Sigma's meaning: the events of the referenced rules, in time order, then
 * `streamstats time_window=<timespan>` per group — a sliding window ending at each event, which is what the
 * specification asks for ("not restricted to boundaries"), unlike `bin`'s fixed buckets — and a `where`
 * on the window's value. Several rules are joined with `multisearch`, each event tagged with its rule.
 */
export function correlationToSpl(corr: SigmaCorrelation, resolve: RuleResolver, profile: Profile): CorrelationTranslation {
  const c = corr.correlation;
  const losses: Loss[] = [];
  const rules = c.rules.map((ref) => ({ ref, rule: resolve(ref) }));
  const missing = rules.filter((r) => !r.rule).map((r) => r.ref);
  if (missing.length) return { pipeline: null, losses, error: `correlation refers to rules not given with it: ${missing.join(", ")}` };
  const tagged = c.type === "temporal" || c.type === "temporal_ordered";
  const branches = rules.map(({ ref, rule }) => branch(ref, rule!, corr, profile, tagged, losses));
  const source: Command[] = branches.length === 1 ? branches[0]! : [multisearch(branches)];
  const stages = [...source, sortByTime(), ...windowStages(corr), where(condition(corr))];
  return { pipeline: { type: "Pipeline", leadingPipe: branches.length > 1, stages, comments: [], loc: NO_SPAN }, losses, error: null };
}

/** One referenced rule's events: its filter, its aliases as fields, and (for temporal types) its name. */
function branch(ref: string, rule: SigmaRule, corr: SigmaCorrelation, profile: Profile, tagged: boolean, losses: Loss[]): Command[] {
  const translated = sigmaRuleToSpl(rule, profile);
  losses.push(...translated.losses.map((l) => ({ ...l, path: `rules.${ref}.${l.path}` })));
  const assignments = Object.entries(corr.correlation.aliases ?? {}).flatMap(([alias, byRule]) => {
    const source = byRule[rule.name ?? ""] ?? byRule[ref];
    return source ? [assign(alias, field(profile.fieldNames[source] ?? source))] : [];
  });
  if (tagged) assignments.push(assign("sigma_rule", str(ref)));
  const evals: Command[] = assignments.length ? [{ type: "EvalCommand", assignments, loc: NO_SPAN }] : [];
  return [...translated.pipeline.stages, ...evals];
}

function assign(name: string, value: Expr): { type: "Assignment"; field: ReturnType<typeof fieldName>; value: Expr; loc: typeof NO_SPAN } {
  return { type: "Assignment", field: { ...fieldName(name), quoted: false }, value, loc: NO_SPAN };
}

function multisearch(branches: Command[][]): Command {
  const subsearches: Subsearch[] = branches.map((stages) => {
    const [first, ...rest] = stages;
    const explicit: Command = first?.type === "SearchCommand" ? { ...first, explicit: true } : first!;
    return { type: "Subsearch", pipeline: { type: "Pipeline", leadingPipe: false, stages: [explicit, ...rest], comments: [], loc: NO_SPAN }, loc: NO_SPAN };
  });
  return { type: "GenericCommand", name: "multisearch", args: subsearches, loc: NO_SPAN };
}

function sortByTime(): Command {
  return { type: "SortCommand", limit: 0, keys: [{ type: "SortKey", order: "+", field: fieldName("_time"), fn: null, loc: NO_SPAN }], desc: false, loc: NO_SPAN };
}

function option(key: string, value: string): Option {
  return { type: "Option", key, value: word(value), loc: NO_SPAN };
}

function agg(fn: string, arg: string | null, alias: string): Aggregation {
  return { type: "Aggregation", fn, args: arg === null ? null : [fieldName(arg)], alias: fieldName(alias), loc: NO_SPAN };
}

function streamstats(corr: SigmaCorrelation, aggregation: Aggregation, extraBy: string[] = []): Command {
  const by = [...(corr.correlation.groupBy ?? []), ...extraBy].map(fieldName);
  return { type: "StatsCommand", name: "streamstats", options: [option("time_window", corr.correlation.timespan.text)], aggregations: [aggregation], by, loc: NO_SPAN };
}

function conditionField(c: CorrelationCondition | undefined): string {
  const f = c?.field;
  return Array.isArray(f) ? (f[0] as string) : ((f as string | undefined) ?? "");
}

/** The sliding-window statistic of each type, left in `correlation_value`. */
function windowStages(corr: SigmaCorrelation): Command[] {
  const c = corr.correlation;
  const valueField = conditionField(c.condition);
  switch (c.type) {
    case "event_count":
      return [streamstats(corr, agg("count", null, RESULT))];
    case "value_count":
      return [streamstats(corr, agg("dc", valueField, RESULT))];
    case "value_sum":
      return [streamstats(corr, agg("sum", valueField, RESULT))];
    case "value_avg":
      return [streamstats(corr, agg("avg", valueField, RESULT))];
    case "value_percentile":
      // The share, in percent, of the window's events that carry this event's value.
      return [
        streamstats(corr, agg("count", null, "correlation_total")),
        streamstats(corr, agg("count", null, "correlation_same"), [valueField]),
        { type: "EvalCommand", assignments: [assign(RESULT, binary("/", binary("*", num(100), field("correlation_same")), field("correlation_total")))], loc: NO_SPAN },
      ];
    case "temporal":
      return [streamstats(corr, agg("dc", "sigma_rule", RESULT))];
    case "temporal_ordered":
      return [
        streamstats(corr, agg("list", "sigma_rule", "correlation_sequence")),
        { type: "EvalCommand", assignments: [assign(RESULT, orderedCount(c.rules))], loc: NO_SPAN },
      ];
    default:
      return c.type;
  }
}

/** For temporal_ordered: the number of rules when the window's rule sequence holds them in order, else 0. */
function orderedCount(rules: readonly string[]): Expr {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = `(^|,)${rules.map(escape).join(",(.*,)?")}(,|$)`;
  return call("if", call("match", call("mvjoin", field("correlation_sequence"), str(",")), str(pattern)), num(rules.length), num(0));
}

/** The correlation's condition on `correlation_value`; temporal types default to "all rules seen". */
function condition(corr: SigmaCorrelation): Expr {
  const c = corr.correlation;
  const comparisons = c.condition?.comparisons.length ? c.condition.comparisons : [{ op: "gte" as const, value: c.rules.length }];
  return joinExprs("AND", comparisons.map((cmp) => binary(OPS[cmp.op], field(RESULT), num(cmp.value))));
}

function where(expr: Expr): Command {
  return { type: "WhereCommand", expr, loc: NO_SPAN };
}
