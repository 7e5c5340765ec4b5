import type { SigmaRule, YamlData } from "../../sigma/model.js";

/**
 * The custom Sigma attribute `splunk` keeps what a Splunk detection has and a Sigma rule cannot say, so that
 * Splunk → Sigma → Splunk gives the detection back: `pipeline` (the SPL after the filter: stats, rename,
 * macros …), `type`, `version`, `data_source`, `how_to_implement`, and `tags` (Splunk's own tag map).
 */
export interface SplunkAttribute {
  readonly pipeline?: string;
  readonly type?: string;
  readonly version?: number;
  readonly dataSource?: readonly string[];
  readonly howToImplement?: string;
  readonly tags?: Readonly<Record<string, YamlData>>;
}

export const SPLUNK_ATTRIBUTE = "splunk";

export function splunkAttribute(rule: SigmaRule): SplunkAttribute {
  const raw = rule.custom[SPLUNK_ATTRIBUTE];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const map = raw as Readonly<Record<string, YamlData>>;
  const text = (key: string): string | undefined => (typeof map[key] === "string" ? (map[key] as string) : undefined);
  const tags = map["tags"];
  const dataSource = map["data_source"];
  return {
    ...(text("pipeline") !== undefined ? { pipeline: text("pipeline") } : {}),
    ...(text("type") !== undefined ? { type: text("type") } : {}),
    ...(typeof map["version"] === "number" ? { version: map["version"] } : {}),
    ...(Array.isArray(dataSource) ? { dataSource: dataSource.map(String) } : {}),
    ...(text("how_to_implement") !== undefined ? { howToImplement: text("how_to_implement") } : {}),
    ...(typeof tags === "object" && tags !== null && !Array.isArray(tags) ? { tags: tags as Readonly<Record<string, YamlData>> } : {}),
  };
}

/** `Windows Foo Bar` → `windows_foo_bar`: how Splunk names a detection's filter macro. */
export function snakeName(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}
