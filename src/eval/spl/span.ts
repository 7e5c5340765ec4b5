import { SplEvalError } from "./errors.js";
import { normalizeUnit } from "./time-format.js";

/**
 * A span as `bin`, `bucket` and `streamstats time_window=` write it: a number with an optional time unit
 * (`10`, `5m`, `1h`, `2mon`), or, for bin only, a log span `[coef]log[base]` (`log`, `2log10`, `log2`).
 */
export type Span =
  | { readonly type: "Linear"; readonly size: number }
  | { readonly type: "Months"; readonly months: number }
  | { readonly type: "Log"; readonly coef: number; readonly base: number };

const SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

export function parseSpan(text: string, command: string): Span {
  const t = text.trim();
  const log = /^(\d+(?:\.\d+)?)?log(\d+(?:\.\d+)?)?$/i.exec(t);
  if (log) return logSpan(log[1] === undefined ? 1 : Number(log[1]), log[2] === undefined ? 10 : Number(log[2]), t, command);
  const m = /^(\d+(?:\.\d+)?)?([a-zA-Z]*)$/.exec(t);
  if (!m || (m[1] === undefined && !m[2])) throw new SplEvalError(`${command} span=${text} is not a span`, command);
  const n = m[1] === undefined ? 1 : Number(m[1]);
  if (!(n > 0)) throw new SplEvalError(`${command} span=${text} must be positive`, command);
  if (!m[2]) return { type: "Linear", size: n };
  const unit = normalizeUnit(m[2]);
  if (unit === "mon" || unit === "y") return { type: "Months", months: unit === "y" ? 12 * n : n };
  if (unit === null || SECONDS[unit] === undefined) throw new SplEvalError(`${command} span=${text}: unknown time unit ${m[2]}`, command);
  return { type: "Linear", size: n * SECONDS[unit] };
}

function logSpan(coef: number, base: number, text: string, command: string): Span {
  // Splunk's rule: the base is above 1, and the coefficient is at least 1 and below the base.
  if (!(base > 1) || !(coef >= 1 && coef < base)) throw new SplEvalError(`${command} span=${text}: a log span needs base > 1 and 1 <= coefficient < base`, command);
  return { type: "Log", coef, base };
}

/** The span's length in seconds, for windows measured in time (months and log spans have none). */
export function spanSeconds(text: string, command: string): number {
  const span = parseSpan(text, command);
  if (span.type !== "Linear") throw new SplEvalError(`${command}=${text}: give the window in s, m, h, d or w`, command);
  return span.size;
}

/**
 * The start of the bin holding x: a multiple of the span (shifted by `align`), the first of a month for
 * month spans, `coef·base^k` for log spans (null for x ≤ 0, which no log bin holds).
 */
export function binStart(span: Span, x: number, align = 0): number | null {
  switch (span.type) {
    case "Linear":
      return Math.floor((x - align) / span.size) * span.size + align;
    case "Months": {
      const d = new Date(x * 1000);
      const total = d.getUTCFullYear() * 12 + d.getUTCMonth();
      const start = total - (((total % span.months) + span.months) % span.months);
      return Date.UTC(Math.floor(start / 12), start % 12, 1) / 1000;
    }
    case "Log": {
      if (x <= 0) return null;
      const k = Math.floor(Math.log(x / span.coef) / Math.log(span.base) + 1e-12);
      return span.coef * span.base ** k;
    }
  }
}
