import type { Aggregation, StatsCommand } from "../../../spl/ast.js";
import { SplEvalError } from "../errors.js";
import { compileExpr, toField, type EvalContext } from "../expr.js";
import { compareScalars, type FieldValue, type Row, type Scalar, scalarNumber, scalarText, valuesOf } from "../row.js";
import { accumulatorFor, type Accumulator, type AccumulatorFactory } from "./aggregate.js";
import { spanSeconds } from "../span.js";
import { readOptions, type StageFactory } from "./types.js";

interface AggSpec {
  readonly name: string;
  readonly values: (row: Row) => readonly Scalar[];
  readonly make: AccumulatorFactory;
}

/**
 * stats, eventstats and streamstats. An event missing a by-field (or holding null there) takes no part.
 * `stats partitions=N` only spreads the work in Splunk, so it changes no result.
 */
export function statsStage(cmd: StatsCommand, ctx: EvalContext): StageFactory {
  const specs = cmd.aggregations.map((a) => aggSpec(a, ctx));
  const by = cmd.by.map((f) => f.name);
  switch (cmd.name) {
    case "stats":
      readOptions("stats", cmd.options, ["partitions"]).int("partitions", 1);
      return (next) => {
        const groups = new Map<string, { key: Scalar[]; accs: Accumulator[] }>();
        return {
          push: (row) => {
            for (const key of groupKeys(row, by)) {
              const id = JSON.stringify(key);
              let g = groups.get(id);
              if (!g) groups.set(id, (g = { key, accs: specs.map((s) => s.make()) }));
              feed(g.accs, specs, row);
            }
          },
          end: () => {
            // With no by-fields and no events, stats still gives one row (count=0).
            if (by.length === 0 && groups.size === 0) groups.set("[]", { key: [], accs: specs.map((s) => s.make()) });
            const sorted = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
            for (const g of sorted) next.push(resultRow(new Map(by.map((f, i) => [f, g.key[i]!])), specs, g.accs));
            next.end();
          },
        };
      };
    case "eventstats":
      readOptions("eventstats", cmd.options, []);
      return (next) => {
        const rows: Row[] = [];
        const groups = new Map<string, Accumulator[]>();
        return {
          push: (row) => {
            rows.push(row);
            for (const key of groupKeys(row, by)) {
              const id = JSON.stringify(key);
              let accs = groups.get(id);
              if (!accs) groups.set(id, (accs = specs.map((s) => s.make())));
              feed(accs, specs, row);
            }
          },
          end: () => {
            for (const row of rows) {
              const key = groupKeys(row, by)[0];
              const accs = key && groups.get(JSON.stringify(key));
              next.push(accs ? resultRow(new Map(row), specs, accs) : row);
            }
            next.end();
          },
        };
      };
    case "streamstats":
      return streamstats(cmd, specs, by);
    default:
      throw new SplEvalError(`unknown stats command ${String(cmd.name)}`);
  }
}

interface StreamEntry {
  readonly id: string;
  readonly time: number | null;
  readonly row: Row;
}

/**
 * `streamstats [current=t] [window=N] [time_window=span] [global=t] [reset_on_change=f] … [by …]`. Without a
 * window the statistics run over all earlier events of the group (Splunk's cap of 10,000 events,
 * max_stream_window, is not applied). `window=N` keeps the last N events — one window for all groups unless
 * global=f, and each event sees the events of its own group in it. `time_window` keeps the events whose
 * `_time` is within the span of the event's (boundary included; Splunk needs the events sorted by time).
 * reset_on_change clears everything when an event's by-values differ from the previous event's.
 */
function streamstats(cmd: StatsCommand, specs: readonly AggSpec[], by: readonly string[]): StageFactory {
  const opts = readOptions("streamstats", cmd.options, ["current", "window", "time_window", "global", "reset_on_change"]);
  const current = opts.bool("current", true);
  const window = opts.int("window", 0);
  if (window < 0) throw new SplEvalError("streamstats window= must not be negative", "streamstats");
  const timeText = opts.text("time_window");
  const timeWindow = timeText === null ? null : spanSeconds(timeText, "streamstats time_window");
  const resetOnChange = opts.bool("reset_on_change", false);
  const perGroup = !opts.bool("global", true) && by.length > 0;
  if (window === 0 && timeWindow === null) return cumulative(specs, by, current, resetOnChange);
  const keep = (list: StreamEntry[]): void => {
    if (window > 0 && list.length > window) list.splice(0, list.length - window);
  };
  return streamFrame<StreamEntry[]>(by, resetOnChange, (row, id, lists) => {
    const time = scalarNumber(valuesOf(row.get("_time"))[0]);
    if (timeWindow !== null && time === null) return row;
    const listId = perGroup ? id : "";
    let list = lists.get(listId) ?? [];
    if (timeWindow !== null) list = list.filter((e) => Math.abs(time! - e.time!) <= timeWindow);
    lists.set(listId, list);
    const entry = { id, time, row };
    if (current) list.push(entry), keep(list);
    const accs = specs.map((s) => s.make());
    for (const e of list) if (e.id === id) feed(accs, specs, e.row);
    if (!current) list.push(entry), keep(list);
    return resultRow(new Map(row), specs, accs);
  });
}

/** streamstats without a window: running accumulators per group, fed after (current=f) or before the result. */
function cumulative(specs: readonly AggSpec[], by: readonly string[], current: boolean, resetOnChange: boolean): StageFactory {
  return streamFrame<Accumulator[]>(by, resetOnChange, (row, id, groups) => {
    let accs = groups.get(id);
    if (!accs) groups.set(id, (accs = specs.map((s) => s.make())));
    if (current) feed(accs, specs, row);
    const out = resultRow(new Map(row), specs, accs);
    if (!current) feed(accs, specs, row);
    return out;
  });
}

/**
 * What every streamstats variant shares: a row without the by-fields passes unchanged; the others go to `step`
 * with their group's id and the running state, which reset_on_change clears when the group changes.
 */
function streamFrame<T>(by: readonly string[], resetOnChange: boolean, step: (row: Row, id: string, state: Map<string, T>) => Row): StageFactory {
  return (next) => {
    const state = new Map<string, T>();
    let lastId: string | null = null;
    return {
      push: (row) => {
        const key = groupKeys(row, by)[0];
        if (!key) return next.push(row);
        const id = JSON.stringify(key);
        if (resetOnChange && lastId !== null && id !== lastId) state.clear();
        lastId = id;
        next.push(step(row, id, state));
      },
      end: () => next.end(),
    };
  };
}

function aggSpec(a: Aggregation, ctx: EvalContext): AggSpec {
  const arg = a.args?.[0];
  let values: (row: Row) => readonly Scalar[] = () => [];
  let argText = "";
  if (arg?.type === "FieldName" || arg?.type === "FieldRef") {
    const field = arg.name;
    if (field.includes("*")) throw new SplEvalError(`wildcard fields in ${a.fn}(${field}) are not supported by the evaluator`);
    values = (row) => valuesOf(row.get(field));
    argText = field;
  } else if (arg) {
    const inner = arg.type === "Call" && arg.name.toLowerCase() === "eval" && arg.args.length === 1 ? arg.args[0]! : arg;
    const compiled = compileExpr(inner, ctx);
    // A false condition gives no value, so `count(eval(x>1))` counts the events where it holds, as in Splunk.
    values = (row) => {
      const v = compiled(row);
      return v === false ? [] : valuesOf(toField(v));
    };
    argText = "eval";
  }
  const name = a.alias?.name ?? (arg ? `${a.fn}(${argText})` : a.fn);
  return { name, values, make: accumulatorFor(a.fn, arg !== undefined) };
}

function feed(accs: readonly Accumulator[], specs: readonly AggSpec[], row: Row): void {
  const time = scalarNumber(valuesOf(row.get("_time"))[0]);
  for (let i = 0; i < specs.length; i++) accs[i]!.add(specs[i]!.values(row), time);
}

function resultRow(row: Row, specs: readonly AggSpec[], accs: readonly Accumulator[]): Row {
  specs.forEach((s, i) => {
    const v: FieldValue | undefined = accs[i]!.result();
    if (v === undefined) row.delete(s.name);
    else row.set(s.name, v);
  });
  return row;
}

/** Every combination of the by-fields' values (a multivalue by-field splits the event); none when one is missing. */
function groupKeys(row: Row, by: readonly string[]): Scalar[][] {
  let keys: Scalar[][] = [[]];
  for (const f of by) {
    const vs = valuesOf(row.get(f));
    if (vs.length === 0) return [];
    keys = vs.length === 1 ? keys.map((k) => [...k, vs[0]!]) : keys.flatMap((k) => [...new Set(vs.map(scalarText))].map((v) => [...k, v]));
  }
  return keys;
}

function compareKeys(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareScalars(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}
