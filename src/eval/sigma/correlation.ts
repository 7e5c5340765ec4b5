import type { Correlation, CountOp } from "../../sigma/model.js";
import type { EventRecord } from "../events/types.js";
import { textsOf, toNumber } from "../ir/values.js";
import { eventTime } from "../views/splunk.js";
import { sigmaField } from "../views/sigma.js";

/** A referenced rule: its name (and id), and its compiled predicate. */
export interface CorrelatedRule {
  readonly name: string;
  readonly id?: string;
  readonly predicate: (e: EventRecord) => boolean;
}

/** One alert: the group's values and the events that made it. */
export interface CorrelationAlert {
  readonly group: Readonly<Record<string, string>>;
  readonly value: number;
  readonly events: readonly EventRecord[];
}

interface Entry {
  readonly time: number;
  readonly rule: number;
  readonly value: string | null;
  readonly event: EventRecord;
}

/**
 * Runs a correlation over events in time order (`_time` as the Splunk view reads it; events without one are
 * skipped), with a **sliding** window of `timespan` per group — the spec's meaning, not Splunk's tumbling
 * `bin`. Group-by fields resolve through `aliases` per rule; an event missing one takes no part. An alert
 * fires when the condition holds on the window ending at an event; the group's window then starts afresh,
 * so one burst gives one alert. `lt`/`lte` conditions are checked when a window closes (its first event is
 * older than the timespan, or the stream ends), since a count only grows while the window is open.
 */
export function runCorrelation(c: Correlation, rules: readonly CorrelatedRule[], events: Iterable<EventRecord>): CorrelationAlert[] {
  const ordered = [...events].map((e) => ({ e, t: eventTime(e.value) })).filter((x): x is { e: EventRecord; t: number } => x.t !== undefined).sort((a, b) => a.t - b.t);
  const span = c.timespan.seconds;
  const groupBy = c.groupBy ?? [];
  const getters = rules.map((r) => groupBy.map((g) => sigmaField(c.aliases?.[g]?.[r.name] ?? (r.id ? c.aliases?.[g]?.[r.id] : undefined) ?? g)));
  const valueField = typeof c.condition?.field === "string" ? c.condition.field : Array.isArray(c.condition?.field) ? c.condition.field[0] : undefined;
  const valueGet = valueField ? sigmaField(valueField) : null;
  const closing = (c.condition?.comparisons ?? []).some((x) => x.op === "lt" || x.op === "lte");
  const windows = new Map<string, { group: Record<string, string>; entries: Entry[] }>();
  const alerts: CorrelationAlert[] = [];
  const check = (w: { group: Record<string, string>; entries: Entry[] }): void => {
    const value = measure(c, w.entries, rules.length);
    if (holds(c, value, rules.length)) {
      alerts.push({ group: w.group, value, events: w.entries.map((x) => x.event) });
      w.entries = [];
    }
  };
  for (const { e, t } of ordered) {
    rules.forEach((r, ri) => {
      if (!r.predicate(e)) return;
      const key = getters[ri]!.map((g) => textsOf(g(e.value))[0]);
      if (key.includes(undefined)) return;
      const id = JSON.stringify(key);
      const w = windows.get(id) ?? { group: Object.fromEntries(groupBy.map((g, i) => [g, key[i]!])), entries: [] };
      windows.set(id, w);
      if (closing && w.entries.length && t - w.entries[0]!.time > span) {
        check(w);
        w.entries = [];
      }
      w.entries = w.entries.filter((x) => t - x.time <= span);
      w.entries.push({ time: t, rule: ri, value: valueGet ? textsOf(valueGet(e.value))[0] ?? null : null, event: e });
      if (!closing) check(w);
    });
  }
  if (closing) for (const w of windows.values()) if (w.entries.length) check(w);
  return alerts;
}

function measure(c: Correlation, entries: readonly Entry[], ruleCount: number): number {
  const values = entries.map((x) => x.value).filter((v): v is string => v !== null);
  const numbers = values.map(toNumber).filter((n): n is number => n !== null);
  switch (c.type) {
    case "event_count":
      return entries.length;
    case "value_count":
      return new Set(values).size;
    case "value_sum":
      return numbers.reduce((a, b) => a + b, 0);
    case "value_avg":
      return numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : 0;
    case "value_percentile":
      return numbers.length ? [...numbers].sort((a, b) => a - b)[Math.min(numbers.length - 1, Math.floor(numbers.length / 2))]! : 0;
    case "temporal":
      return new Set(entries.map((x) => x.rule)).size;
    case "temporal_ordered":
      return orderedPrefix(entries, ruleCount);
  }
}

/** How many of the rules occur in the window in their listed order (a subsequence by time). */
function orderedPrefix(entries: readonly Entry[], ruleCount: number): number {
  let next = 0;
  for (const x of entries) if (next < ruleCount && x.rule === next) next++;
  return next;
}

/** The condition; for temporal types it defaults to "all referenced rules" (`gte: len(rules)`). */
function holds(c: Correlation, value: number, ruleCount: number): boolean {
  const comparisons = c.condition?.comparisons.length ? c.condition.comparisons : [{ op: "gte" as CountOp, value: ruleCount }];
  return comparisons.every(({ op, value: v }) => compare(op, value, v));
}

function compare(op: CountOp, x: number, y: number): boolean {
  switch (op) {
    case "gt": return x > y;
    case "gte": return x >= y;
    case "lt": return x < y;
    case "lte": return x <= y;
    case "eq": return x === y;
    case "neq": return x !== y;
  }
}
