/**
 * A mapping profile: how a Sigma logsource and field taxonomy map onto one Splunk environment. Profiles are
 * data (`rules/profiles/*.yml`, checked by `profile.schema.json`); translation and evaluation read the same
 * profile, so they cannot drift apart.
 */
export interface Profile {
  readonly name: string;
  readonly description: string;
  /** Sigma field name → Splunk field name; fields not listed keep their name. */
  readonly fieldNames: Readonly<Record<string, string>>;
  /** Per Sigma field, Sigma value → Splunk value (e.g. a numeric code for a name). */
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The first entry whose logsource keys all equal the rule's wins. */
  readonly logsources: readonly ProfileLogsource[];
  /** How a Splunk add-on presents an event: Splunk field → where its value comes from. */
  readonly splunkView: SplunkView;
}

export interface LogsourceKeys {
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
}

export interface ProfileLogsource {
  readonly logsource: LogsourceKeys;
  /** Search syntax that selects these events in Splunk, e.g. `` `sysmon` EventCode IN (17, 18) ``; empty: none. */
  readonly search: string;
}

/**
 * The Splunk view of an event: every Sigma-view field under its own name, each `fieldNames` mapping in
 * reverse (`EventCode` ← `EventID`, so translation and evaluation agree by construction), then `fields`,
 * then `constants`.
 */
export interface SplunkView {
  /** Splunk field → the Sigma-view field(s) it is extracted from, the first present one winning. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** Fields with a fixed value for every event of this profile (e.g. `sourcetype`). */
  readonly constants: Readonly<Record<string, string>>;
}

/**
 * The events a Sigma logsource stands for, per Sigma's taxonomy appendix: every listed Sigma-view field must
 * equal one of its values. Shared by all profiles (`rules/profiles/logsources.yml`).
 */
export interface LogsourceDefinition {
  readonly logsource: LogsourceKeys;
  readonly conditions: Readonly<Record<string, readonly (string | number)[]>>;
}
