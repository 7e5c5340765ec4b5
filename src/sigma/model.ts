import type { ConditionExpr } from "./condition/ast.js";
import type { Scalar, SigmaValue } from "./values/types.js";

/**
 * The Sigma document model: rules, correlation rules and filters. Position-free (positions live in
 * the YAML position tree), so `load(print(doc))` can deep-equal `doc`.
 */
export type SigmaDocument = SigmaRule | SigmaCorrelation | SigmaFilter;

/** Values of custom (unknown) attributes, kept as loaded. */
export type YamlData = Scalar | readonly YamlData[] | { readonly [key: string]: YamlData };

export interface Related {
  readonly id: string;
  readonly type: "derived" | "obsolete" | "merged" | "renamed" | "similar";
}

/** Attributes every kind of document may carry. Dates stay the text the author wrote. */
export interface Metadata {
  readonly title: string;
  readonly id?: string;
  readonly name?: string;
  readonly related?: readonly Related[];
  readonly taxonomy?: string;
  readonly status?: string;
  readonly description?: string;
  readonly license?: string;
  readonly references?: readonly string[];
  readonly author?: string;
  readonly date?: string;
  readonly modified?: string;
  readonly tags?: readonly string[];
  readonly fields?: readonly string[];
  readonly falsepositives?: readonly string[] | string;
  readonly level?: string;
  readonly scope?: readonly string[];
  /** Unknown top-level attributes, in source order: kept, never dropped. */
  readonly custom: Readonly<Record<string, YamlData>>;
}

export interface LogSource {
  readonly category?: string;
  readonly product?: string;
  readonly service?: string;
  readonly definition?: string;
  readonly [extra: string]: YamlData | undefined;
}

/** One `field|mod1|mod2: values` entry, or a keyword entry (field null). */
export interface DetectionItem {
  readonly type: "DetectionItem";
  readonly field: string | null;
  readonly modifiers: readonly string[];
  /** The values as written; one value prints as a scalar, several as a list. */
  readonly raw: readonly Scalar[];
  readonly linking: "any" | "all";
  readonly negated: boolean;
  /** The values with the modifiers applied. */
  readonly values: readonly SigmaValue[];
}

/** A map of items: all must match. */
export interface SearchFields {
  readonly type: "SearchFields";
  readonly items: readonly DetectionItem[];
}

/** A list of plain values: keywords, any of which must appear in the event. */
export interface SearchKeywords {
  readonly type: "SearchKeywords";
  readonly item: DetectionItem;
}

/** A list holding maps: any one alternative must match. */
export interface SearchAnyOf {
  readonly type: "SearchAnyOf";
  readonly options: readonly (SearchFields | SearchKeywords)[];
}

export type Search = SearchFields | SearchKeywords | SearchAnyOf;

export interface NamedSearch {
  readonly name: string;
  readonly search: Search;
}

export interface SigmaCondition {
  readonly text: string;
  readonly expr: ConditionExpr;
}

export interface Detection {
  readonly searches: readonly NamedSearch[];
  /** Several conditions are alternatives (OR). */
  readonly conditions: readonly SigmaCondition[];
}

export interface SigmaRule extends Metadata {
  readonly type: "SigmaRule";
  readonly logsource: LogSource;
  readonly detection: Detection;
}

export type CorrelationType = "event_count" | "value_count" | "temporal" | "temporal_ordered" | "value_sum" | "value_avg" | "value_percentile";
export type CountOp = "gt" | "gte" | "lt" | "lte" | "eq" | "neq";

export interface CorrelationCondition {
  /** A range is two comparisons (`gt: 100, lte: 200`), ANDed. */
  readonly comparisons: readonly { readonly op: CountOp; readonly value: number }[];
  readonly field?: string | readonly string[];
}

export interface Timespan {
  readonly text: string;
  readonly seconds: number;
}

export interface Correlation {
  readonly type: CorrelationType;
  readonly rules: readonly string[];
  readonly groupBy?: readonly string[];
  readonly timespan: Timespan;
  readonly condition?: CorrelationCondition;
  /** alias → rule name → field. */
  readonly aliases?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface SigmaCorrelation extends Metadata {
  readonly type: "SigmaCorrelation";
  readonly correlation: Correlation;
  readonly generate?: boolean;
}

export interface SigmaFilter extends Metadata {
  readonly type: "SigmaFilter";
  readonly logsource: LogSource;
  readonly filter: { readonly rules: readonly string[] } & Detection;
}
