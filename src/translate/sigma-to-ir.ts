import { and, FALSE, not, or } from "../ir/build.js";
import { ANY, normalizePattern } from "../ir/pattern.js";
import type { IrExpr, IrPattern } from "../ir/types.js";
import { assertNever, selectorTargets, type ConditionExpr } from "../sigma/condition/ast.js";
import type { DetectionItem, NamedSearch, Search, SigmaRule } from "../sigma/model.js";
import type { SigmaString, SigmaValue } from "../sigma/values/types.js";
import type { Loss } from "./loss.js";

/** Values for `%name%` placeholders of the `expand` modifier; a placeholder without values is a loss. */
export type Placeholders = Readonly<Record<string, readonly string[]>>;

export interface IrTranslation {
  readonly expr: IrExpr;
  readonly losses: readonly Loss[];
}

const COMPARE = { lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;

/**
 * A Sigma rule's detection as IR, with Sigma's meaning: case-insensitive strings unless `cased`, anchored
 * patterns, `null` = missing, keywords contained in any value, several conditions ORed.
 */
export function sigmaRuleToIr(rule: SigmaRule, placeholders: Placeholders = {}): IrTranslation {
  const losses: Loss[] = [];
  const searches = new Map(rule.detection.searches.map((s) => [s.name, s]));
  const names = rule.detection.searches.map((s) => s.name);
  const ctx: Context = { losses, placeholders, searches, names };
  const expr = or(rule.detection.conditions.map((c) => conditionToIr(c.expr, ctx)));
  return { expr, losses };
}

interface Context {
  readonly losses: Loss[];
  readonly placeholders: Placeholders;
  readonly searches: ReadonlyMap<string, NamedSearch>;
  readonly names: readonly string[];
}

function conditionToIr(expr: ConditionExpr, ctx: Context): IrExpr {
  switch (expr.type) {
    case "ConditionOr":
      return or(expr.operands.map((e) => conditionToIr(e, ctx)));
    case "ConditionAnd":
      return and(expr.operands.map((e) => conditionToIr(e, ctx)));
    case "ConditionNot":
      return not(conditionToIr(expr.operand, ctx));
    case "ConditionIdentifier": {
      const search = ctx.searches.get(expr.name);
      return search ? searchToIr(search.search, `detection.${expr.name}`, ctx) : FALSE;
    }
    case "ConditionSelector": {
      const targets = selectorTargets(expr.pattern, ctx.names).map((n) => searchToIr(ctx.searches.get(n)!.search, `detection.${n}`, ctx));
      if (targets.length === 0) {
        ctx.losses.push({ code: "TR1001", path: "detection.condition", message: `\`${expr.quantifier === "one" ? "1" : "all"} of ${expr.pattern ?? "them"}\` names no search; taken as ${expr.quantifier === "one" ? "false" : "true"} (pySigma drops it instead)` });
      }
      return expr.quantifier === "one" ? or(targets) : and(targets);
    }
    default:
      return assertNever(expr);
  }
}

function searchToIr(search: Search, path: string, ctx: Context): IrExpr {
  switch (search.type) {
    case "SearchFields":
      return and(search.items.map((item) => itemToIr(item, path, ctx)));
    case "SearchKeywords":
      return itemToIr(search.item, path, ctx);
    case "SearchAnyOf":
      return or(search.options.map((o, i) => searchToIr(o, `${path}[${i}]`, ctx)));
    default:
      return assertNever(search);
  }
}

function itemToIr(item: DetectionItem, searchPath: string, ctx: Context): IrExpr {
  const path = item.field === null ? searchPath : `${searchPath}.${[item.field, ...item.modifiers].join("|")}`;
  const values = item.values.map((v) => valueToIr(item.field, v, path, ctx));
  const combined = item.linking === "all" ? and(values) : or(values);
  return item.negated ? not(combined) : combined;
}

function valueToIr(field: string | null, value: SigmaValue, path: string, ctx: Context): IrExpr {
  if (field === null) return keywordToIr(value, path, ctx);
  switch (value.type) {
    case "SigmaString":
      return or(patternsOf(value, path, ctx).map((pattern) => ({ type: "IrMatch", field, pattern, caseSensitive: value.cased })));
    case "SigmaNumber":
      return { type: "IrMatch", field, pattern: { parts: [String(value.value)] }, caseSensitive: false };
    case "SigmaBool":
      return { type: "IrMatch", field, pattern: { parts: [String(value.value)] }, caseSensitive: false };
    case "SigmaNull":
      return not({ type: "IrExists", field });
    case "SigmaRegex":
      return { type: "IrRegex", field, pattern: value.pattern, flags: value.flags };
    case "SigmaCidr":
      return { type: "IrCidr", field, network: value.network };
    case "SigmaExists":
      return value.exists ? { type: "IrExists", field } : not({ type: "IrExists", field });
    case "SigmaTimePart":
      return { type: "IrTimePart", field, part: value.part, op: "=", value: value.value };
    case "SigmaCompare":
      return value.timePart
        ? { type: "IrTimePart", field, part: value.timePart, op: COMPARE[value.op], value: value.value }
        : { type: "IrCompare", field, op: COMPARE[value.op], value: value.value };
    case "SigmaFieldRef":
      return {
        type: "IrFieldRef",
        field,
        other: value.field,
        mode: value.startsWith && value.endsWith ? "contains" : value.startsWith ? "startswith" : value.endsWith ? "endswith" : "equals",
        caseSensitive: false,
      };
    case "SigmaExpansion":
      return or(value.values.map((v) => valueToIr(field, v, path, ctx)));
    default:
      return assertNever(value);
  }
}

/** A keyword matches when some string value of the event contains it (`IrKeyword` is not anchored). */
function keywordToIr(value: SigmaValue, path: string, ctx: Context): IrExpr {
  if (value.type === "SigmaExpansion") return or(value.values.map((v) => keywordToIr(v, path, ctx)));
  const text: SigmaString | null =
    value.type === "SigmaString" ? value : value.type === "SigmaNumber" || value.type === "SigmaBool" ? { type: "SigmaString", parts: [String(value.value)], cased: false } : null;
  if (!text) {
    ctx.losses.push({ code: "TR1002", path, message: `a ${value.type} keyword cannot be searched; it matches nothing` });
    return FALSE;
  }
  return or(patternsOf(text, path, ctx).map((pattern) => ({ type: "IrKeyword", pattern, caseSensitive: text.cased })));
}

/** The IR patterns of a Sigma string: one, or one per combination of placeholder values. */
function patternsOf(value: SigmaString, path: string, ctx: Context): IrPattern[] {
  let patterns: (string | IrPattern["parts"][number])[][] = [[]];
  for (const part of value.parts) {
    if (typeof part === "string") patterns = patterns.map((p) => [...p, part]);
    else if (part.type === "AnyChars") patterns = patterns.map((p) => [...p, ANY]);
    else if (part.type === "OneChar") patterns = patterns.map((p) => [...p, { type: "IrOneChar" } as const]);
    else {
      const values = ctx.placeholders[part.name];
      if (!values || values.length === 0) {
        ctx.losses.push({ code: "TR1003", path, message: `placeholder %${part.name}% has no values (give a placeholder file); it matches nothing` });
        return [];
      }
      patterns = patterns.flatMap((p) => values.map((v) => [...p, v]));
    }
  }
  return patterns.map((parts) => normalizePattern({ parts }));
}

