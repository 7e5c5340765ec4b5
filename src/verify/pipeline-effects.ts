import type { EventRecord } from "../eval/events/types.js";
import { splunkView } from "../eval/views/splunk.js";
import type { Profile } from "../profiles/types.js";
import type { Pipeline } from "../spl/ast.js";

/** What a pipeline does to matched events that a Sigma rule cannot say, in words. */
export interface PipelineEffect {
  readonly command: string;
  readonly events: number;
  readonly message: string;
}

/**
 * The results level of verification: `stats … by f` drops every event without `f`, so an event that both
 * forms match can still yield no row. Reports, per by-field, how many of the matched events it drops.
 */
export function byFieldDrops(pipeline: Pipeline, matched: readonly EventRecord[], profile: Profile): PipelineEffect[] {
  const stats = pipeline.stages.find((s) => s.type === "StatsCommand" || s.type === "TstatsCommand");
  if (!stats || (stats.type !== "StatsCommand" && stats.type !== "TstatsCommand")) return [];
  const view = splunkView(profile).source;
  return stats.by.flatMap(({ name }) => {
    const get = view.field(name);
    const dropped = matched.filter((e) => {
      const v = get(e);
      return v === undefined || v === null;
    }).length;
    if (dropped === 0) return [];
    const s = dropped === 1 ? "" : "s";
    return [{ command: `${stats.name} … by ${name}`, events: dropped, message: `\`${stats.name} … by ${name}\` drops events without ${name}: ${dropped} event${s} matched by the Sigma rule yield${s ? "" : "s"} no row` }];
  });
}
