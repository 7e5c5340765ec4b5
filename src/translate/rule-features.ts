import type { DetectionItem, Search, SigmaRule } from "../sigma/model.js";
import type { SigmaValue } from "../sigma/values/types.js";

/**
 * The constructs of a rule on which sigspl and the reference converter knowingly differ (see README,
 * "Where sigspl differs from the reference converter"): used to explain each disagreement.
 */
export type RuleFeature =
  | "regex" | "single-char-wildcard" | "literal-wildcard" | "cased" | "fieldref" | "keyword" | "expand" | "time-part"
  | "expansion";

export function ruleFeatures(rule: SigmaRule): Set<RuleFeature> {
  const features = new Set<RuleFeature>();
  for (const { search } of rule.detection.searches) for (const item of itemsOf(search)) itemFeatures(item, features);
  return features;
}

function itemsOf(search: Search): DetectionItem[] {
  switch (search.type) {
    case "SearchFields":
      return [...search.items];
    case "SearchKeywords":
      return [search.item];
    case "SearchAnyOf":
      return search.options.flatMap(itemsOf);
  }
}

function itemFeatures(item: DetectionItem, features: Set<RuleFeature>): void {
  if (item.field === null) features.add("keyword");
  if (item.modifiers.includes("expand")) features.add("expand");
  // The reference prints windash/base64offset alternatives without parentheses, which NOT then splits.
  if (item.modifiers.includes("windash") || item.modifiers.includes("base64offset")) features.add("expansion");
  for (const value of item.values) valueFeatures(value, features);
}

function valueFeatures(value: SigmaValue, features: Set<RuleFeature>): void {
  switch (value.type) {
    case "SigmaRegex":
      features.add("regex");
      break;
    case "SigmaString":
      if (value.cased) features.add("cased");
      for (const part of value.parts) {
        if (typeof part === "string" && /[*?]/.test(part)) features.add("literal-wildcard");
        else if (typeof part !== "string" && part.type === "OneChar") features.add("single-char-wildcard");
      }
      break;
    case "SigmaFieldRef":
      features.add("fieldref");
      break;
    case "SigmaTimePart":
      features.add("time-part");
      break;
    case "SigmaCompare":
      if (value.timePart) features.add("time-part");
      break;
    case "SigmaExpansion":
      for (const v of value.values) valueFeatures(v, features);
      break;
    default:
      break;
  }
}
