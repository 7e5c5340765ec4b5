import type { IrExpr, IrFieldRef, IrMatch } from "../../ir/types.js";
import { assertNeverIr } from "../../ir/types.js";
import { compileRegex } from "../regex.js";
import { inNetwork, parseAddress, parseNetwork } from "../../ir/cidr.js";
import { compileFoldedGlob, compileGlob } from "./glob.js";
import { compileRawTerm } from "./raw-term.js";
import { timePart } from "./time-part.js";
import { anyValue, textsOf, toNumber, toText } from "./values.js";

/**
 * How an evaluator sees an event of type `E`: the view a language has of it. Accessors are asked for once per
 * field at compile time, so a view can do its name resolution then and not per event.
 */
export interface FieldSource<E> {
  /** Reads one field: undefined or null when missing; an array for a multi-valued field. */
  field(name: string): (e: E) => unknown;
  /** Every leaf value of the event, for Sigma keywords. */
  leaves(e: E): Iterable<unknown>;
  /** The event's `_raw` text, for SPL bare terms. */
  raw(e: E): string;
}

export type Predicate<E> = (e: E) => boolean;

export interface CompiledIr<E> {
  readonly predicate: Predicate<E>;
  /** Why the expression cannot be evaluated exactly (unsupported nodes, regexes we cannot run); empty when it can. */
  readonly problems: readonly string[];
}

/** Compiles an IR expression once into a closure tree; evaluating an event does no interpretation. */
export function compileIr<E>(expr: IrExpr, source: FieldSource<E>): CompiledIr<E> {
  const problems: string[] = [];
  const predicate = compileNode(expr, source, problems);
  return { predicate, problems };
}

const ALWAYS = (): boolean => true;
const NEVER = (): boolean => false;

function compileNode<E>(expr: IrExpr, src: FieldSource<E>, problems: string[]): Predicate<E> {
  switch (expr.type) {
    case "IrAnd":
      return allOf(expr.operands.map((o) => compileNode(o, src, problems)));
    case "IrOr":
      return anyOf(compileOrOperands(expr.operands, src, problems));
    case "IrNot": {
      const inner = compileNode(expr.operand, src, problems);
      return (e) => !inner(e);
    }
    case "IrConst":
      return expr.value ? ALWAYS : NEVER;
    case "IrMatch": {
      const glob = compileGlob(expr.pattern, expr.caseSensitive);
      return anyValue(src.field(expr.field), (v) => {
        const t = toText(v);
        return t !== null && glob(t);
      });
    }
    case "IrRegex": {
      const re = compileRegex(expr.pattern, expr.flags);
      if (!re.ok) return problem(problems, re.message);
      const { regex } = re;
      return anyValue(src.field(expr.field), (v) => {
        const t = toText(v);
        return t !== null && regex.test(t);
      });
    }
    case "IrCidr": {
      const net = parseNetwork(expr.network);
      if (!net) return problem(problems, `"${expr.network}" is not a CIDR network`);
      return anyValue(src.field(expr.field), (v) => {
        const t = toText(v);
        const a = t === null ? null : parseAddress(t);
        return a !== null && inNetwork(a, net);
      });
    }
    case "IrCompare":
      return compileCompare(expr.op, expr.value, src.field(expr.field));
    case "IrExists": {
      const get = src.field(expr.field);
      return (e) => {
        const v = get(e);
        return v !== undefined && v !== null;
      };
    }
    case "IrFieldRef":
      return compileFieldRef(expr, src);
    case "IrTimePart": {
      const cmp = comparator(expr.op, expr.value);
      return anyValue(src.field(expr.field), (v) => {
        const part = timePart(v, expr.part);
        return part !== null && cmp(part);
      });
    }
    case "IrKeyword": {
      // A keyword is contained in a value (not anchored): see IrKeyword.
      const glob = compileGlob({ parts: [{ type: "IrAnyChars" }, ...expr.pattern.parts, { type: "IrAnyChars" }] }, expr.caseSensitive);
      return (e) => {
        for (const leaf of src.leaves(e)) {
          const t = toText(leaf);
          if (t !== null && glob(t)) return true;
        }
        return false;
      };
    }
    case "IrRawTerm": {
      const re = compileRawTerm(expr);
      if (!re.ok) return problem(problems, re.message);
      const { regex } = re;
      return (e) => regex.test(src.raw(e));
    }
    case "IrUnsupported":
      return problem(problems, `${expr.reason}: ${expr.text}`);
    default:
      return assertNeverIr(expr);
  }
}

/**
 * OR operands, with the matches of one field (same case rule) merged into one test: the field is read and
 * its value lower-cased once, then every pattern runs — the shape of `f IN (…)` and Sigma value lists.
 */
function compileOrOperands<E>(operands: readonly IrExpr[], src: FieldSource<E>, problems: string[]): Predicate<E>[] {
  const groups = new Map<string, IrMatch[]>();
  const out: Predicate<E>[] = [];
  for (const op of operands) {
    if (op.type !== "IrMatch") {
      out.push(compileNode(op, src, problems));
      continue;
    }
    const key = `${op.caseSensitive ? "s" : "i"}:${op.field}`;
    const group = groups.get(key);
    if (group) group.push(op);
    else groups.set(key, [op]);
  }
  for (const group of groups.values()) out.unshift(group.length === 1 ? compileNode(group[0]!, src, problems) : matchAny(group, src));
  return out;
}

function matchAny<E>(group: readonly IrMatch[], src: FieldSource<E>): Predicate<E> {
  const caseSensitive = group[0]!.caseSensitive;
  const tests = group.map((m) => compileFoldedGlob(m.pattern, caseSensitive));
  return anyValue(src.field(group[0]!.field), (v) => {
    const t = toText(v);
    if (t === null) return false;
    const folded = caseSensitive ? t : t.toLowerCase();
    for (const test of tests) if (test(folded)) return true;
    return false;
  });
}

function problem<E>(problems: string[], message: string): Predicate<E> {
  problems.push(message);
  return NEVER;
}

function allOf<E>(preds: Predicate<E>[]): Predicate<E> {
  if (preds.length === 0) return ALWAYS;
  if (preds.length === 1) return preds[0]!;
  if (preds.length === 2) {
    const [a, b] = preds as [Predicate<E>, Predicate<E>];
    return (e) => a(e) && b(e);
  }
  return (e) => {
    for (const p of preds) if (!p(e)) return false;
    return true;
  };
}

function anyOf<E>(preds: Predicate<E>[]): Predicate<E> {
  if (preds.length === 0) return NEVER;
  if (preds.length === 1) return preds[0]!;
  if (preds.length === 2) {
    const [a, b] = preds as [Predicate<E>, Predicate<E>];
    return (e) => a(e) || b(e);
  }
  return (e) => {
    for (const p of preds) if (p(e)) return true;
    return false;
  };
}

function comparator(op: "=" | "<" | "<=" | ">" | ">=", value: number): (n: number) => boolean {
  switch (op) {
    case "=":
      return (n) => n === value;
    case "<":
      return (n) => n < value;
    case "<=":
      return (n) => n <= value;
    case ">":
      return (n) => n > value;
    case ">=":
      return (n) => n >= value;
  }
}

function compileCompare<E>(op: "<" | "<=" | ">" | ">=", value: number, get: (e: E) => unknown): Predicate<E> {
  const cmp = comparator(op, value);
  return anyValue(get, (v) => {
    const n = toNumber(v);
    return n !== null && cmp(n);
  });
}

function compileFieldRef<E>(expr: IrFieldRef, src: FieldSource<E>): Predicate<E> {
  const a = src.field(expr.field);
  const b = src.field(expr.other);
  const fold = expr.caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
  const rel: (x: string, y: string) => boolean =
    expr.mode === "equals" ? (x, y) => x === y : expr.mode === "startswith" ? (x, y) => x.startsWith(y) : expr.mode === "endswith" ? (x, y) => x.endsWith(y) : (x, y) => x.includes(y);
  return (e) => {
    const ys = textsOf(b(e)).map(fold);
    if (ys.length === 0) return false;
    return textsOf(a(e)).some((x) => ys.some((y) => rel(fold(x), y)));
  };
}
