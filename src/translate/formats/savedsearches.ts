/** Schedule and alert settings of a saved search, from `convert` flags. */
export interface SavedSearchSettings {
  readonly cron?: string;
  readonly earliest?: string;
  readonly latest?: string;
}

/** A `savedsearches.conf` stanza: title, description, search, and the schedule when one is given. */
export function savedSearchStanza(title: string, description: string | undefined, search: string, settings: SavedSearchSettings): string {
  const lines = [`[${title.replace(/[[\]]/g, "")}]`];
  if (description) lines.push(`description = ${continued(description)}`);
  lines.push(`search = ${continued(search)}`);
  if (settings.cron) lines.push("enableSched = 1", `cron_schedule = ${settings.cron}`);
  lines.push(`dispatch.earliest_time = ${settings.earliest ?? "-24h"}`, `dispatch.latest_time = ${settings.latest ?? "now"}`);
  return `${lines.join("\n")}\n`;
}

/** A value over several lines continues each line with a backslash. */
function continued(text: string): string {
  return text.trim().split(/\r?\n/).join(" \\\n");
}
