import { SplEvalError } from "../errors.js";
import type { Expr } from "../../../spl/ast.js";
import type { Compiled, EvalContext } from "../expr.js";

export interface CallInfo {
  readonly ctx: EvalContext;
  readonly args: readonly Expr[];
  readonly name: string;
  /** Compiles another expression in the same context (for functions that bind a field per value). */
  readonly compile: (e: Expr) => Compiled;
}

/** An eval function: compiled once from its compiled arguments (so `if`/`case` stay lazy). */
export type EvalFunction = (args: readonly Compiled[], info: CallInfo) => Compiled;

export function arity(info: CallInfo, min: number, max = min): void {
  if (info.args.length < min || info.args.length > max) {
    throw new ArityError(`${info.name}() takes ${min === max ? min : `${min} to ${max === Infinity ? "any number of" : max}`} arguments, not ${info.args.length}`);
  }
}

export class ArityError extends SplEvalError {}
