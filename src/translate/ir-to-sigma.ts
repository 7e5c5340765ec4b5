import { normalizePattern } from "../ir/pattern.js";
import { assertNeverIr, type IrExpr, type IrPattern } from "../ir/types.js";
import { formatSigmaString } from "../sigma/values/sigma-string.js";
import type { StringPart } from "../sigma/values/types.js";
import type { Loss } from "./loss.js";

/** A detection as plain YAML data: named selections and a condition a person would write. */
export interface SigmaDetectionData {
  readonly selections: ReadonlyArray<readonly [string, SelectionData]>;
  readonly condition: string;
}

/** A selection: a map of `field|modifiers` → value(s) (ANDed), or a keyword list. */
export type SelectionData = Readonly<Record<string, YamlValue>> | readonly YamlValue[];
type YamlValue = string | number | boolean | null | readonly (string | number)[];

interface Item {
  readonly key: string;
  readonly value: YamlValue;
}

/**
 * IR → a Sigma detection: each AND-group of field conditions becomes one selection, ORed values of one field a
 * list, negated groups `filter_*` selections, and the condition joins them as a person would write it.
 * What Sigma cannot say is reported as a loss.
 */
export function irToSigmaDetection(expr: IrExpr, losses: Loss[]): SigmaDetectionData {
  caseLosses(expr, losses);
  const builder = new DetectionBuilder(losses);
  const condition = builder.condition(expr, false);
  return { selections: builder.selections, condition };
}

/** Sigma's `fieldref` has no case-sensitive form: a case-sensitive comparison of two fields loses its case. */
function caseLosses(expr: IrExpr, losses: Loss[]): void {
  if (expr.type === "IrFieldRef" && expr.caseSensitive) {
    losses.push({ code: "TR4003", path: "search", message: `${expr.field} = ${expr.other} compares case-sensitively; Sigma's fieldref does not` });
  } else if (expr.type === "IrAnd" || expr.type === "IrOr") {
    for (const o of expr.operands) caseLosses(o, losses);
  } else if (expr.type === "IrNot") {
    caseLosses(expr.operand, losses);
  }
}

class DetectionBuilder {
  readonly selections: [string, SelectionData][] = [];

  constructor(private readonly losses: Loss[]) {}

  private name(base: string): string {
    const taken = new Set(this.selections.map(([n]) => n));
    if (!taken.has(base)) return base;
    let i = 2;
    while (taken.has(`${base}_${i}`)) i++;
    return `${base}_${i}`;
  }

  private add(base: string, selection: SelectionData): string {
    const name = this.name(base);
    this.selections.push([name, selection]);
    return name;
  }

  /** The condition text for an expression, adding the selections it needs. */
  condition(expr: IrExpr, negated: boolean): string {
    const items = this.itemsOf(expr);
    if (items) return this.add(negated ? "filter" : "selection", Object.fromEntries(items.map((i) => [i.key, i.value])));
    switch (expr.type) {
      case "IrAnd": {
        // `f!=a f!=b` repeats `f` exists: say it once.
        const operands = [...new Map(expr.operands.map((o) => [JSON.stringify(o), o])).values()];
        const groups = this.fieldGroups(operands.filter((o) => fieldItem(o)));
        // In an AND, a condition Sigma cannot state is left out (and reported) rather than made impossible.
        for (const o of operands) if (o.type === "IrUnsupported") this.losses.push({ code: "TR4002", path: "search", message: `left out: ${o.text} (${o.reason})` });
        const rest = operands.filter((o) => !fieldItem(o) && o.type !== "IrUnsupported");
        const parts = [...groups.map((g) => this.add(negated ? "filter" : "selection", Object.fromEntries(g.map((i) => [i.key, i.value])))), ...rest.map((o) => this.wrap(o, "and"))];
        return parts.join(" and ");
      }
      case "IrOr":
        return expr.operands.map((o) => this.wrap(o, "or")).join(" or ");
      case "IrNot":
        return `not ${this.wrapNot(expr.operand)}`;
      case "IrRawTerm":
      case "IrKeyword":
        return this.add("keywords", [this.keyword(expr.pattern)]);
      case "IrConst":
        this.losses.push({ code: "TR4001", path: "search", message: `a search that is always ${expr.value} has no Sigma selection` });
        return this.add("selection", { "_always|exists": expr.value });
      default:
        this.losses.push({ code: "TR4002", path: "search", message: `cannot say this in Sigma: ${expr.type === "IrUnsupported" ? expr.text : expr.type}` });
        return this.add("unsupported", { "_unsupported|exists": true });
    }
  }

  private wrap(expr: IrExpr, parent: "and" | "or"): string {
    const text = this.condition(expr, false);
    const needs = parent === "and" && expr.type === "IrOr" && !this.itemsOf(expr);
    return needs ? `(${text})` : text;
  }

  private wrapNot(expr: IrExpr): string {
    if (this.itemsOf(expr)) return this.condition(expr, true);
    const text = this.condition(expr, false);
    return expr.type === "IrAnd" || expr.type === "IrOr" ? `(${text})` : text;
  }

  /** Field conditions in as few maps as their keys allow: a key met again starts the next map. */
  private fieldGroups(operands: readonly IrExpr[]): Item[][] {
    const groups: Item[][] = [];
    for (const op of operands) {
      const item = fieldItem(op)!;
      const group = groups.find((g) => !g.some((i) => i.key === item.key));
      if (group) group.push(item);
      else groups.push([item]);
    }
    return groups;
  }

  /** The selection items of a conjunction of field conditions, or null when it is not one. */
  itemsOf(expr: IrExpr): Item[] | null {
    const operands = expr.type === "IrAnd" ? expr.operands : [expr];
    const items: Item[] = [];
    for (const op of operands) {
      const item = fieldItem(op);
      if (!item || items.some((i) => i.key === item.key)) return null;
      items.push(item);
    }
    return items;
  }

  private keyword(p: IrPattern): string {
    return formatSigmaString(toParts(p));
  }
}

function toParts(p: IrPattern): StringPart[] {
  return normalizePattern(p).parts.map((part) => (typeof part === "string" ? part : part.type === "IrAnyChars" ? { type: "AnyChars" } : { type: "OneChar" }));
}

/** One `field|modifiers: value(s)` item for a field condition (or an OR of one field's matches). */
function fieldItem(expr: IrExpr): Item | null {
  switch (expr.type) {
    case "IrMatch":
      return matchItem(expr.field, [expr.pattern], expr.caseSensitive);
    case "IrOr": {
      const first = expr.operands[0];
      if (first?.type !== "IrMatch") return null;
      const same = expr.operands.every((o) => o.type === "IrMatch" && o.field === first.field && o.caseSensitive === first.caseSensitive);
      return same ? matchItem(first.field, expr.operands.map((o) => (o as typeof first).pattern), first.caseSensitive) : null;
    }
    case "IrNot":
      return expr.operand.type === "IrExists" ? { key: `${expr.operand.field}|exists`, value: false } : null;
    case "IrExists":
      return { key: `${expr.field}|exists`, value: true };
    case "IrRegex":
      return { key: [expr.field, "re", ...expr.flags].join("|"), value: expr.pattern };
    case "IrCidr":
      return { key: `${expr.field}|cidr`, value: expr.network };
    case "IrCompare":
      return { key: `${expr.field}|${{ "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" }[expr.op]}`, value: expr.value };
    case "IrFieldRef":
      return { key: `${expr.field}|fieldref${expr.mode === "equals" ? "" : `|${expr.mode}`}`, value: expr.other };
    case "IrAnd": case "IrConst": case "IrTimePart": case "IrKeyword": case "IrRawTerm": case "IrUnsupported":
      return null;
    default:
      return assertNeverIr(expr);
  }
}

/**
 * A field's patterns as a Sigma item: `contains`, `startswith` or `endswith` when every pattern has that shape
 * (it reads better than wildcards), else the values with their wildcards; numbers stay numbers.
 */
function matchItem(field: string, patterns: readonly IrPattern[], caseSensitive: boolean): Item {
  const shapes = patterns.map(shapeOf);
  const shared = shapes.every((s) => s.modifier === shapes[0]!.modifier) ? shapes[0]!.modifier : null;
  const values = patterns.map((p, i) => (shared ? shapes[i]!.core : toParts(p)));
  // A plain number stays a number; under a modifier or `cased`, Sigma wants a string.
  const numeric = shared === null && !caseSensitive;
  const texts = [...new Set(values.map((parts) => formatSigmaString(parts)))].map((text) =>
    numeric && /^(0|[1-9]\d{0,14})$/.test(text) ? Number(text) : text,
  );
  const key = [field, ...(shared ? [shared] : []), ...(caseSensitive ? ["cased"] : [])].join("|");
  return { key, value: texts.length === 1 ? texts[0]! : texts };
}

function shapeOf(p: IrPattern): { modifier: "contains" | "startswith" | "endswith" | null; core: StringPart[] } {
  const parts = toParts(p);
  const isAny = (x: StringPart | undefined): boolean => typeof x === "object" && x.type === "AnyChars";
  const inner = parts.slice(1, -1);
  const plain = (xs: StringPart[]): boolean => xs.length > 0 && xs.every((x) => typeof x === "string");
  if (parts.length >= 3 && isAny(parts[0]) && isAny(parts[parts.length - 1]) && plain(inner)) return { modifier: "contains", core: inner };
  if (parts.length >= 2 && isAny(parts[0]) && plain(parts.slice(1))) return { modifier: "endswith", core: parts.slice(1) };
  if (parts.length >= 2 && isAny(parts[parts.length - 1]) && plain(parts.slice(0, -1))) return { modifier: "startswith", core: parts.slice(0, -1) };
  return { modifier: null, core: parts };
}
