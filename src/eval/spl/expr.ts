import type { BinaryOp, Expr } from "../../spl/ast.js";
import { ANY, ONE } from "../../ir/pattern.js";
import { compileGlob } from "../ir/glob.js";
import { assertNever } from "../../spl/ast.js";
import { SplEvalError } from "./errors.js";
import { FUNCTIONS } from "./functions/index.js";
import { type FieldValue, type Row, type Scalar, scalarNumber, scalarText } from "./row.js";

/** A value inside an eval expression: booleans exist only here; null is Splunk's null; arrays are multivalues. */
export type EvalValue = string | number | boolean | null | readonly Scalar[];
export type Compiled = (row: Row) => EvalValue;

export interface EvalContext {
  /** Epoch seconds for `now()` and `relative_time`; fixed per run so results are reproducible. */
  readonly now: number;
}

/** Compiles an eval/where expression once into a closure. `where` and eval are case-sensitive. */
export function compileExpr(expr: Expr, ctx: EvalContext): Compiled {
  switch (expr.type) {
    case "StringLit": {
      const v = expr.value;
      return () => v;
    }
    case "NumberLit": {
      const v = expr.value;
      return () => v;
    }
    case "FieldRef": {
      const name = expr.name;
      return (row) => fromField(row.get(name));
    }
    case "Call": {
      const fn = FUNCTIONS[expr.name.toLowerCase()];
      if (!fn) throw new SplEvalError(`eval function ${expr.name}() is not supported by the evaluator`);
      return fn(expr.args.map((a) => compileExpr(a, ctx)), { ctx, args: expr.args, name: expr.name, compile: (e) => compileExpr(e, ctx) });
    }
    case "Binary":
      return compileBinary(expr.op, compileExpr(expr.left, ctx), compileExpr(expr.right, ctx));
    case "Unary": {
      const inner = compileExpr(expr.operand, ctx);
      if (expr.op === "NOT") return (row) => nullableBool(inner(row), (b) => !b);
      const sign = expr.op === "-" ? -1 : 1;
      return (row) => {
        const n = toNum(inner(row));
        return n === null ? null : sign * n;
      };
    }
    case "InList": {
      const operand = compileExpr(expr.operand, ctx);
      const list = expr.list.map((e) => compileExpr(e, ctx));
      return (row) => {
        const v = operand(row);
        if (v === null) return null;
        return list.some((item) => equals(v, item(row)) === true);
      };
    }
    case "TemplateRef":
      throw new SplEvalError(`a foreach template ${expr.raw} outside foreach`);
    case "MacroRef":
      throw new SplEvalError(`an unexpanded macro ${expr.raw} (expand macros before evaluating)`);
    default:
      return assertNever(expr);
  }
}

export function fromField(v: FieldValue | undefined): EvalValue {
  return v === undefined ? null : v;
}

/** An eval result as a field value: null removes the field; booleans become text. */
export function toField(v: EvalValue): FieldValue | undefined {
  if (v === null) return undefined;
  if (typeof v === "boolean") return v ? "true" : "false";
  return v;
}

export function toNum(v: EvalValue): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string") return scalarNumber(v);
  if (Array.isArray(v) && v.length === 1) return scalarNumber(v[0]);
  return null;
}

export function toStr(v: EvalValue): string | null {
  if (v === null) return null;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return v.length ? scalarText(v[0]!) : null;
  return scalarText(v as Scalar);
}

/** Truthiness for `where` and `if`: only a true boolean is true (text "true" is not, as in Splunk). */
export function isTrue(v: EvalValue): boolean {
  return v === true;
}

function nullableBool(v: EvalValue, f: (b: boolean) => boolean): EvalValue {
  return typeof v === "boolean" ? f(v) : null;
}

/** `=`/`==`: numerically when both are numbers, else as case-sensitive text; a multivalue matches on any value. */
export function equals(a: EvalValue, b: EvalValue): boolean | null {
  return compareAny(a, b, (c) => c === 0);
}

function compareAny(a: EvalValue, b: EvalValue, test: (c: number) => boolean): boolean | null {
  if (a === null || b === null) return null;
  const as = Array.isArray(a) ? a : [a];
  const bs = Array.isArray(b) ? b : [b];
  for (const x of as) for (const y of bs) if (test(compare(x as Scalar | boolean, y as Scalar | boolean))) return true;
  return false;
}

function compare(a: Scalar | boolean, b: Scalar | boolean): number {
  const x = typeof a === "boolean" ? null : scalarNumber(a);
  const y = typeof b === "boolean" ? null : scalarNumber(b);
  if (x !== null && y !== null) return x === y ? 0 : x < y ? -1 : 1;
  const s = String(a);
  const t = String(b);
  return s === t ? 0 : s < t ? -1 : 1;
}

function compileBinary(op: BinaryOp, l: Compiled, r: Compiled): Compiled {
  switch (op) {
    case "AND":
      return (row) => {
        const a = l(row);
        if (a === false) return false;
        const b = r(row);
        return typeof a === "boolean" && typeof b === "boolean" ? a && b : null;
      };
    case "OR":
      return (row) => {
        const a = l(row);
        if (a === true) return true;
        const b = r(row);
        return b === true ? true : typeof a === "boolean" && typeof b === "boolean" ? false : null;
      };
    case "XOR":
      return (row) => {
        const a = l(row);
        const b = r(row);
        return typeof a === "boolean" && typeof b === "boolean" ? a !== b : null;
      };
    case "=":
    case "==":
      return (row) => equals(l(row), r(row));
    case "!=":
      return (row) => compareAny(l(row), r(row), (c) => c !== 0);
    case "<":
      return (row) => compareAny(l(row), r(row), (c) => c < 0);
    case "<=":
      return (row) => compareAny(l(row), r(row), (c) => c <= 0);
    case ">":
      return (row) => compareAny(l(row), r(row), (c) => c > 0);
    case ">=":
      return (row) => compareAny(l(row), r(row), (c) => c >= 0);
    case "LIKE":
      return (row) => likeMatch(l(row), r(row));
    case ".":
      return (row) => {
        const a = toStr(l(row));
        const b = toStr(r(row));
        return a === null || b === null ? null : a + b;
      };
    case "+":
      return (row) => {
        const a = l(row);
        const b = r(row);
        const x = toNum(a);
        const y = toNum(b);
        if (x !== null && y !== null) return x + y;
        const s = toStr(a);
        const t = toStr(b);
        return s === null || t === null ? null : s + t;
      };
    case "-":
    case "*":
    case "/":
    case "%":
      return arithmetic(op, l, r);
    default:
      return assertNever(op);
  }
}

function arithmetic(op: "-" | "*" | "/" | "%", l: Compiled, r: Compiled): Compiled {
  return (row) => {
    const x = toNum(l(row));
    const y = toNum(r(row));
    if (x === null || y === null) return null;
    if ((op === "/" || op === "%") && y === 0) return null;
    return op === "-" ? x - y : op === "*" ? x * y : op === "/" ? x / y : x % y;
  };
}

/** SQL LIKE: `%` any run, `_` one character; case-sensitive; the whole value. */
export function likeMatch(value: EvalValue, pattern: EvalValue): boolean | null {
  const v = toStr(value);
  const p = toStr(pattern);
  if (v === null || p === null) return null;
  return likeRegExp(p).test(v);
}

const likeCache = new Map<string, (v: string) => boolean>();
function likeRegExp(p: string): { test(v: string): boolean } {
  let test = likeCache.get(p);
  if (!test) {
    const parts = [...p].map((c) => (c === "%" ? ANY : c === "_" ? ONE : c));
    test = compileGlob({ parts }, true);
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(p, test);
  }
  return { test };
}
