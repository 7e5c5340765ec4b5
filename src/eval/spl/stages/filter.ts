import type { FieldListCommand, HeadTailCommand, RegexCommand, SearchCommand, WhereCommand } from "../../../spl/ast.js";
import { splSearchToIr } from "../../../translate/spl-to-ir.js";
import { compileIr } from "../../ir/compile.js";
import { compileRegex } from "../../regex.js";
import { SplEvalError } from "../errors.js";
import { compileExpr, isTrue, type EvalContext } from "../expr.js";
import { ROW_SOURCE, scalarText, valuesOf, type Row } from "../row.js";
import { blocking, boolOption, intOption, streaming, type StageFactory } from "./types.js";

/** `search` after the first stage: search syntax over the result rows. */
export function searchStage(cmd: SearchCommand): StageFactory {
  if (!cmd.expr) return (next) => next;
  const compiled = compileIr(splSearchToIr(cmd.expr), ROW_SOURCE);
  if (compiled.problems.length) throw new SplEvalError(`search: ${compiled.problems.join("; ")}`, "search");
  const p = compiled.predicate;
  return streaming((row, emit) => {
    if (p(row)) emit(row);
  });
}

/** `where <expr>`: keeps rows where the (case-sensitive) expression is true; null is not true. */
export function whereStage(cmd: WhereCommand, ctx: EvalContext): StageFactory {
  const f = compileExpr(cmd.expr, ctx);
  return streaming((row, emit) => {
    if (isTrue(f(row))) emit(row);
  });
}

/**
 * `regex [field=|field!=]"re"` (default field `_raw`): keeps rows where the field has a value matching (or, with
 * `!=`, none matching; a missing field then passes).
 */
export function regexStage(cmd: RegexCommand): StageFactory {
  const re = compileRegex(cmd.pattern.value);
  if (!re.ok) throw new SplEvalError(`regex: ${re.message}`, "regex");
  const field = cmd.field?.name ?? "_raw";
  const { regex } = re;
  return streaming((row, emit) => {
    const hit = valuesOf(row.get(field)).some((v) => regex.test(scalarText(v)));
    if (hit !== cmd.negated) emit(row);
  });
}

/** `head N` (default 10) and `tail N`. */
export function headTailStage(cmd: HeadTailCommand): StageFactory {
  const n = cmd.limit ?? intOption(cmd.options, "limit", 10);
  if (cmd.name === "tail") return blocking((rows) => rows.slice(Math.max(0, rows.length - n)).reverse());
  return (next) => {
    let seen = 0;
    return {
      push: (row) => {
        if (seen++ < n) next.push(row);
      },
      end: () => next.end(),
    };
  };
}

/**
 * `dedup [N] f… [keepempty=true] [consecutive=true]`: keeps the first N rows of each combination of values;
 * rows missing a field are dropped unless keepempty.
 */
export function dedupStage(cmd: FieldListCommand): StageFactory {
  const names = cmd.fields.map((f) => f.name);
  const count = names.length > 1 && /^\d+$/.test(names[0]!) ? Number(names.shift()) : 1;
  const keepEmpty = boolOption(cmd.options, "keepempty", false);
  const consecutive = boolOption(cmd.options, "consecutive", false);
  if (cmd.options.some((o) => o.key.toLowerCase() === "sortby")) throw new SplEvalError("dedup sortby is not supported by the evaluator", "dedup");
  return (next) => {
    const seen = new Map<string, number>();
    let last: string | null = null;
    return {
      push: (row: Row) => {
        const values = names.map((n) => valuesOf(row.get(n)).map(scalarText));
        if (values.some((v) => v.length === 0)) {
          if (keepEmpty) next.push(row);
          return;
        }
        const key = JSON.stringify(values);
        if (consecutive) {
          if (key !== last) next.push(row);
          last = key;
          return;
        }
        const n = seen.get(key) ?? 0;
        if (n < count) next.push(row);
        seen.set(key, n + 1);
      },
      end: () => next.end(),
    };
  };
}
