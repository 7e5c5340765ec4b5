import type {
  Correlation,
  CorrelationCondition,
  CountOp,
  Detection,
  LogSource,
  Metadata,
  SigmaCorrelation,
  SigmaFilter,
  SigmaRule,
  YamlData,
} from "../model.js";
import type { YamlPath } from "../yaml/nodes.js";
import { buildConditions } from "./conditions.js";
import { buildSearches } from "./detection.js";
import type { Reporter } from "./reporter.js";

type YamlMap = Readonly<Record<string, unknown>>;

/** The attributes with a meaning; everything else at the top level is custom. */
const METADATA_KEYS = [
  "title", "id", "name", "related", "taxonomy", "status", "description", "license", "references",
  "author", "date", "modified", "tags", "fields", "falsepositives", "level", "scope",
] as const;

function metadata(doc: YamlMap, structural: readonly string[]): Metadata {
  const known = new Set<string>([...METADATA_KEYS, ...structural]);
  const picked = Object.fromEntries(METADATA_KEYS.filter((k) => k in doc).map((k) => [k, doc[k]]));
  const custom = Object.fromEntries(Object.entries(doc).filter(([k]) => !known.has(k))) as Record<string, YamlData>;
  return { ...(picked as unknown as Omit<Metadata, "custom">), custom };
}

function detection(section: YamlMap, path: YamlPath, reserved: readonly string[], r: Reporter): Detection | null {
  const searches = buildSearches(section, path, new Set(reserved), r);
  const conditions = buildConditions(section.condition as string | string[], [...path, "condition"], searches, r);
  return conditions && { searches, conditions };
}

export function buildRule(doc: YamlMap, r: Reporter): SigmaRule | null {
  const built = detection(doc.detection as YamlMap, ["detection"], ["condition"], r);
  return built && { type: "SigmaRule", ...metadata(doc, ["logsource", "detection"]), logsource: doc.logsource as LogSource, detection: built };
}

export function buildFilter(doc: YamlMap, r: Reporter): SigmaFilter | null {
  const section = doc.filter as YamlMap;
  const built = detection(section, ["filter"], ["condition", "rules"], r);
  return (
    built && {
      type: "SigmaFilter",
      ...metadata(doc, ["logsource", "filter"]),
      logsource: doc.logsource as LogSource,
      filter: { rules: section.rules as string[], ...built },
    }
  );
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };
const COUNT_OPS: readonly CountOp[] = ["gt", "gte", "lt", "lte", "eq", "neq"];

function correlationCondition(raw: YamlMap): CorrelationCondition {
  const comparisons = COUNT_OPS.filter((op) => op in raw).map((op) => ({ op, value: raw[op] as number }));
  return { comparisons, ...(raw.field !== undefined ? { field: raw.field as string | string[] } : {}) };
}

const TIMESPAN = /^[1-9][0-9]*[smhd]$/;

function correlation(raw: YamlMap, r: Reporter): Correlation {
  const text = String(raw.timespan);
  if (!TIMESPAN.test(text)) r.add("SIG5004", "error", `timespan '${text}' is not a number and a unit s, m, h or d (such as 15m)`, ["correlation", "timespan"]);
  const condition = raw.condition as YamlMap | undefined;
  if (condition && Object.keys(condition).filter((k) => k !== "field").length === 0) {
    r.add("SIG5002", "error", "the correlation condition needs a comparison (gt, gte, lt, lte, eq or neq)", ["correlation", "condition"]);
  }
  const rules = raw.rules as string[];
  for (const [alias, byRule] of Object.entries((raw.aliases ?? {}) as YamlMap)) {
    for (const rule of Object.keys(byRule as YamlMap).filter((name) => !rules.includes(name))) {
      r.add("SIG5003", "error", `alias '${alias}' maps rule '${rule}', which is not one of the correlated rules`, ["correlation", "aliases", alias, rule], { onKey: true });
    }
  }
  return {
    type: raw.type as Correlation["type"],
    rules,
    ...(raw["group-by"] !== undefined ? { groupBy: raw["group-by"] as string[] } : {}),
    timespan: { text, seconds: Number(text.slice(0, -1)) * UNIT_SECONDS[text.slice(-1)]! },
    ...(condition ? { condition: correlationCondition(condition) } : {}),
    ...(raw.aliases !== undefined ? { aliases: raw.aliases as Correlation["aliases"] } : {}),
  };
}

export function buildCorrelation(doc: YamlMap, r: Reporter): SigmaCorrelation {
  return {
    type: "SigmaCorrelation",
    ...metadata(doc, ["correlation", "generate"]),
    correlation: correlation(doc.correlation as YamlMap, r),
    ...(doc.generate !== undefined ? { generate: doc.generate as boolean } : {}),
  };
}
