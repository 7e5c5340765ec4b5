import type { SplSource } from "../spl/sources.js";

const STATUS: Record<string, string> = { production: "stable", experimental: "experimental", deprecated: "deprecated" };

/** ATT&CK tactics by name, for Splunk kill-chain phases that are tactics ("Command and Control"). */
const TACTICS = new Set([
  "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation",
  "defense-evasion", "credential-access", "discovery", "lateral-movement", "collection", "command-and-control",
  "exfiltration", "impact",
]);

/**
 * Sigma's level from Splunk's risk: `risk_score`, or `impact × confidence / 100` — 90 and above critical,
 * 70 high, 40 medium, 20 low, below that informational.
 */
export function levelFromRisk(tags: Record<string, unknown>): string | undefined {
  const score = typeof tags["risk_score"] === "number" ? tags["risk_score"] : typeof tags["impact"] === "number" && typeof tags["confidence"] === "number" ? (tags["impact"] * tags["confidence"]) / 100 : undefined;
  if (score === undefined) return undefined;
  return score >= 90 ? "critical" : score >= 70 ? "high" : score >= 40 ? "medium" : score >= 20 ? "low" : "informational";
}

/** The strings of a list, each once (Sigma refuses repeated references and tags). */
function strings(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === "string"))] : [];
}

/** Sigma tags: tactics from kill-chain phases that name one, then techniques from `mitre_attack_id`. */
function sigmaTags(tags: Record<string, unknown>): string[] {
  const tactics = strings(tags["kill_chain_phases"]).map((p) => p.toLowerCase().replace(/\s+/g, "-")).filter((t) => TACTICS.has(t));
  const techniques = strings(tags["mitre_attack_id"]).map((id) => `attack.${id.toLowerCase()}`);
  return [...new Set([...tactics.map((t) => `attack.${t}`), ...techniques])];
}

/** The Sigma metadata of a Splunk detection (or a raw search's name), in Sigma's key order. */
export function sigmaMetadata(source: SplSource): Record<string, unknown> {
  const d: Readonly<Record<string, unknown>> = source.detection ?? {};
  const tags = (d["tags"] && typeof d["tags"] === "object" ? d["tags"] : {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof d[key] === "string" ? (d[key] as string) : undefined);
  const tagList = sigmaTags(tags);
  const level = levelFromRisk(tags);
  return {
    title: source.name ?? "Converted Splunk search",
    ...(text("id") ? { id: text("id") } : {}),
    status: STATUS[text("status") ?? ""] ?? "test",
    ...(text("description") ? { description: text("description") } : {}),
    ...(strings(d["references"]).length ? { references: strings(d["references"]) } : {}),
    ...(text("author") ? { author: text("author") } : {}),
    ...(text("date") ? { date: text("date") } : {}),
    ...(tagList.length ? { tags: tagList } : {}),
    ...(text("known_false_positives") ? { falsepositives: [text("known_false_positives")] } : {}),
    ...(level ? { level } : {}),
  };
}
