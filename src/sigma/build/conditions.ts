import { conditionNodes, selectorTargets } from "../condition/ast.js";
import { parseCondition } from "../condition/parse.js";
import type { Detection, NamedSearch, SigmaCondition } from "../model.js";
import type { YamlPath } from "../yaml/nodes.js";
import type { Reporter } from "./reporter.js";

function one(text: string, path: YamlPath, names: readonly string[], r: Reporter, used: Set<string>): SigmaCondition | null {
  const base = r.textOffset(path, text);
  const at = (start: number, end: number) => (base === null ? {} : { range: [base + start, base + end] as const });
  const parsed = parseCondition(text);
  for (const e of parsed.errors) r.add(e.code, "error", e.message, path, { ...at(e.start, e.end), ...(e.hints ? { hints: e.hints } : {}) });
  if (!parsed.expr) return null;
  for (const node of conditionNodes(parsed.expr)) {
    if (node.type === "ConditionIdentifier") {
      if (names.includes(node.name)) used.add(node.name);
      else r.add("SIG3002", "error", `condition refers to '${node.name}', which is not a search identifier of this detection`, path, at(node.start, node.end));
    } else if (node.type === "ConditionSelector") {
      const targets = selectorTargets(node.pattern, names);
      targets.forEach((t) => used.add(t));
      if (targets.length === 0) r.add("SIG3003", "error", `'${text.slice(node.start, node.end)}' matches no search identifier`, path, at(node.start, node.end));
    }
  }
  return parsed.errors.length ? null : { text, expr: parsed.expr };
}

/**
 * Parses the condition (a string or a list of alternatives), checks every reference against the
 * search identifiers and reports identifiers no condition uses.
 */
export function buildConditions(raw: string | readonly string[], path: YamlPath, searches: readonly NamedSearch[], r: Reporter): Detection["conditions"] | null {
  const names = searches.map((s) => s.name);
  const used = new Set<string>();
  const texts = typeof raw === "string" ? [raw] : raw;
  const conditions = texts.map((text, i) => one(text, typeof raw === "string" ? path : [...path, i], names, r, used));
  if (conditions.some((c) => c === null)) return null;
  for (const name of names.filter((n) => !used.has(n))) {
    r.add("SIG3004", "warning", `search identifier '${name}' is never used by the condition`, [...path.slice(0, -1), name], { onKey: true });
  }
  return conditions as SigmaCondition[];
}
