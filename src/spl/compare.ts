import type { SplNode } from "./ast.js";

/** A copy of a tree without source locations: what "the same AST" means for round trips. */
export function withoutLocations<T extends SplNode>(node: T): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === "loc" ? undefined : value)));
}

/** Structural equality of two trees, ignoring source locations. */
export function sameAst(a: SplNode, b: SplNode): boolean {
  return JSON.stringify(withoutLocations(a)) === JSON.stringify(withoutLocations(b));
}
