import type { EventRecord } from "../events/types.js";
import type { FieldSource } from "../ir/compile.js";

type Rec = Record<string, unknown>;

/**
 * The Sigma view of an event: how Sigma tools name its fields. A field name resolves, first hit wins, to
 *  1. a top-level key of that exact name (so flat events and keys holding dots work as they are);
 *  2. in Windows event-log JSON (`{"Event": {"System": …, "EventData": …}}`, the EVTX → JSON form of the
 *     sigma-regression corpus): `Event.EventData.<name>` (a data name with spaces also answers to the name
 *     without them: `Threat Name` is `ThreatName`), then `Event.System.<name>`, then an attribute of a
 *     System element — `<Element>_<Attr>` (`Provider_Name`) or the bare attribute name (`SystemTime`,
 *     `UserID`, `ProcessID`) — which is how evtx-based Sigma tools flatten these events;
 *  3. a dotted path into nested objects (`process.parent.name`).
 * Field names are case-sensitive, as in Sigma backends.
 */
export function sigmaField(name: string): (value: unknown) => unknown {
  const path = name.includes(".") ? name.split(".") : null;
  const attr = /^([A-Za-z]+)_([A-Za-z]+)$/.exec(name);
  return (value) => {
    const o = value as Rec;
    const own = o[name];
    if (own !== undefined && Object.hasOwn(o, name)) return own;
    const event = o.Event;
    if (typeof event === "object" && event !== null) {
      const found = windowsField(event as Rec, name, attr);
      if (found !== undefined) return found;
    }
    return path ? walk(o, path) : undefined;
  };
}

function windowsField(event: Rec, name: string, attr: RegExpExecArray | null): unknown {
  const data = event.EventData;
  if (isRec(data)) {
    if (Object.hasOwn(data, name)) return data[name];
    // Some providers (Defender: "Threat Name", "Process Name") name data with spaces; Sigma rules and the
    // evtx-based tools that flatten these events write them without (`ThreatName`).
    for (const key in data) if (key.includes(" ") && key.replaceAll(" ", "") === name) return data[key];
  }
  const user = event.UserData;
  if (isRec(user)) {
    for (const inner of Object.values(user)) if (isRec(inner) && Object.hasOwn(inner, name)) return inner[name];
  }
  const system = event.System;
  if (!isRec(system)) return undefined;
  if (Object.hasOwn(system, name)) {
    const v = system[name];
    return isRec(v) ? undefined : v;
  }
  if (attr) {
    const element = system[attr[1]!];
    const attrs = isRec(element) ? element["#attributes"] : undefined;
    if (isRec(attrs) && Object.hasOwn(attrs, attr[2]!)) return attrs[attr[2]!];
  }
  for (const element of Object.values(system)) {
    const attrs = isRec(element) ? element["#attributes"] : undefined;
    if (isRec(attrs) && Object.hasOwn(attrs, name)) return attrs[name];
  }
  return undefined;
}

function walk(o: unknown, path: readonly string[]): unknown {
  let cur = o;
  for (const key of path) {
    if (!isRec(cur) || !Object.hasOwn(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function isRec(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every leaf value at any depth (values, not keys; `#attributes` included): what a Sigma keyword searches. */
export function* leaves(v: unknown): Generator<unknown> {
  if (Array.isArray(v)) for (const x of v) yield* leaves(x);
  else if (isRec(v)) for (const x of Object.values(v)) yield* leaves(x);
  else if (v !== null && v !== undefined) yield v;
}

/** The Sigma view as a field source over records. */
export const SIGMA_VIEW: FieldSource<EventRecord> = {
  field(name) {
    const get = sigmaField(name);
    return (e) => get(e.value);
  },
  leaves: (e) => leaves(e.value),
  raw: (e) => e.text ?? JSON.stringify(e.value),
};

/** The Sigma view over bare JSON values (for the benchmark and tests). */
export const SIGMA_VALUE_VIEW: FieldSource<unknown> = {
  field: sigmaField,
  leaves,
  raw: (v) => JSON.stringify(v),
};
