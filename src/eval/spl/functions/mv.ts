import { SplEvalError } from "../errors.js";
import { isTrue, toNum, toStr, type Compiled, type EvalValue } from "../expr.js";
import type { Scalar } from "../row.js";
import { compileRegex } from "../../regex.js";
import { arity, type EvalFunction } from "./types.js";

/** The values of an eval value as a list (null → empty). */
export function mvValues(v: EvalValue): Scalar[] {
  if (v === null) return [];
  if (Array.isArray(v)) return [...v];
  if (typeof v === "boolean") return [v ? "true" : "false"];
  return [v as Scalar];
}

/** A list as an eval value: empty → null, one value → that value. */
export function fromList(list: readonly Scalar[]): EvalValue {
  return list.length === 0 ? null : list.length === 1 ? list[0]! : list;
}

export const MULTIVALUE: Record<string, EvalFunction> = {
  mvcount: (a, info) => {
    arity(info, 1);
    return (row) => {
      const v = a[0]!(row);
      return v === null ? null : mvValues(v).length;
    };
  },
  mvindex: (a, info) => {
    arity(info, 2, 3);
    return (row) => {
      const list = mvValues(a[0]!(row));
      const start = toNum(a[1]!(row));
      if (start === null) return null;
      const norm = (i: number): number => (i < 0 ? list.length + i : i);
      const s = norm(start);
      if (!a[2]) return s >= 0 && s < list.length ? list[s]! : null;
      const end = toNum(a[2](row));
      return end === null ? null : fromList(list.slice(Math.max(0, s), norm(end) + 1));
    };
  },
  mvjoin: (a, info) => {
    arity(info, 2);
    return (row) => {
      const v = a[0]!(row);
      const d = toStr(a[1]!(row));
      return v === null || d === null ? null : mvValues(v).map(String).join(d);
    };
  },
  mvappend: (a) => (row) => fromList(a.flatMap((f) => mvValues(f(row)))),
  mvdedup: (a, info) => {
    arity(info, 1);
    return (row) => fromList([...new Set(mvValues(a[0]!(row)))]);
  },
  mvsort: (a, info) => {
    arity(info, 1);
    return (row) => fromList(mvValues(a[0]!(row)).map(String).sort());
  },
  mvfind: (a, info) => {
    arity(info, 2);
    return (row) => {
      const p = toStr(a[1]!(row));
      if (p === null) return null;
      const re = compileRegex(p);
      if (!re.ok) throw new SplEvalError(re.message);
      const i = mvValues(a[0]!(row)).findIndex((x) => re.regex.test(String(x)));
      return i < 0 ? null : i;
    };
  },
  mvzip: (a, info) => {
    arity(info, 2, 3);
    return (row) => {
      const x = mvValues(a[0]!(row));
      const y = mvValues(a[1]!(row));
      const d = a[2] ? toStr(a[2](row)) ?? "," : ",";
      return fromList(x.slice(0, Math.min(x.length, y.length)).map((v, i) => `${v}${d}${y[i]}`));
    };
  },
  mvfilter: (_a, info) => {
    arity(info, 1);
    return mapValues(info, (keep, v) => (isTrue(keep) ? [v] : []));
  },
  mvmap: (_a, info) => {
    arity(info, 2);
    return mapValues(info, (mapped) => mvValues(mapped), 0, 1);
  },
};

/**
 * `mvfilter(expr)` and `mvmap(field, expr)`: the expression runs once per value of the one field it names,
 * with the field bound to that value.
 */
function mapValues(info: Parameters<EvalFunction>[1], f: (result: EvalValue, value: Scalar) => Scalar[], fieldArg = 0, exprArg = 0): Compiled {
  const exprAst = info.args[exprArg]!;
  const field = fieldArg === exprArg ? firstField(exprAst) : fieldOf(info.args[fieldArg]!);
  if (!field) throw new SplEvalError(`${info.name}() needs an expression over one field`);
  // Imported lazily to avoid a module cycle (expr.ts → functions → expr.ts).
  let compiled: Compiled | null = null;
  return (row) => {
    compiled ??= info.compile(exprAst);
    const values = row.get(field);
    if (values === undefined) return null;
    const out: Scalar[] = [];
    const copy = new Map(row);
    for (const v of Array.isArray(values) ? values : [values]) {
      copy.set(field, v as Scalar);
      out.push(...f(compiled(copy), v as Scalar));
    }
    return fromList(out);
  };
}

function fieldOf(e: Parameters<EvalFunction>[1]["args"][number]): string | null {
  return e.type === "FieldRef" ? e.name : null;
}

function firstField(e: Parameters<EvalFunction>[1]["args"][number]): string | null {
  switch (e.type) {
    case "FieldRef":
      return e.name;
    case "Call":
      for (const x of e.args) {
        const f = firstField(x);
        if (f) return f;
      }
      return null;
    case "Binary":
      return firstField(e.left) ?? firstField(e.right);
    case "Unary":
      return firstField(e.operand);
    case "InList":
      return firstField(e.operand);
    default:
      return null;
  }
}
