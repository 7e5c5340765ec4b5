import { assertNever } from "../condition/ast.js";
import type {
  Correlation,
  Detection,
  DetectionItem,
  Metadata,
  Search,
  SearchFields,
  SearchKeywords,
  SigmaCorrelation,
  SigmaDocument,
  SigmaFilter,
  SigmaRule,
  YamlData,
} from "../model.js";
import { emitYaml, map, scalar, seq, type StringStyle, type YMap, type YNode } from "./emit.js";

type Entry = readonly [string, YNode];

/** Plain data (metadata, custom attributes) as YAML nodes, strings in `style`. */
function data(value: YamlData, style: StringStyle = "plain"): YNode {
  if (Array.isArray(value)) return seq(value.map((v) => data(v, style)));
  if (typeof value === "object" && value !== null) return map(Object.entries(value).map(([k, v]) => [k, data(v as YamlData, style)]));
  return scalar(value as string | number | boolean | null, style);
}

const DATES = new Set(["date", "modified"]);

function entries(source: object, keys: readonly string[]): Entry[] {
  const record = source as Readonly<Record<string, YamlData | undefined>>;
  return keys.filter((k) => record[k] !== undefined).map((k) => [k, data(record[k]!, DATES.has(k) ? "date" : "plain")]);
}

/** SigmaHQ's key order; `name`, `taxonomy`, `license` and `scope` (rarely used) sit next to their kin. */
const HEAD = ["title", "id", "name", "related", "taxonomy", "status", "description", "license", "references", "author", "date", "modified", "tags"];
const TAIL = ["fields", "falsepositives", "level", "scope"];

function custom(meta: Metadata): Entry[] {
  return Object.entries(meta.custom).map(([k, v]) => [k, data(v, "quoted")]);
}

function itemKey(item: DetectionItem): string {
  return [item.field ?? "", ...item.modifiers].join("|");
}

/** One value prints as a scalar, several (or none) as a list. */
function values(item: DetectionItem): YNode {
  const nodes = item.raw.map((v) => scalar(v));
  return nodes.length === 1 ? nodes[0]! : seq(nodes);
}

function fieldsNode(search: SearchFields): YMap {
  return map(search.items.map((item) => [itemKey(item), values(item)]));
}

function keywordsNode(search: SearchKeywords): YNode {
  return seq(search.item.raw.map((v) => scalar(v)));
}

function searchNode(search: Search): YNode {
  switch (search.type) {
    case "SearchFields":
      return fieldsNode(search);
    case "SearchKeywords":
      return keywordsNode(search);
    case "SearchAnyOf":
      return seq(search.options.map((o) => (o.type === "SearchFields" ? fieldsNode(o) : values(o.item))));
    default:
      return assertNever(search);
  }
}

function detectionEntries(detection: Detection): Entry[] {
  const texts = detection.conditions.map((c) => scalar(c.text, "plain"));
  const condition = texts.length === 1 ? texts[0]! : seq(texts);
  return [...detection.searches.map((s): Entry => [s.name, searchNode(s.search)]), ["condition", condition]];
}

function ruleEntries(rule: SigmaRule): Entry[] {
  return [
    ...entries(rule, HEAD),
    ["logsource", data(rule.logsource as YamlData)],
    ["detection", map(detectionEntries(rule.detection))],
    ...entries(rule, TAIL),
  ];
}

function correlationNode(c: Correlation): YMap {
  const condition = c.condition && [
    ...c.condition.comparisons.map((cmp): Entry => [cmp.op, scalar(cmp.value)]),
    ...(c.condition.field !== undefined ? [["field", data(c.condition.field)] as Entry] : []),
  ];
  return map([
    ["type", scalar(c.type, "plain")],
    ["rules", data(c.rules)],
    ...(c.aliases ? [["aliases", data(c.aliases)] as Entry] : []),
    ...(c.groupBy ? [["group-by", data(c.groupBy)] as Entry] : []),
    ["timespan", scalar(c.timespan.text, "plain")],
    ...(condition ? [["condition", map(condition)] as Entry] : []),
  ]);
}

function correlationEntries(doc: SigmaCorrelation): Entry[] {
  return [
    ...entries(doc, HEAD),
    ["correlation", correlationNode(doc.correlation)],
    ...entries(doc, TAIL),
    ...(doc.generate !== undefined ? [["generate", scalar(doc.generate)] as Entry] : []),
  ];
}

function filterEntries(doc: SigmaFilter): Entry[] {
  return [
    ...entries(doc, HEAD),
    ["logsource", data(doc.logsource as YamlData)],
    ["filter", map([["rules", data(doc.filter.rules)], ...detectionEntries(doc.filter)])],
    ...entries(doc, TAIL),
  ];
}

function documentEntries(doc: SigmaDocument): Entry[] {
  switch (doc.type) {
    case "SigmaRule":
      return ruleEntries(doc);
    case "SigmaCorrelation":
      return correlationEntries(doc);
    case "SigmaFilter":
      return filterEntries(doc);
    default:
      return assertNever(doc);
  }
}

/** Canonical YAML of one document; custom attributes follow the known ones, in their source order. */
export function printSigma(doc: SigmaDocument): string {
  return emitYaml(map([...documentEntries(doc), ...custom(doc)]));
}

/** Several documents as one multi-document file. */
export function printSigmaDocuments(docs: readonly SigmaDocument[]): string {
  return docs.map(printSigma).join("---\n");
}
