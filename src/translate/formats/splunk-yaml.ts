import yaml from "js-yaml";
import type { SigmaRule } from "../../sigma/model.js";
import { splunkAttribute } from "./splunk-attribute.js";
import { splunkPipelineTail } from "./splunk-tail.js";

const STATUS: Record<string, string> = { stable: "production", test: "experimental", experimental: "experimental", deprecated: "deprecated" };

/** `attack.t1071` / `attack.t1059.001` → `T1071` / `T1059.001`. */
export function mitreIds(tags: readonly string[] = []): string[] {
  return tags.filter((t) => /^attack\.t\d{4}(\.\d{3})?$/i.test(t)).map((t) => t.slice("attack.".length).toUpperCase());
}

/** A detection in Splunk's published YAML format, its search the filter followed by the pipeline tail. */
export function splunkDetectionYaml(rule: SigmaRule, filter: string): string {
  const own = splunkAttribute(rule);
  const falsePositives = Array.isArray(rule.falsepositives) ? rule.falsepositives.join(" ") : rule.falsepositives;
  const detection: Record<string, unknown> = {
    name: rule.title,
    ...(rule.id ? { id: rule.id } : {}),
    version: own.version ?? 1,
    ...(rule.date ? { date: rule.date.replace(/\//g, "-") } : {}),
    ...(rule.author ? { author: rule.author } : {}),
    status: STATUS[rule.status ?? ""] ?? "experimental",
    type: own.type ?? (rule.level === "high" || rule.level === "critical" ? "TTP" : "Hunting"),
    description: rule.description ?? rule.title,
    data_source: own.dataSource ?? [],
    search: `${filter} ${splunkPipelineTail(rule)}`,
    how_to_implement: own.howToImplement ?? "The search needs the events of the rule's logsource, with the field names of the chosen profile.",
    known_false_positives: falsePositives ?? "Unknown.",
    references: rule.references ?? [],
    tags: { ...own.tags, mitre_attack_id: mitreIds(rule.tags) },
  };
  return yaml.dump(detection, { lineWidth: 100, noRefs: true, quotingType: "'" });
}
