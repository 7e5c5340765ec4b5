import type { BinCommand, ConvertCommand, EvalCommand, RexCommand } from "../../../spl/ast.js";
import { compileRegex, type RegexMatch } from "../../regex.js";
import { SplEvalError } from "../errors.js";
import { compileExpr, toField, type EvalContext } from "../expr.js";
import { regexReplace } from "../functions/text.js";
import { fieldPattern, numberText, scalarNumber, scalarText, valuesOf, type Scalar } from "../row.js";
import { binStart, parseSpan, type Span } from "../span.js";
import { relativeTime, strftime, strptime } from "../time-format.js";
import { readOptions, streaming, type StageFactory } from "./types.js";

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

/** A converted value, or REMOVE: `num()` drops values it cannot convert. */
const REMOVE = Symbol("remove");
type Converter = (v: Scalar) => Scalar | typeof REMOVE;

interface Conversion {
  readonly from: RegExp;
  readonly wild: boolean;
  readonly to: string;
  readonly f: Converter;
}

/**
 * `convert [timeformat=…] fn(field) [AS alias]…` for ctime, mktime, dur2sec, mstime, memk, num, auto, rmcomma,
 * rmunit and none. A wildcard field converts every matching field (`ctime(*Time) AS *_t` names each result
 * after the wildcard's match); `none(f)` keeps f out of the wildcard conversions.
 */
export function convertStage(cmd: ConvertCommand): StageFactory {
  const format = readOptions("convert", cmd.options, ["timeformat"]).text("timeformat") ?? CTIME_DEFAULT;
  const excluded = cmd.conversions.filter((c) => c.fn.toLowerCase() === "none").map((c) => fieldPattern(c.field.name));
  const conversions: Conversion[] = cmd.conversions
    .filter((c) => c.fn.toLowerCase() !== "none")
    .map((c) => ({ from: fieldPattern(c.field.name), wild: c.field.name.includes("*"), to: c.alias?.name ?? c.field.name, f: converter(c.fn.toLowerCase(), format) }));
  return streaming((row, emit) => {
    const out = new Map(row);
    for (const c of conversions) {
      for (const [name, v] of [...out]) {
        const m = c.from.exec(name);
        if (!m || (c.wild && excluded.some((re) => re.test(name)))) continue;
        let i = 1;
        const target = c.to.includes("*") ? c.to.replace(/\*/g, () => m[i++] ?? "") : c.to;
        const converted = valuesOf(v).map(c.f).filter((x): x is Scalar => x !== REMOVE);
        if (converted.length) out.set(target, converted.length === 1 ? converted[0]! : converted);
        else out.delete(target);
      }
    }
    emit(out);
  });
}

function converter(fn: string, format: string): Converter {
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
      return (v) => scalarNumber(v) ?? scalarNumber(scalarText(v).replace(/,/g, "")) ?? (fn === "num" ? REMOVE : v);
    case "rmcomma":
      return (v) => scalarText(v).replace(/,/g, "");
    case "rmunit":
      return (v) => scalarNumber(/^\s*[+-]?[\d.]+(e[+-]?\d+)?/i.exec(scalarText(v))?.[0] ?? "") ?? v;
    case "dur2sec":
      return (v) => {
        const m = /^(?:(\d+)\+)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(scalarText(v));
        return m ? Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) : v;
      };
    case "mstime":
      return (v) => {
        const m = /^(?:(\d+):)?(\d+(?:\.\d+)?)$/.exec(scalarText(v).trim());
        return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : v;
      };
    case "memk":
      return (v) => {
        const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)$/i.exec(scalarText(v).trim());
        return m ? Number(m[1]) * { "": 1, k: 1, m: 1024, g: 1024 * 1024 }[m[2]!.toLowerCase() as "k"] : v;
      };
    default:
      throw new SplEvalError(`convert ${fn}() is not supported by the evaluator`, "convert");
  }
}

/**
 * `bin|bucket [span=…] [aligntime=…] field [AS alias]`: each value becomes the start of its bin (times in
 * UTC; spans of a day or more start at midnight). Any field takes time units (its values are then epoch
 * seconds). `start=`/`end=` only bound an automatic span, so with span= they change nothing; an automatic
 * span (`bins=`, `minspan=` or no span) is not supported.
 */
export function binStage(cmd: BinCommand, ctx: EvalContext): StageFactory {
  const opts = readOptions(cmd.name, cmd.options, ["span", "start", "end", "aligntime"]);
  const spanText = opts.text("span");
  if (spanText === null) throw new SplEvalError(`${cmd.name} without span= (an automatic span) is not supported by the evaluator`, cmd.name);
  for (const k of ["start", "end"] as const) {
    const v = opts.text(k);
    if (v !== null && scalarNumber(v) === null) throw new SplEvalError(`${cmd.name} ${k}=${v} is not a number`, cmd.name);
  }
  const span = parseSpan(spanText, cmd.name);
  const align = alignment(opts.text("aligntime"), span, ctx, cmd.name);
  const from = cmd.field.name;
  const to = cmd.alias?.name ?? from;
  return streaming((row, emit) => {
    const n = scalarNumber(valuesOf(row.get(from))[0]);
    const start = n === null ? null : binStart(span, n, align);
    if (start === null) return emit(row);
    const out = new Map(row);
    out.set(to, start);
    emit(out);
  });
}

/** `aligntime=` as an offset: epoch seconds or a relative time (from now); ignored for spans of a day or more. */
function alignment(text: string | null, span: Span, ctx: EvalContext, command: string): number {
  if (text === null) return 0;
  if (span.type !== "Linear") throw new SplEvalError(`${command} aligntime= needs a time span`, command);
  if (span.size >= 86400) return 0;
  const t = scalarNumber(text) ?? relativeTime(ctx.now, text);
  if (t === null) throw new SplEvalError(`${command} aligntime=${text} is not supported by the evaluator (give epoch seconds or a relative time)`, command);
  return t;
}

/**
 * `rex [field=_raw] [max_match=1] [offset_field=f] "(?<name>…)"` extracts named groups (max_match>1 or 0 =
 * unlimited makes multivalues; offset_field gets each group's `name=start-end`, end inclusive, joined by `&`);
 * `rex mode=sed "s/re/repl/flags"` or `"y/abc/xyz/"` rewrites the field. No match leaves the row as it is.
 */
export function rexStage(cmd: RexCommand): StageFactory {
  const opts = readOptions("rex", cmd.options, ["field", "max_match", "offset_field", "mode"]);
  const field = opts.text("field") ?? "_raw";
  const mode = opts.text("mode");
  if (mode !== null && mode !== "sed") throw new SplEvalError(`rex mode=${mode} is not a mode (sed)`, "rex");
  if (mode === "sed") return sedStage(field, cmd.pattern.value);
  const re = compileRegex(cmd.pattern.value);
  if (!re.ok) throw new SplEvalError(`rex: ${re.message}`, "rex");
  const maxMatch = opts.int("max_match", 1);
  const offsetField = opts.text("offset_field");
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
    if (offsetField !== null) out.set(offsetField, offsets(matches, regex.groupNames));
    emit(out);
  });
}

function offsets(matches: readonly RegexMatch[], names: readonly string[]): string {
  const parts: string[] = [];
  for (const m of matches) {
    for (const name of names) {
      const span = m.spans[name];
      if (span) parts.push(`${name}=${span[0]}-${span[1] - 1}`);
    }
  }
  return parts.join("&");
}

function sedStage(field: string, expr: string): StageFactory {
  const rewrite = sedRewrite(expr);
  return streaming((row, emit) => {
    const v = row.get(field);
    if (v === undefined) return emit(row);
    const out = new Map(row);
    out.set(field, Array.isArray(v) ? v.map((x) => rewrite(scalarText(x))) : rewrite(scalarText(v as Scalar)));
    emit(out);
  });
}

/** A sed expression: `s/re/repl/[g|N][i]` (every match, or only the Nth) or `y/abc/xyz/` (characters). */
function sedRewrite(expr: string): (s: string) => string {
  const y = /^y(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1$/s.exec(expr);
  if (y) {
    const from = [...y[2]!];
    const to = [...y[3]!];
    if (from.length !== to.length) throw new SplEvalError(`rex mode=sed: "${expr}" maps ${from.length} characters to ${to.length}`, "rex");
    return (s) => [...s].map((c) => (from.includes(c) ? to[from.indexOf(c)]! : c)).join("");
  }
  const m = /^s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1(g?)(\d*)(i?)$/s.exec(expr);
  if (!m) throw new SplEvalError(`rex mode=sed: "${expr}" is not s/regex/replacement/flags or y/from/to/`, "rex");
  const [, , pattern, replacement, global, nth, icase] = m as unknown as [string, string, string, string, string, string, string];
  const flags: "i"[] = icase ? ["i"] : [];
  if (nth && global) throw new SplEvalError(`rex mode=sed: "${expr}" takes g or a number, not both`, "rex");
  const occurrence = nth ? Number(nth) : null;
  if (occurrence === 0) throw new SplEvalError(`rex mode=sed: "${expr}" counts occurrences from 1`, "rex");
  return (s) => regexReplace(s, pattern, replacement, occurrence === null ? (global ? "all" : "first") : { nth: occurrence }, flags);
}

export { numberText };
