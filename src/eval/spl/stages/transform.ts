import type { BinCommand, ConvertCommand, EvalCommand, RexCommand } from "../../../spl/ast.js";
import { compileRegex } from "../../regex.js";
import { SplEvalError } from "../errors.js";
import { compileExpr, toField, type EvalContext } from "../expr.js";
import { regexReplace } from "../functions/text.js";
import { numberText, scalarNumber, scalarText, valuesOf, type FieldValue, type Row, type Scalar } from "../row.js";
import { normalizeUnit, strftime, strptime } from "../time-format.js";
import { intOption, option, streaming, type StageFactory } from "./types.js";

/** `eval a=…, b=…`: assignments in order, each seeing the ones before; a null result removes the field. */
export function evalStage(cmd: EvalCommand, ctx: EvalContext): StageFactory {
  const assignments = cmd.assignments.map((a) => ({ field: a.field.name, value: compileExpr(a.value, ctx) }));
  return streaming((row, emit) => {
    const out = new Map(row);
    for (const a of assignments) {
      const v = toField(a.value(out));
      if (v === undefined) out.delete(a.field);
      else out.set(a.field, v);
    }
    emit(out);
  });
}

/** Splunk's default `convert` time format: `%m/%d/%Y %H:%M:%S` (in UTC here). */
export const CTIME_DEFAULT = "%m/%d/%Y %H:%M:%S";

/** `convert [timeformat=…] fn(field) [AS alias]…` for ctime, mktime, num, auto, none, rmcomma, rmunit, dur2sec. */
export function convertStage(cmd: ConvertCommand): StageFactory {
  const format = option(cmd.options, "timeformat") ?? CTIME_DEFAULT;
  const conversions = cmd.conversions.map((c) => {
    if (c.field.name.includes("*")) throw new SplEvalError(`convert ${c.fn}(${c.field.name}): wildcard fields are not supported by the evaluator`, "convert");
    return { from: c.field.name, to: c.alias?.name ?? c.field.name, f: converter(c.fn.toLowerCase(), format) };
  });
  return streaming((row, emit) => {
    const out = new Map(row);
    for (const c of conversions) {
      const v = out.get(c.from);
      if (v === undefined) continue;
      const converted = valuesOf(v).map(c.f).filter((x): x is Scalar => x !== null);
      if (converted.length) out.set(c.to, converted.length === 1 ? converted[0]! : converted);
    }
    emit(out);
  });
}

function converter(fn: string, format: string): (v: Scalar) => Scalar | null {
  switch (fn) {
    case "ctime":
      return (v) => {
        const n = scalarNumber(v);
        return n === null ? v : strftime(n, format);
      };
    case "mktime":
      return (v) => strptime(scalarText(v), format) ?? v;
    case "num":
    case "auto":
      return (v) => scalarNumber(v) ?? scalarNumber(scalarText(v).replace(/,/g, "")) ?? (fn === "num" ? null : v);
    case "none":
      return (v) => v;
    case "rmcomma":
      return (v) => scalarText(v).replace(/,/g, "");
    case "rmunit":
      return (v) => scalarNumber(/^\s*[+-]?[\d.]+(e[+-]?\d+)?/i.exec(scalarText(v))?.[0] ?? "") ?? null;
    case "dur2sec":
      return (v) => {
        const m = /^(?:(\d+)\+)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(scalarText(v));
        return m ? Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) : null;
      };
    default:
      throw new SplEvalError(`convert ${fn}() is not supported by the evaluator`, "convert");
  }
}

/** `bin|bucket field span=N[unit] [AS alias]`: rounds down to a multiple of the span (times in UTC). */
export function binStage(cmd: BinCommand): StageFactory {
  const span = option(cmd.options, "span");
  if (span === null) throw new SplEvalError(`${cmd.name} needs span= (bins= is not supported by the evaluator)`, cmd.name);
  const size = spanSeconds(span, cmd.field.name === "_time");
  const from = cmd.field.name;
  const to = cmd.alias?.name ?? from;
  return streaming((row, emit) => {
    const n = scalarNumber(valuesOf(row.get(from))[0]);
    if (n === null) return emit(row);
    const out = new Map(row);
    out.set(to, size.floor(n));
    emit(out);
  });
}

function spanSeconds(span: string, isTime: boolean): { floor: (n: number) => number } {
  const m = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(span.trim());
  if (!m) throw new SplEvalError(`bin span=${span} is not a span`, "bin");
  const n = Number(m[1]);
  if (!m[2]) return { floor: (x) => Math.floor(x / n) * n };
  const unit = normalizeUnit(m[2]);
  if (!unit || !isTime) throw new SplEvalError(`bin span=${span}: unknown unit`, "bin");
  if (unit === "mon" || unit === "y") {
    const months = unit === "y" ? 12 * n : n;
    return {
      floor: (x) => {
        const d = new Date(x * 1000);
        const total = d.getUTCFullYear() * 12 + d.getUTCMonth();
        const start = total - (total % months);
        return Date.UTC(Math.floor(start / 12), start % 12, 1) / 1000;
      },
    };
  }
  const seconds = n * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[unit as "s"];
  return { floor: (x) => Math.floor(x / seconds) * seconds };
}

/**
 * `rex [field=_raw] [max_match=1] "(?<name>…)"` extracts named groups (max_match>1 or 0 = unlimited makes
 * multivalues); `rex mode=sed "s/re/repl/flags"` rewrites the field. No match leaves the row as it is.
 */
export function rexStage(cmd: RexCommand): StageFactory {
  const field = option(cmd.options, "field") ?? "_raw";
  if (option(cmd.options, "mode") === "sed") return sedStage(field, cmd.pattern.value);
  const re = compileRegex(cmd.pattern.value);
  if (!re.ok) throw new SplEvalError(`rex: ${re.message}`, "rex");
  const maxMatch = intOption(cmd.options, "max_match", 1);
  const { regex } = re;
  return streaming((row, emit) => {
    const text = valuesOf(row.get(field)).map(scalarText)[0];
    if (text === undefined) return emit(row);
    const matches = regex.matches(text, maxMatch === 0 ? Infinity : maxMatch);
    if (!matches.length) return emit(row);
    const out = new Map(row);
    for (const name of regex.groupNames) {
      const vs = matches.map((m) => m.groups[name]).filter((v): v is string => v !== null && v !== undefined);
      if (vs.length) out.set(name, vs.length === 1 ? vs[0]! : vs);
    }
    emit(out);
  });
}

function sedStage(field: string, expr: string): StageFactory {
  const m = /^s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1([gi\d]*)$/s.exec(expr);
  if (!m) throw new SplEvalError(`rex mode=sed: "${expr}" is not s/regex/replacement/flags`, "rex");
  const [, , pattern, replacement, flags] = m as unknown as [string, string, string, string, string];
  const global = flags.includes("g");
  const reFlags: "i"[] = flags.includes("i") ? ["i"] : [];
  return streaming((row, emit) => {
    const v = row.get(field);
    if (v === undefined) return emit(row);
    const out = new Map(row);
    const replaced: FieldValue = Array.isArray(v) ? v.map((x) => regexReplace(scalarText(x), pattern, replacement, global, reFlags)) : regexReplace(scalarText(v as Scalar), pattern, replacement, global, reFlags);
    out.set(field, replaced);
    emit(out);
  });
}

export { numberText };
