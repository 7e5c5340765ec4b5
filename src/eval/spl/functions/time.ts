import { toNum, toStr } from "../expr.js";
import { relativeTime, strftime, strptime } from "../time-format.js";
import { arity, type EvalFunction } from "./types.js";

/** Time functions; all in UTC (see time-format.ts). `now()` and `time()` are the run's fixed start time. */
export const TIME: Record<string, EvalFunction> = {
  now: (_a, info) => {
    arity(info, 0);
    const now = info.ctx.now;
    return () => now;
  },
  time: (_a, info) => {
    const now = info.ctx.now;
    return () => now;
  },
  strftime: (a, info) => {
    arity(info, 2);
    return (row) => {
      const t = toNum(a[0]!(row));
      const f = toStr(a[1]!(row));
      return t === null || f === null ? null : strftime(t, f);
    };
  },
  strptime: (a, info) => {
    arity(info, 2);
    return (row) => {
      const s = toStr(a[0]!(row));
      const f = toStr(a[1]!(row));
      return s === null || f === null ? null : strptime(s, f);
    };
  },
  relative_time: (a, info) => {
    arity(info, 2);
    return (row) => {
      const t = toNum(a[0]!(row));
      const m = toStr(a[1]!(row));
      return t === null || m === null ? null : relativeTime(t, m);
    };
  },
};
