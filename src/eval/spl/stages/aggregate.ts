import { SplEvalError } from "../errors.js";
import { compareScalars, type FieldValue, type Scalar, scalarNumber, scalarText } from "../row.js";

/**
 * One stats function's running state. Each takes the values an event gives (none when the field is missing)
 * and the event's `_time` (for earliest/latest), and yields the result field (undefined: no value).
 */
export interface Accumulator {
  add(values: readonly Scalar[], time: number | null): void;
  result(): FieldValue | undefined;
}

export type AccumulatorFactory = () => Accumulator;

/** Splunk caps `list()` at 100 values and `values()` at 10,000 (limits.conf defaults). */
const LIST_LIMIT = 100;
const VALUES_LIMIT = 10_000;

export function accumulatorFor(fn: string, hasArg: boolean): AccumulatorFactory {
  const name = fn.toLowerCase();
  const perc = /^(?:p|perc|upperperc|exactperc)(\d+(?:\.\d+)?)$/.exec(name);
  if (perc) return () => numeric((ns) => percentile(ns, Number(perc[1])));
  switch (name) {
    case "count":
      return hasArg ? () => counter((vs) => vs.length) : () => counter(() => 1);
    case "c":
      return () => counter((vs) => vs.length);
    case "dc":
    case "distinct_count":
      return () => distinct((set) => set.size);
    case "values":
      return () => distinct((set) => sortedValues(set));
    case "list":
      return () => listing();
    case "min":
      return () => extreme((c) => c < 0);
    case "max":
      return () => extreme((c) => c > 0);
    case "sum":
      return () => numeric((ns) => ns.reduce((a, b) => a + b, 0));
    case "avg":
    case "mean":
      return () => numeric((ns) => ns.reduce((a, b) => a + b, 0) / ns.length);
    case "range":
      return () => numeric((ns) => Math.max(...ns) - Math.min(...ns));
    case "median":
      return () => numeric((ns) => percentile(ns, 50));
    case "stdev":
    case "var":
    case "stdevp":
    case "varp":
      return () => numeric((ns) => spread(ns, name));
    case "mode":
      return () => modeOf();
    case "first":
      return () => positional("first");
    case "last":
      return () => positional("last");
    case "earliest":
      return () => timed((t, best) => t < best);
    case "latest":
      return () => timed((t, best) => t >= best);
    case "earliest_time":
    case "latest_time":
      return () => timeOnly(name === "earliest_time" ? (t, b) => t < b : (t, b) => t > b);
    default:
      throw new SplEvalError(`stats function ${fn}() is not supported by the evaluator`);
  }
}

function counter(weight: (vs: readonly Scalar[]) => number): Accumulator {
  let n = 0;
  return { add: (vs) => void (n += weight(vs)), result: () => n };
}

function distinct(out: (set: Set<string>) => FieldValue | undefined): Accumulator {
  const set = new Set<string>();
  return {
    add: (vs) => {
      for (const v of vs) if (set.size < VALUES_LIMIT) set.add(scalarText(v));
    },
    result: () => out(set),
  };
}

/** `values()` sorts lexicographically (as text), as Splunk does. */
function sortedValues(set: Set<string>): FieldValue | undefined {
  if (set.size === 0) return undefined;
  const list = [...set].sort();
  return list.length === 1 ? list[0]! : list;
}

function listing(): Accumulator {
  const list: Scalar[] = [];
  return {
    add: (vs) => {
      for (const v of vs) if (list.length < LIST_LIMIT) list.push(v);
    },
    result: () => (list.length === 0 ? undefined : list.length === 1 ? list[0]! : [...list]),
  };
}

/** min/max: numerically when every value is numeric, else lexicographically (Splunk's rule). */
function extreme(better: (c: number) => boolean): Accumulator {
  let best: Scalar | undefined;
  return {
    add: (vs) => {
      for (const v of vs) if (best === undefined || better(compareScalars(v, best))) best = v;
    },
    result: () => (best === undefined ? undefined : scalarNumber(best) ?? best),
  };
}

function numeric(f: (ns: number[]) => number): Accumulator {
  const ns: number[] = [];
  return {
    add: (vs) => {
      for (const v of vs) {
        const n = scalarNumber(v);
        if (n !== null) ns.push(n);
      }
    },
    result: () => (ns.length === 0 ? undefined : f(ns)),
  };
}

function percentile(ns: number[], p: number): number {
  const sorted = [...ns].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

function spread(ns: number[], kind: string): number {
  const mean = ns.reduce((a, b) => a + b, 0) / ns.length;
  const ss = ns.reduce((a, b) => a + (b - mean) ** 2, 0);
  const population = kind.endsWith("p");
  const variance = ss / (population ? ns.length : Math.max(1, ns.length - 1));
  return kind.startsWith("stdev") ? Math.sqrt(variance) : variance;
}

function modeOf(): Accumulator {
  const counts = new Map<string, number>();
  return {
    add: (vs) => {
      for (const v of vs) counts.set(scalarText(v), (counts.get(scalarText(v)) ?? 0) + 1);
    },
    result: () => {
      let best: string | undefined;
      for (const [k, n] of counts) if (best === undefined || n > counts.get(best)!) best = k;
      return best;
    },
  };
}

/** first/last in the order events reach the command (input order here; Splunk's is newest first). */
function positional(which: "first" | "last"): Accumulator {
  let value: FieldValue | undefined;
  return {
    add: (vs) => {
      if (vs.length && (which === "last" || value === undefined)) value = vs.length === 1 ? vs[0]! : [...vs];
    },
    result: () => value,
  };
}

function timed(better: (t: number, best: number) => boolean): Accumulator {
  let value: FieldValue | undefined;
  let bestTime: number | null = null;
  return {
    add: (vs, t) => {
      if (!vs.length || t === null) return;
      if (bestTime === null || better(t, bestTime)) {
        bestTime = t;
        value = vs.length === 1 ? vs[0]! : [...vs];
      }
    },
    result: () => value,
  };
}

function timeOnly(better: (t: number, best: number) => boolean): Accumulator {
  let best: number | null = null;
  return {
    add: (vs, t) => {
      if (vs.length && t !== null && (best === null || better(t, best))) best = t;
    },
    result: () => best ?? undefined,
  };
}
