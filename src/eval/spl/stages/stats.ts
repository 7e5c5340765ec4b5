import type { Aggregation, StatsCommand } from "../../../spl/ast.js";
import { SplEvalError } from "../errors.js";
import { compileExpr, toField, type EvalContext } from "../expr.js";
import { compareScalars, type FieldValue, type Row, type Scalar, scalarNumber, scalarText, valuesOf } from "../row.js";
import { accumulatorFor, type Accumulator, type AccumulatorFactory } from "./aggregate.js";
import { boolOption, intOption, type StageFactory } from "./types.js";

interface AggSpec {
  readonly name: string;
  readonly values: (row: Row) => readonly Scalar[];
  readonly make: AccumulatorFactory;
}

/** stats, eventstats and streamstats. An event missing a by-field (or holding null there) takes no part. */
export function statsStage(cmd: StatsCommand, ctx: EvalContext): StageFactory {
  const specs = cmd.aggregations.map((a) => aggSpec(a, ctx));
  const by = cmd.by.map((f) => f.name);
  switch (cmd.name) {
    case "stats":
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

function streamstats(cmd: StatsCommand, specs: readonly AggSpec[], by: readonly string[]): StageFactory {
  const current = boolOption(cmd.options, "current", true);
  const window = intOption(cmd.options, "window", 0);
  return (next) => {
    const windows = new Map<string, Row[]>();
    return {
      push: (row) => {
        const key = groupKeys(row, by)[0];
        if (!key) return next.push(row);
        const id = JSON.stringify(key);
        const seen = windows.get(id) ?? [];
        windows.set(id, seen);
        if (current) seen.push(row);
        if (window > 0 && seen.length > window) seen.shift();
        const accs = specs.map((s) => s.make());
        for (const r of seen) feed(accs, specs, r);
        if (!current) {
          seen.push(row);
          if (window > 0 && seen.length > window) seen.shift();
        }
        next.push(resultRow(new Map(row), specs, accs));
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
