import type { Pipeline, SearchExpr, SearchValue } from "../../src/spl/ast.js";

export type Mutation = "drop-value" | "flip-and-or" | "remove-not" | "move-wildcard" | "case-sensitive" | "rename-field";
export const MUTATIONS: readonly Mutation[] = ["drop-value", "flip-and-or", "remove-not", "move-wildcard", "case-sensitive", "rename-field"];

/**
 * Applies one small break to the first place in the search where it fits; null when it fits nowhere. Fields in
 * `environment` (the logsource prefix's `source` …) are left alone: they say where events come from, not what
 * the rule looks for.
 */
export function mutate(pipeline: Pipeline, mutation: Mutation, environment: ReadonlySet<string> = new Set()): Pipeline | null {
  const first = pipeline.stages[0];
  if (first?.type !== "SearchCommand" || !first.expr) return null;
  let done = false;
  const once = <T>(fn: () => T | null, keep: T): T => {
    if (done) return keep;
    const r = fn();
    if (r === null) return keep;
    done = true;
    return r;
  };
  const value = (v: SearchValue): SearchValue | null => {
    if (v.type !== "Quoted") return null;
    if (mutation === "case-sensitive" && /[a-z]/i.test(v.value)) return { type: "SearchFn", name: "CASE", arg: v, loc: v.loc };
    if (mutation === "move-wildcard" && /^\*[^*]+$/.test(v.value)) {
      const moved = `${v.value.slice(1)}*`;
      return { ...v, raw: `"${moved.replace(/[\\"]/g, (c) => `\\${c}`)}"`, value: moved };
    }
    return null;
  };
  const walk = (e: SearchExpr): SearchExpr => {
    switch (e.type) {
      case "SearchAnd":
        if (mutation === "flip-and-or") return once<SearchExpr>(() => ({ type: "SearchOr", operands: e.operands, loc: e.loc }), e);
        return { ...e, operands: e.operands.map(walk) };
      case "SearchOr":
        return { ...e, operands: e.operands.map(walk) };
      case "SearchNot":
        if (mutation === "remove-not") return once(() => e.operand, e);
        return { ...e, operand: walk(e.operand) };
      case "SearchIn":
        if (environment.has(e.field.name)) return e;
        if (mutation === "drop-value" && e.values.length > 1) return once(() => ({ ...e, values: e.values.slice(1) }), e);
        if (mutation === "rename-field") return once(() => ({ ...e, field: { ...e.field, name: `${e.field.name}_renamed` } }), e);
        return { ...e, values: e.values.map((v) => once(() => value(v), v)) };
      case "SearchCompare":
        if (environment.has(e.field.name)) return e;
        if (mutation === "rename-field") return once(() => ({ ...e, field: { ...e.field, name: `${e.field.name}_renamed` } }), e);
        return { ...e, value: once(() => value(e.value), e.value) };
      default:
        return e;
    }
  };
  const expr = walk(first.expr);
  return done ? { ...pipeline, stages: [{ ...first, expr }, ...pipeline.stages.slice(1)] } : null;
}
