import type { Profile } from "../../profiles/types.js";
import type { EventRecord } from "../events/types.js";
import type { FieldSource } from "../ir/compile.js";
import { toEpochMs } from "../ir/time-part.js";
import type { FieldValue, Row, Scalar } from "../spl/row.js";
import { isRec, leaves, sigmaField } from "./sigma.js";

/**
 * The Splunk view of an event: the fields a Splunk add-on would extract, defined by the profile
 * (`splunk_view` and `field_names`), so translation and evaluation read one table.
 * - `_time`: epoch seconds from `Event.System.TimeCreated.#attributes.SystemTime` (or a top-level `_time`,
 *   `@timestamp`, `timestamp`, `UtcTime`);
 * - `_raw`: the event's JSON text as it stood in the input (the record's text; `JSON.stringify` for events
 *   built in memory) — bare search terms match its segments;
 * - the profile's constants (`source`, `sourcetype` …), then its `splunk_view.fields` (first present source
 *   field wins), then each `field_names` mapping in reverse (`EventCode` ← `EventID`);
 * - every other name: the Sigma view of the event (EventData/System fields, dotted paths …).
 */
export interface SplunkView {
  readonly source: FieldSource<EventRecord>;
  /** Every field of the event as a result row (for the commands after the first search). */
  materialize(e: EventRecord): Row;
}

const TIME_FIELDS = ["SystemTime", "_time", "@timestamp", "timestamp", "UtcTime"].map((n) => sigmaField(n));

export function eventTime(value: unknown): number | undefined {
  for (const get of TIME_FIELDS) {
    const ms = toEpochMs(get(value));
    if (ms !== null) return ms / 1000;
  }
  return undefined;
}

export const rawText = (e: EventRecord): string => e.text ?? JSON.stringify(e.value);

export function splunkView(profile: Profile | null): SplunkView {
  const derived = derivedFields(profile);
  const field = (name: string): ((e: EventRecord) => unknown) => {
    if (name === "_raw") return rawText;
    if (name === "_time") return (e) => eventTime(e.value);
    const d = derived.get(name);
    if (d) return (e) => d(e.value);
    const get = sigmaField(name);
    return (e) => get(e.value);
  };
  return {
    source: { field, leaves: (e) => leaves(e.value), raw: rawText },
    materialize: (e) => {
      const row: Row = new Map();
      const t = eventTime(e.value);
      if (t !== undefined) row.set("_time", t);
      flattenEvent(e.value, row);
      for (const [name, get] of derived) {
        const v = toFieldValue(get(e.value));
        if (v !== undefined) row.set(name, v);
      }
      row.set("_raw", rawText(e));
      return row;
    },
  };
}

/** Profile-defined fields, by Splunk name: constants, view fields, reversed field-name mappings. */
function derivedFields(profile: Profile | null): Map<string, (v: unknown) => unknown> {
  const out = new Map<string, (v: unknown) => unknown>();
  if (!profile) return out;
  for (const [sigma, splunk] of Object.entries(profile.fieldNames)) if (!out.has(splunk)) out.set(splunk, sigmaField(sigma));
  for (const [splunk, sources] of Object.entries(profile.splunkView.fields)) {
    // An alias never hides the event's own field of that name: the event's value comes first.
    const getters = [splunk, ...sources].map((s) => sigmaField(s));
    out.set(splunk, (v) => {
      for (const g of getters) {
        const x = g(v);
        if (x !== undefined && x !== null) return x;
      }
      return undefined;
    });
  }
  for (const [name, value] of Object.entries(profile.splunkView.constants)) {
    const own = sigmaField(name);
    const fill = template(value);
    out.set(name, (v) => own(v) ?? fill(v));
  }
  return out;
}

/**
 * A constant of the view, where `{Field}` stands for that field of the event (`XmlWinEventLog:{Channel}`): the
 * constant is missing when a field it names is.
 */
function template(text: string): (v: unknown) => string | undefined {
  const names = [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return () => text;
  const getters = new Map(names.map((n) => [n, sigmaField(n)]));
  return (v) => {
    let missing = false;
    const filled = text.replace(/\{([^{}]+)\}/g, (_, n: string) => {
      const x = getters.get(n)!(v);
      if (x === undefined || x === null) missing = true;
      return String(x);
    });
    return missing ? undefined : filled;
  };
}

/** The Sigma-view fields of an event as row fields: Windows event-log JSON by element, other JSON by path. */
function flattenEvent(value: unknown, row: Row): void {
  if (!isRec(value)) return;
  const event = value.Event;
  if (isRec(event) && (isRec(event.System) || isRec(event.EventData))) {
    if (isRec(event.System)) flattenSystem(event.System, row);
    if (isRec(event.UserData)) {
      for (const inner of Object.values(event.UserData)) if (isRec(inner)) flattenPaths(inner, "", row);
    }
    if (isRec(event.EventData)) flattenPaths(event.EventData, "", row);
    return;
  }
  flattenPaths(value, "", row);
}

function flattenSystem(system: Record<string, unknown>, row: Row): void {
  for (const [k, v] of Object.entries(system)) {
    if (!isRec(v)) {
      setValue(row, k, v);
      continue;
    }
    const attrs = v["#attributes"];
    if (!isRec(attrs)) continue;
    for (const [a, x] of Object.entries(attrs)) {
      setValue(row, `${k}_${a}`, x);
      if (!row.has(a)) setValue(row, a, x);
    }
  }
}

function flattenPaths(obj: Record<string, unknown>, prefix: string, row: Row): void {
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (isRec(v)) flattenPaths(v, name, row);
    else if (Array.isArray(v) && v.some(isRec)) {
      for (const x of v) if (isRec(x)) flattenPaths(x, `${name}{}`, row);
    } else setValue(row, name, v);
  }
}

function setValue(row: Row, name: string, v: unknown): void {
  const fv = toFieldValue(v);
  if (fv === undefined) return;
  const prev = row.get(name);
  // Repeated paths (`a{}.b` over several objects) collect into a multivalue.
  row.set(name, prev === undefined || !name.includes("{}") ? fv : [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(fv) ? fv : [fv])]);
}

function toFieldValue(v: unknown): FieldValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) {
    const list = v.map(toFieldValue).flat().filter((x): x is Scalar => x !== undefined);
    return list.length === 0 ? undefined : list.length === 1 ? list[0]! : list;
  }
  return JSON.stringify(v);
}
