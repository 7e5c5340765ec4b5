import { inNetwork, parseAddress, parseNetwork } from "../../../ir/cidr.js";
import { compileRegex } from "../../regex.js";
import { SplEvalError } from "../errors.js";
import { equals, isTrue, likeMatch, toStr } from "../expr.js";
import { arity, type EvalFunction } from "./types.js";

/** Conditionals, null tests and matching functions. `if`/`case`/`coalesce` evaluate their arms lazily. */
export const CONDITIONAL: Record<string, EvalFunction> = {
  if: (a, info) => {
    arity(info, 3);
    const [c, t, f] = a as [typeof a[0], typeof a[0], typeof a[0]];
    return (row) => (isTrue(c!(row)) ? t!(row) : f!(row));
  },
  case: (a) => {
    if (a.length % 2 !== 0) throw new SplEvalError("case() takes condition/value pairs");
    return (row) => {
      for (let i = 0; i < a.length; i += 2) if (isTrue(a[i]!(row))) return a[i + 1]!(row);
      return null;
    };
  },
  coalesce: (a) => (row) => {
    for (const f of a) {
      const v = f(row);
      if (v !== null) return v;
    }
    return null;
  },
  isnull: (a, info) => {
    arity(info, 1);
    return (row) => a[0]!(row) === null;
  },
  isnotnull: (a, info) => {
    arity(info, 1);
    return (row) => a[0]!(row) !== null;
  },
  null: (_a, info) => {
    arity(info, 0);
    return () => null;
  },
  true: () => () => true,
  false: () => () => false,
  like: (a, info) => {
    arity(info, 2);
    return (row) => likeMatch(a[0]!(row), a[1]!(row));
  },
  match: (a, info) => {
    arity(info, 2);
    return (row) => {
      const v = a[0]!(row);
      const p = toStr(a[1]!(row));
      if (v === null || p === null) return null;
      const re = compileRegex(p);
      if (!re.ok) throw new SplEvalError(re.message);
      return (Array.isArray(v) ? v : [v]).some((x) => re.regex.test(String(x)));
    };
  },
  cidrmatch: (a, info) => {
    arity(info, 2);
    return (row) => {
      const net = toStr(a[0]!(row));
      const ip = toStr(a[1]!(row));
      if (net === null || ip === null) return null;
      const n = parseNetwork(net);
      const addr = parseAddress(ip);
      return n !== null && addr !== null && inNetwork(addr, n);
    };
  },
  in: (a, info) => {
    arity(info, 2, Infinity);
    return (row) => {
      const v = a[0]!(row);
      return v === null ? null : a.slice(1).some((f) => equals(v, f(row)) === true);
    };
  },
  searchmatch: (_a, info) => {
    throw new SplEvalError(`${info.name}() is not supported by the evaluator`);
  },
  validate: (a) => (row) => {
    for (let i = 0; i + 1 < a.length; i += 2) if (!isTrue(a[i]!(row))) return a[i + 1]!(row);
    return null;
  },
  isnum: (a) => (row) => typeof a[0]!(row) === "number",
  isstr: (a) => (row) => typeof a[0]!(row) === "string",
  isint: (a) => (row) => Number.isInteger(a[0]!(row)),
  typeof: (a) => (row) => {
    const v = a[0]!(row);
    return v === null ? "Invalid" : typeof v === "number" ? "Number" : typeof v === "boolean" ? "Boolean" : Array.isArray(v) ? "Multivalue" : "String";
  },
};
