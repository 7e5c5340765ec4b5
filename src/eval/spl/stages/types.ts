import type { Option } from "../../../spl/ast.js";
import { SplEvalError } from "../errors.js";
import type { EvalContext } from "../expr.js";
import type { Row } from "../row.js";

/** A pipeline stage, push-based: streaming stages pass rows on at once, blocking ones at `end`. */
export interface Stage {
  push(row: Row): void;
  end(): void;
}

export type StageFactory = (next: Stage) => Stage;

export interface StageContext extends EvalContext {
  /** Folder of CSV lookup tables for `lookup`. */
  readonly lookupsDir: string | null;
}

/** A streaming stage from a per-row function returning the rows to pass on (none, the row, or several). */
export function streaming(f: (row: Row, emit: (r: Row) => void) => void): StageFactory {
  return (next) => ({
    push: (row) => f(row, (r) => next.push(r)),
    end: () => next.end(),
  });
}

/** A blocking stage: sees every row, then emits. */
export function blocking(f: (rows: Row[]) => Iterable<Row>): StageFactory {
  return (next) => {
    const rows: Row[] = [];
    return {
      push: (row) => rows.push(row),
      end: () => {
        for (const r of f(rows)) next.push(r);
        next.end();
      },
    };
  };
}

/** An option's value as text, or null when absent. */
export function option(options: readonly Option[], key: string): string | null {
  const o = options.find((x) => x.key.toLowerCase() === key.toLowerCase());
  if (!o) return null;
  const v = o.value;
  switch (v.type) {
    case "Word":
    case "Quoted":
      return v.value;
    case "SearchFn":
      return v.arg.value;
    case "MacroRef":
      throw new SplEvalError(`an unexpanded macro ${v.raw} in option ${key}`);
    case "SearchGroup":
      throw new SplEvalError(`option ${key} takes a value, not a search`);
  }
}

export function boolOption(options: readonly Option[], key: string, fallback: boolean): boolean {
  const v = option(options, key);
  return v === null ? fallback : /^(t|true|1|yes)$/i.test(v);
}

export function intOption(options: readonly Option[], key: string, fallback: number): number {
  const v = option(options, key);
  if (v === null) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new SplEvalError(`option ${key}=${v} is not a whole number`);
  return n;
}
