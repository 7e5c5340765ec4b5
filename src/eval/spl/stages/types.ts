import { assertNever, type Option } from "../../../spl/ast.js";
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

/**
 * A command's options, read only through the keys the stage declares it honours. Any other option is an error
 * naming it: an ignored option would change results silently, which makes a proof of equivalence worthless.
 */
export interface OptionReader<K extends string> {
  /** The value as text, or null when absent. */
  text(key: K): string | null;
  bool(key: K, fallback: boolean): boolean;
  int(key: K, fallback: number): number;
}

export function readOptions<K extends string>(command: string, options: readonly Option[], honoured: readonly K[]): OptionReader<K> {
  for (const o of options) {
    if (!honoured.some((k) => k === o.key.toLowerCase())) {
      const known = honoured.length ? ` (it reads ${honoured.map((k) => `${k}=`).join(", ")})` : "";
      throw new SplEvalError(`${command} option ${o.key}= is not supported by the evaluator${known}`, command);
    }
  }
  const reader: OptionReader<K> = {
    text: (key) => option(options, key),
    bool: (key, fallback) => {
      const v = option(options, key);
      if (v === null) return fallback;
      if (/^(t|true|1|yes)$/i.test(v)) return true;
      if (/^(f|false|0|no)$/i.test(v)) return false;
      throw new SplEvalError(`${command} option ${key}=${v} is not a boolean`, command);
    },
    int: (key, fallback) => {
      const v = option(options, key);
      if (v === null) return fallback;
      const n = Number(v);
      if (!/^\s*[+-]?\d+\s*$/.test(v) || !Number.isSafeInteger(n)) throw new SplEvalError(`${command} option ${key}=${v} is not a whole number`, command);
      return n;
    },
  };
  return reader;
}

function option(options: readonly Option[], key: string): string | null {
  const o = options.find((x) => x.key.toLowerCase() === key);
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
    default:
      return assertNever(v);
  }
}
