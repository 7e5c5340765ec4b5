import { toNum } from "../expr.js";
import { arity, type EvalFunction } from "./types.js";

function unary(f: (n: number) => number): EvalFunction {
  return (a, info) => {
    arity(info, 1);
    return (row) => {
      const n = toNum(a[0]!(row));
      if (n === null) return null;
      const r = f(n);
      return Number.isFinite(r) ? r : null;
    };
  };
}

function extreme(pick: (x: number, y: number) => boolean): EvalFunction {
  return (a) => (row) => {
    let best: number | null = null;
    for (const f of a) {
      const n = toNum(f(row));
      if (n !== null && (best === null || pick(n, best))) best = n;
    }
    return best;
  };
}

export const MATH: Record<string, EvalFunction> = {
  abs: unary(Math.abs),
  floor: unary(Math.floor),
  ceil: unary(Math.ceil),
  ceiling: unary(Math.ceil),
  sqrt: unary(Math.sqrt),
  ln: unary(Math.log),
  exp: unary(Math.exp),
  exact: unary((n) => n),
  round: (a, info) => {
    arity(info, 1, 2);
    return (row) => {
      const n = toNum(a[0]!(row));
      const d = a[1] ? toNum(a[1](row)) ?? 0 : 0;
      if (n === null) return null;
      const f = 10 ** d;
      // Half away from zero, as Splunk rounds.
      return (Math.sign(n) * Math.round(Math.abs(n) * f)) / f;
    };
  },
  pow: (a, info) => {
    arity(info, 2);
    return (row) => {
      const x = toNum(a[0]!(row));
      const y = toNum(a[1]!(row));
      return x === null || y === null ? null : x ** y;
    };
  },
  log: (a, info) => {
    arity(info, 1, 2);
    return (row) => {
      const x = toNum(a[0]!(row));
      const b = a[1] ? toNum(a[1](row)) : 10;
      return x === null || b === null || x <= 0 ? null : Math.log(x) / Math.log(b);
    };
  },
  min: extreme((x, y) => x < y),
  max: extreme((x, y) => x > y),
  random: () => () => Math.floor(Math.random() * 2 ** 31),
  pi: () => () => Math.PI,
};
