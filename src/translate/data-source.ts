import type { LogsourceDefinition, LogsourceKeys } from "../profiles/types.js";
import type { Loss } from "./loss.js";

/** The Windows event IDs a Splunk `data_source` entry names: "Sysmon EventID 17", "… Security 4688", "… 4104". */
function eventIds(dataSource: readonly string[]): number[] {
  return dataSource.flatMap((entry) => {
    if (/linux/i.test(entry)) return [];
    const sysmon = /Sysmon EventID (\d+)/i.exec(entry);
    if (sysmon) return [Number(sysmon[1])];
    const windows = /(?:Windows Event Log \w+|Script Block Logging) (\d+)/i.exec(entry);
    return windows ? [Number(windows[1])] : [];
  });
}

/**
 * Confirms the logsource read from the search against the detection's `data_source`: when both name Windows
 * event IDs and they have none in common, the loss says so.
 */
export function dataSourceLoss(logsource: LogsourceKeys, dataSource: readonly string[], defs: readonly LogsourceDefinition[]): Loss | null {
  const ids = eventIds(dataSource);
  const def = defs.find((d) => (["product", "category", "service"] as const).every((k) => d.logsource[k] === logsource[k]));
  const expected = def?.conditions["EventID"]?.map(Number) ?? [];
  if (ids.length === 0 || expected.length === 0 || ids.some((id) => expected.includes(id))) return null;
  return {
    code: "TR5004",
    path: "data_source",
    message: `data_source names event ID(s) ${ids.join(", ")}, but the logsource read from the search (${Object.values(logsource).join(" / ")}) stands for ${expected.join(", ")}`,
  };
}
