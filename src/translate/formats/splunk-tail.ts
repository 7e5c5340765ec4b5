import type { SigmaRule } from "../../sigma/model.js";
import type { Aggregation, Command, MacroRef } from "../../spl/ast.js";
import { printCommand } from "../../spl/print/commands.js";
import { fieldName, NO_SPAN } from "../spl-build.js";
import { snakeName, splunkAttribute } from "./splunk-attribute.js";

function aggregation(fn: string, arg: string | null, alias: string | null): Aggregation {
  return { type: "Aggregation", fn, args: arg === null ? null : [fieldName(arg)], alias: alias === null ? null : fieldName(alias), loc: NO_SPAN };
}

function macro(name: string, args: string[] | null): Command {
  const raw = `\`${name}${args ? `(${args.join(", ")})` : ""}\``;
  const ref: MacroRef = { type: "MacroRef", name, args, raw, loc: NO_SPAN };
  return { type: "MacroCommand", macro: ref, loc: NO_SPAN };
}

/**
 * What follows the filter in a Splunk detection: the rule's own `splunk.pipeline` as written, or the usual
 * tail of Splunk's content — stats by the rule's `fields`, the ctime macros and the detection's filter macro.
 */
export function splunkPipelineTail(rule: SigmaRule): string {
  const own = splunkAttribute(rule).pipeline;
  if (own !== undefined) return own.trim();
  const stages: Command[] = [
    {
      type: "StatsCommand",
      name: "stats",
      options: [],
      aggregations: [aggregation("min", "_time", "firstTime"), aggregation("max", "_time", "lastTime"), aggregation("count", null, null)],
      by: (rule.fields ?? []).map(fieldName),
      loc: NO_SPAN,
    },
    macro("security_content_ctime", ["firstTime"]),
    macro("security_content_ctime", ["lastTime"]),
    macro(`${snakeName(rule.title)}_filter`, null),
  ];
  return stages.map((s) => `| ${printCommand(s)}`).join(" ");
}
