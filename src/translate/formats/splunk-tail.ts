import type { SigmaRule } from "../../sigma/model.js";
import { snakeName, splunkAttribute } from "./splunk-attribute.js";

/**
 * What follows the filter in a Splunk detection: the rule's own `splunk.pipeline`, or the usual tail of
 * Splunk's content — stats by the rule's `fields`, the ctime macros and the detection's filter macro.
 */
export function splunkPipelineTail(rule: SigmaRule): string {
  const own = splunkAttribute(rule).pipeline;
  if (own !== undefined) return own.trim();
  const by = rule.fields?.length ? ` by ${rule.fields.join(" ")}` : "";
  return [
    `| stats min(_time) as firstTime max(_time) as lastTime count${by}`,
    "| `security_content_ctime(firstTime)`",
    "| `security_content_ctime(lastTime)`",
    `| \`${snakeName(rule.title)}_filter\``,
  ].join(" ");
}
