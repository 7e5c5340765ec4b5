import type { EventRecord } from "../eval/events/types.js";
import { compileSpl } from "../eval/spl/run.js";
import { splunkView } from "../eval/views/splunk.js";
import type { Profile } from "../profiles/types.js";
import type { Command, Pipeline } from "../spl/ast.js";
import { printCommand } from "../spl/print/commands.js";
import { splitFilter } from "../translate/spl-filter-to-ir.js";

/** What a pipeline does to matched events that a Sigma rule cannot say, in words. */
export interface PipelineEffect {
  readonly command: string;
  readonly events: number;
  readonly message: string;
}

/** The results level: what the Sigma rule implies (an alert per matched event) against the SPL search's rows. */
export interface ResultsLevel {
  /** Given events the Sigma rule (and the SPL filter) match: each is an alert on the Sigma side. */
  readonly matched: number;
  /** Rows the whole SPL search returns for those events; null when the pipeline cannot be run. */
  readonly rows: number | null;
  /** Each stage after the filter that changes how many rows there are, in words. */
  readonly effects: readonly PipelineEffect[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A stage's text for messages: `stats … by dest` keeps its by-clause, long stages are cut short. */
function stageLabel(stage: Command): string {
  if (stage.type === "StatsCommand" || stage.type === "TstatsCommand") return `${stage.name} … by ${stage.by.map((b) => b.name).join(" ")}`;
  const text = printCommand(stage);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The by-fields of a stats stage: an event missing any of them yields no row. */
const byFields = (stage: Command): readonly string[] => (stage.type === "StatsCommand" || stage.type === "TstatsCommand" ? stage.by.map((b) => b.name) : []);

/** Whether each event has the field, as the Splunk view sees it. */
function hasField(profile: Profile, name: string): (e: EventRecord) => boolean {
  const get = splunkView(profile).source.field(name);
  return (e) => get(e) !== undefined && get(e) !== null;
}

/** `stats … by f` drops every event without `f`: per by-field, how many of the matched events it drops. */
function byFieldDrops(stage: Command, matched: readonly EventRecord[], profile: Profile): PipelineEffect[] {
  if (stage.type !== "StatsCommand" && stage.type !== "TstatsCommand") return [];
  return byFields(stage).flatMap((name) => {
    const has = hasField(profile, name);
    const dropped = matched.filter((e) => !has(e)).length;
    if (dropped === 0) return [];
    const s = dropped === 1 ? "" : "s";
    return [{ command: `${stage.name} … by ${name}`, events: dropped, message: `\`${stage.name} … by ${name}\` drops events without ${name}: ${dropped} event${s} matched by the Sigma rule yield${s ? "" : "s"} no row` }];
  });
}

/** How many rows the first `stages` stages of the pipeline return for the events; null if it cannot run. */
function rowsAfter(pipeline: Pipeline, stages: number, events: readonly EventRecord[], profile: Profile): number | null {
  const compiled = compileSpl({ ...pipeline, stages: pipeline.stages.slice(0, stages) }, { view: splunkView(profile) });
  if (!compiled.ok) return null;
  const run = compiled.search.start();
  for (const e of events) run.push(e);
  return run.finish().rows.length;
}

/**
 * Runs the SPL search on the given events both forms match, one stage more at a time after its filter, and names
 * each stage that changes the number of rows: a by-field that drops events, an aggregation that groups them, a
 * `where` or `dedup` that keeps fewer rows.
 */
export function resultsLevel(pipeline: Pipeline, matched: readonly EventRecord[], profile: Profile): ResultsLevel {
  const { filterStages } = splitFilter(pipeline);
  const effects: PipelineEffect[] = [];
  let before: number | null = matched.length;
  for (let k = filterStages; k < pipeline.stages.length && before !== null; k++) {
    const stage = pipeline.stages[k]!;
    const drops = byFieldDrops(stage, matched, profile);
    effects.push(...drops);
    const after = rowsAfter(pipeline, k + 1, matched, profile);
    const kept = byFields(stage).map((name) => hasField(profile, name));
    const dropped = matched.filter((e) => !kept.every((has) => has(e))).length;
    if (after !== null && after !== before - dropped) {
      const label = stageLabel(stage);
      effects.push({ command: label, events: before - dropped, message: `\`${label}\` turns ${plural(before - dropped, k === filterStages ? "event" : "row")} into ${plural(after, "row")}` });
    }
    before = after;
  }
  return { matched: matched.length, rows: before, effects };
}
