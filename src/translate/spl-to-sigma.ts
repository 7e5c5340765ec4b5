import yaml from "js-yaml";
import { positionAt } from "../diagnostics/diagnostic.js";
import { mapFields } from "../ir/map-fields.js";
import type { IrExpr } from "../ir/types.js";
import type { Profile } from "../profiles/types.js";
import { loadSigma } from "../sigma/load.js";
import { printSigmaDocuments } from "../sigma/print/documents.js";
import type { Command, Pipeline, SearchExpr } from "../spl/ast.js";
import { parseSplExpanded } from "../spl/expanded.js";
import type { MacroLibrary } from "../spl/macros/library.js";
import { parseSpl } from "../spl/parse.js";
import { printPipeline } from "../spl/print/pipeline.js";
import type { SplSource } from "../spl/sources.js";
import { loadLogsourceDefinitions } from "../profiles/load.js";
import { dataSourceLoss } from "./data-source.js";
import { irToSigmaDetection } from "./ir-to-sigma.js";
import type { Loss } from "./loss.js";
import { sigmaMetadata } from "./splunk-metadata.js";
import { snakeName } from "./formats/splunk-attribute.js";
import { correlationShape, type CorrelationShape } from "./spl-correlation.js";
import { splitFilter } from "./spl-filter-to-ir.js";
import { matchLogsource } from "./splunk-logsource.js";
import { NO_SPAN, searchAnd, searchTerm, word } from "./spl-build.js";

export interface SigmaConversion {
  /** The Sigma rule as canonical YAML, or null when the search was skipped or failed. */
  readonly yaml: string | null;
  readonly losses: readonly Loss[];
  /** Why the search has no filter Sigma can express (e.g. "data model"). */
  readonly skip: string | null;
  readonly error: string | null;
  /** The search's filter that the detection states (the logsource's conditions taken out), as IR with Splunk's field names, for verifying. */
  readonly original?: IrExpr;
}

const GENERATING: Record<string, string> = { TstatsCommand: "data model", FieldListCommand: "generating command" };

/**
 * A Splunk search → a Sigma rule: the profile's logsource read back from the leading search, the filtering
 * part (leading search and later search/where/regex) through the IR into readable selections, and everything
 * after the filter kept as written in the custom `splunk.pipeline` attribute, so that converting back gives
 * the search again.
 */
export function splunkSearchToSigma(source: SplSource, profile: Profile, library: MacroLibrary): SigmaConversion {
  const parsed = parseSpl(source.search);
  if (!parsed.ast) return failed(`the search does not parse: ${parsed.diagnostics[0]?.message}`);
  const ast = parsed.ast;
  const first = ast.stages[0]!;
  if (first.type !== "SearchCommand") return skipped(GENERATING[first.type] ?? `it starts with a generating command`);
  const losses: Loss[] = [];
  const match = matchLogsource(profile, first.expr);
  if (!match) losses.push({ code: "TR5001", path: "search", message: "no logsource of the profile matches the search's leading conditions" });
  const dataSource = Array.isArray(source.detection?.["data_source"]) ? (source.detection["data_source"] as unknown[]).map(String) : [];
  const mismatch = match ? dataSourceLoss(match.logsource, dataSource, loadLogsourceDefinitions().value ?? []) : null;
  if (mismatch) losses.push(mismatch);
  const split = splitFilter(ast);
  const filter = filterPipeline(ast, match ? match.rest : first.expr ? [first.expr] : [], split.filterStages);
  const filterAst = expandedFilter(filter, library, losses);
  if (!filterAst) return failed("the filter does not parse after macro expansion");
  const reverse = Object.fromEntries(Object.entries(profile.fieldNames).map(([sigma, splunk]) => [splunk, sigma]));
  const original = splitFilter(filterAst).expr;
  const expr = mapFields(original, (f) => reverse[f] ?? f);
  if (expr.type === "IrConst") return skipped("no filter Sigma can express");
  const detection = irToSigmaDetection(expr, losses);
  if (detection.condition === "") return { ...skipped("no filter Sigma can express"), losses };
  const rest = ast.stages.slice(split.filterStages);
  const logsource = match?.logsource ?? { product: "unknown" };
  const detectionData = { ...Object.fromEntries(detection.selections), condition: detection.condition };
  const shape = correlationShape(rest);
  const located = losses.map((l) => locate(l, source.search));
  if (shape) return { ...canonical(correlationDocuments(source, shape, logsource, detectionData, located), located), original };
  const doc = { ...sigmaMetadata(source), logsource, detection: detectionData, ...sigmaTail(source, rest) };
  return { ...canonical([doc], located), original };
}

/** A loss about a piece of the search points at it: `search:line:column`. */
function locate(loss: Loss, search: string): Loss {
  const piece = /^left out: (.*?) \(/.exec(loss.message)?.[1] ?? /^unknown macro (`[^`]*`)/.exec(loss.message)?.[1];
  const at = piece ? search.indexOf(piece) : -1;
  if (loss.path !== "search" || at < 0) return loss;
  const pos = positionAt(search, at);
  return { ...loss, path: `search:${pos.line}:${pos.column}` };
}

/** The TIMESPAN of a count correlation is not in the search: the saved search's time range decides it. */
const ASSUMED_TIMESPAN = "1h";

/**
 * `stats count by … | where count > N` (or `dc(f)`) becomes a base rule (named, without alerting metadata)
 * and an event_count / value_count correlation on it that carries the detection's metadata.
 */
function correlationDocuments(source: SplSource, shape: CorrelationShape, logsource: object, detection: object, losses: Loss[]): Record<string, unknown>[] {
  const meta = sigmaMetadata(source);
  const name = snakeName(String(meta["title"]));
  losses.push({ code: "TR5003", path: "search", message: `the correlation's timespan is not in the search (the saved search's time range decides it); taken as ${ASSUMED_TIMESPAN}` });
  const base = { title: `${String(meta["title"])} (events)`, name, status: meta["status"], logsource, detection };
  const condition = { ...(shape.field ? { field: shape.field } : {}), [shape.op]: shape.value };
  const correlation = { ...meta, correlation: { type: shape.type, rules: [name], "group-by": shape.groupBy, timespan: ASSUMED_TIMESPAN, condition }, ...sigmaTail(source, shape.after) };
  return [base, correlation];
}

/**
 * The filter with its macros expanded. A macro the library does not define stays unexpanded — its conditions
 * are then missing from the rule, which is reported — so one unknown macro does not lose the whole search.
 */
function expandedFilter(filter: Pipeline, library: MacroLibrary, losses: Loss[]): Pipeline | null {
  const expanded = parseSplExpanded(printPipeline(filter), library);
  if (expanded.ast) return expanded.ast;
  const undefinedMacros = expanded.diagnostics.filter((d) => d.code === "SPL2001" || d.code === "SPL2002");
  if (undefinedMacros.length !== expanded.diagnostics.length) return null;
  for (const d of undefinedMacros) losses.push({ code: "TR5002", path: "search", message: `${d.message}: its conditions are not in the rule (pass --macros)` });
  return filter;
}

/** The filter stages, the leading search reduced to the conditions the logsource did not consume. */
function filterPipeline(ast: Pipeline, leading: readonly SearchExpr[], filterStages: number): Pipeline {
  const first: Command = { type: "SearchCommand", explicit: false, expr: leading.length ? searchAnd(leading) : searchTerm(word("*")), loc: NO_SPAN };
  return { ...ast, leadingPipe: false, stages: [first, ...ast.stages.slice(1, filterStages)], comments: [] };
}

/** `fields` from the stats by-fields, and the custom `splunk` attribute with the pipeline after the filter. */
function sigmaTail(source: SplSource, rest: readonly Command[]): Record<string, unknown> {
  const stats = rest.find((c) => c.type === "StatsCommand");
  const fields = stats?.type === "StatsCommand" && stats.by.length ? { fields: [...new Set(stats.by.map((f) => f.name))] } : {};
  const pipeline = rest.length ? printPipeline({ type: "Pipeline", leadingPipe: true, stages: rest, comments: [], loc: NO_SPAN }) : undefined;
  const d = source.detection;
  const splunk = {
    ...(typeof d?.["type"] === "string" ? { type: d["type"] } : {}),
    ...(typeof d?.["version"] === "number" ? { version: d["version"] } : {}),
    ...(Array.isArray(d?.["data_source"]) ? { data_source: d["data_source"] } : {}),
    ...(pipeline ? { pipeline } : {}),
    ...(typeof d?.["how_to_implement"] === "string" ? { how_to_implement: d["how_to_implement"] } : {}),
    ...(d?.["tags"] && typeof d["tags"] === "object" ? { tags: withoutMitre(d["tags"] as Record<string, unknown>) } : {}),
  };
  return { ...fields, ...(Object.keys(splunk).length ? { splunk } : {}) };
}

function withoutMitre(tags: Record<string, unknown>): Record<string, unknown> {
  const { mitre_attack_id: _mitre, ...rest } = tags;
  return rest;
}

/** Loads the produced documents with our own loader (so they are valid) and prints them canonically. */
function canonical(docs: readonly Record<string, unknown>[], losses: Loss[]): SigmaConversion {
  const text = docs.map((d) => yaml.dump(d, { lineWidth: -1, noRefs: true })).join("---\n");
  const loaded = loadSigma(text);
  const documents = loaded.documents.map((d) => d.document);
  if (documents.some((d) => !d) || loaded.diagnostics.some((d) => d.severity === "error")) {
    const first = loaded.diagnostics[0];
    return failed(`the produced rule does not validate: ${first?.path ?? ""} ${first?.message}`);
  }
  return { yaml: printSigmaDocuments(documents.filter((d) => d !== null)), losses, skip: null, error: null };
}

function failed(error: string): SigmaConversion {
  return { yaml: null, losses: [], skip: null, error };
}

function skipped(skip: string): SigmaConversion {
  return { yaml: null, losses: [], skip, error: null };
}
