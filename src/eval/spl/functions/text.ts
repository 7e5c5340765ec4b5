import { createHash } from "node:crypto";
import { compileRegex } from "../../regex.js";
import { SplEvalError } from "../errors.js";
import { toNum, toStr, type Compiled, type EvalValue } from "../expr.js";
import { numberText } from "../row.js";
import { arity, type EvalFunction } from "./types.js";

/** A function of one text argument: null in, null out; a multivalue maps each value. */
function textFn(f: (s: string) => EvalValue): EvalFunction {
  return (a, info) => {
    arity(info, 1);
    return (row) => {
      const v = a[0]!(row);
      if (Array.isArray(v)) return v.map((x) => f(String(x))).filter((x): x is string | number => typeof x === "string" || typeof x === "number");
      const s = toStr(v);
      return s === null ? null : f(s);
    };
  };
}

function hash(alg: string): EvalFunction {
  return textFn((s) => createHash(alg).update(s).digest("hex"));
}

function trimmer(side: "both" | "left" | "right"): EvalFunction {
  return (a, info) => {
    arity(info, 1, 2);
    return (row) => {
      const s = toStr(a[0]!(row));
      if (s === null) return null;
      const chars = a[1] ? toStr(a[1](row)) ?? " \t" : " \t\n\r";
      let start = 0;
      let end = s.length;
      if (side !== "right") while (start < end && chars.includes(s[start]!)) start++;
      if (side !== "left") while (end > start && chars.includes(s[end - 1]!)) end--;
      return s.slice(start, end);
    };
  };
}

export const TEXT: Record<string, EvalFunction> = {
  lower: textFn((s) => s.toLowerCase()),
  upper: textFn((s) => s.toUpperCase()),
  len: textFn((s) => [...s].length),
  urldecode: textFn((s) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return s;
    }
  }),
  md5: hash("md5"),
  sha1: hash("sha1"),
  sha256: hash("sha256"),
  sha512: hash("sha512"),
  trim: trimmer("both"),
  ltrim: trimmer("left"),
  rtrim: trimmer("right"),
  substr: (a, info) => {
    arity(info, 2, 3);
    return (row) => {
      const s = toStr(a[0]!(row));
      const start = toNum(a[1]!(row));
      if (s === null || start === null) return null;
      const chars = [...s];
      // 1-based; a negative start counts from the end.
      const from = start > 0 ? start - 1 : start < 0 ? Math.max(0, chars.length + start) : 0;
      const len = a[2] ? toNum(a[2](row)) : null;
      return chars.slice(from, len === null ? undefined : from + Math.max(0, len)).join("");
    };
  },
  replace: (a, info) => {
    arity(info, 3);
    return (row) => {
      const s = toStr(a[0]!(row));
      const p = toStr(a[1]!(row));
      const r = toStr(a[2]!(row));
      if (s === null || p === null || r === null) return null;
      return regexReplace(s, p, r, "all");
    };
  },
  split: (a, info) => {
    arity(info, 2);
    return (row) => {
      const s = toStr(a[0]!(row));
      const d = toStr(a[1]!(row));
      if (s === null || d === null) return null;
      return d === "" ? [...s] : s.split(d);
    };
  },
  tostring: (a, info) => {
    arity(info, 1, 2);
    return (row) => {
      const v = a[0]!(row);
      const fmt = a[1] ? toStr(a[1](row)) : null;
      if (v === null) return null;
      const n = toNum(v);
      if (fmt === "hex" && n !== null) return `0x${Math.trunc(n).toString(16).toUpperCase()}`;
      if (fmt === "commas" && n !== null) return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
      if (fmt === "duration" && n !== null) return duration(n);
      return typeof v === "number" ? numberText(v) : toStr(v);
    };
  },
  tonumber: (a, info) => {
    arity(info, 1, 2);
    return (row) => {
      const s = toStr(a[0]!(row));
      if (s === null) return null;
      const base = a[1] ? toNum(a[1](row)) ?? 10 : 10;
      if (base === 10) return toNum(s);
      const n = parseInt(s.replace(/^0x/i, ""), base);
      return Number.isNaN(n) ? null : n;
    };
  },
};

function duration(n: number): string {
  const s = Math.trunc(n);
  const pad = (x: number): string => String(x).padStart(2, "0");
  const days = Math.floor(s / 86400);
  const hms = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days ? `${days}+${hms}` : hms;
}

/** Which matches a replacement rewrites: all, the first, or only the Nth (sed's numeric flag). */
export type Occurrences = "all" | "first" | { readonly nth: number };

/**
 * Replaces matches of a PCRE (run by the safe engine) with a replacement where `\1`…`\9` are groups — the
 * shared core of eval `replace()` and `rex mode=sed`.
 */
export function regexReplace(s: string, pattern: string, replacement: string, which: Occurrences, flags: ("i" | "m" | "s")[] = []): string {
  const re = compileRegex(pattern, flags);
  if (!re.ok) throw new SplEvalError(re.message);
  const all = re.regex.matches(s, which === "first" ? 1 : which === "all" ? Infinity : which.nth);
  const matches = typeof which === "object" ? all.slice(which.nth - 1) : all;
  let out = "";
  let last = 0;
  for (const m of matches) {
    out += s.slice(last, m.start) + replacement.replace(/\\(\d)|\\(\\)|&/g, (whole, d: string | undefined, bs: string | undefined) => (bs ? "\\" : d !== undefined ? m.numbered[Number(d)] ?? "" : whole === "&" ? whole : ""));
    last = m.end;
  }
  return out + s.slice(last);
}

export type { Compiled };
