/**
 * The Sigma condition tree. Offsets (`start`, `end`, end exclusive) point into the condition
 * string, not the file: the caller knows where that string sits in the YAML.
 */
export type ConditionExpr = ConditionOr | ConditionAnd | ConditionNot | ConditionIdentifier | ConditionSelector;

interface ConditionBase {
  readonly start: number;
  readonly end: number;
}

export interface ConditionOr extends ConditionBase {
  readonly type: "ConditionOr";
  readonly operands: readonly ConditionExpr[];
}

export interface ConditionAnd extends ConditionBase {
  readonly type: "ConditionAnd";
  readonly operands: readonly ConditionExpr[];
}

export interface ConditionNot extends ConditionBase {
  readonly type: "ConditionNot";
  readonly operand: ConditionExpr;
}

/** A reference to one search identifier. */
export interface ConditionIdentifier extends ConditionBase {
  readonly type: "ConditionIdentifier";
  readonly name: string;
}

/** `1 of pattern`, `all of pattern`, `1 of them`, `all of them`. */
export interface ConditionSelector extends ConditionBase {
  readonly type: "ConditionSelector";
  readonly quantifier: "one" | "all";
  /** The identifier pattern (`*` wildcards), or null for `them`. */
  readonly pattern: string | null;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(x)}`);
}

/** The search identifiers a selector stands for: `them` skips names starting with `_`, as does a pattern not starting with `_`. */
export function selectorTargets(pattern: string | null, names: readonly string[]): string[] {
  if (pattern === null) return names.filter((n) => !n.startsWith("_"));
  const re = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`);
  return names.filter((n) => re.test(n) && (pattern.startsWith("_") || !n.startsWith("_")));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every node of the tree, depth first. */
export function conditionNodes(expr: ConditionExpr): ConditionExpr[] {
  switch (expr.type) {
    case "ConditionOr":
    case "ConditionAnd":
      return [expr, ...expr.operands.flatMap(conditionNodes)];
    case "ConditionNot":
      return [expr, ...conditionNodes(expr.operand)];
    case "ConditionIdentifier":
    case "ConditionSelector":
      return [expr];
    default:
      return assertNever(expr);
  }
}
