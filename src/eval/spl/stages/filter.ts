import type { FieldListCommand, HeadTailCommand, RegexCommand, SearchCommand, WhereCommand } from "../../../spl/ast.js";
import { splSearchToIr } from "../../../translate/spl-to-ir.js";
import { compileIr } from "../../ir/compile.js";
import { compileRegex } from "../../regex.js";
import { SplEvalError } from "../errors.js";
import { compileExpr, isTrue, type EvalContext } from "../expr.js";
import { ROW_SOURCE, scalarText, valuesOf, type Row } from "../row.js";
import { rowComparator, sortKeysFromText, type RowSortKey } from "./order.js";
import { blocking, readOptions, streaming, type StageFactory } from "./types.js";

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

/**
 * `head N` (default 10) and `tail N`. `head (<eval-expression>)` returns results until the expression is false
 * (or null, unless `null=true`), within the limit all the same; `keeplast=true` keeps the result that stopped it.
 * Without the expression, `null=` and `keeplast=` change nothing, as documented.
 */
export function headTailStage(cmd: HeadTailCommand, ctx: EvalContext): StageFactory {
  const opts = readOptions(cmd.name, cmd.options, cmd.name === "head" ? ["limit", "null", "keeplast"] : []);
  const n = cmd.limit ?? opts.int("limit", 10);
  if (cmd.name === "tail") return blocking((rows) => rows.slice(Math.max(0, rows.length - n)).reverse());
  const condition = cmd.condition ? compileExpr(cmd.condition, ctx) : null;
  const nullHolds = opts.bool("null", false);
  const keepLast = opts.bool("keeplast", false);
  const holds = (row: Row): boolean => {
    const v = condition ? condition(row) : true;
    return v === null ? nullHolds : isTrue(v);
  };
  return (next) => {
    let seen = 0;
    let stopped = false;
    return {
      push: (row) => {
        if (stopped || seen >= n) return;
        stopped = !holds(row);
        if (!stopped || keepLast) {
          seen++;
          next.push(row);
        }
      },
      end: () => next.end(),
    };
  };
}

interface DedupSpec {
  readonly count: number;
  readonly fields: readonly string[];
  readonly sortBy: readonly RowSortKey[] | null;
}

/** `dedup [N] f… [sortby ±g…]`: the parser keeps the words after the options as field names. */
function dedupSpec(words: readonly string[]): DedupSpec {
  const at = words.findIndex((w) => w.toLowerCase() === "sortby");
  const head = at < 0 ? [...words] : words.slice(0, at);
  const count = head.length > 1 && /^\d+$/.test(head[0]!) ? Number(head.shift()) : 1;
  if (head.length === 0) throw new SplEvalError("dedup needs fields", "dedup");
  return { count, fields: head, sortBy: at < 0 ? null : sortKeysFromText(words.slice(at + 1), "dedup sortby") };
}

/**
 * `dedup [N] f… [keepempty=t] [consecutive=t] [keepevents=t] [sortby ±g…]`: keeps the first N rows of each
 * combination of values; rows missing a field are dropped unless keepempty; keepevents keeps the duplicates
 * without the dedup fields; sortby sorts the rows that remain.
 */
export function dedupStage(cmd: FieldListCommand): StageFactory {
  const spec = dedupSpec(cmd.fields.map((f) => f.name));
  const opts = readOptions("dedup", cmd.options, ["keepempty", "consecutive", "keepevents"]);
  const keepEmpty = opts.bool("keepempty", false);
  const consecutive = opts.bool("consecutive", false);
  const keepEvents = opts.bool("keepevents", false);
  const dedup: StageFactory = (next) => {
    const seen = new Map<string, number>();
    let last: string | null = null;
    const duplicate = (key: string): boolean => {
      if (consecutive) {
        const dup = key === last;
        last = key;
        return dup;
      }
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n >= spec.count;
    };
    return {
      push: (row: Row) => {
        const values = spec.fields.map((n) => valuesOf(row.get(n)).map(scalarText));
        if (values.some((v) => v.length === 0)) {
          if (keepEmpty) next.push(row);
          return;
        }
        if (!duplicate(JSON.stringify(values))) next.push(row);
        else if (keepEvents) next.push(new Map([...row].filter(([k]) => !spec.fields.includes(k))));
      },
      end: () => next.end(),
    };
  };
  if (!spec.sortBy) return dedup;
  const sort = blocking((rows) => [...rows].sort(rowComparator(spec.sortBy!)));
  return (next) => dedup(sort(next));
}
