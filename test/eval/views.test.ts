import { describe, expect, it } from "vitest";
import { inMemoryEvents } from "../../src/eval/events/index.js";
import { sigmaField } from "../../src/eval/views/sigma.js";
import { splunkView } from "../../src/eval/views/splunk.js";
import { profile, readEventFile, SEED_EVENTS } from "./helpers/seed.js";

const WIN = {
  Event: {
    System: {
      Provider: { "#attributes": { Name: "Microsoft-Windows-Security-Auditing" } },
      EventID: 4688,
      Channel: "Security",
      TimeCreated: { "#attributes": { SystemTime: "2024-03-01T10:00:00.250Z" } },
      Security: { "#attributes": { UserID: "S-1-5-18" } },
    },
    EventData: { NewProcessName: "C:\\x.exe", "Threat Name": "EICAR", Channel: "shadowed" },
  },
};

describe("the Sigma view", () => {
  it.each([
    ["NewProcessName", "C:\\x.exe"],
    ["EventID", 4688],
    ["Provider_Name", "Microsoft-Windows-Security-Auditing"],
    ["UserID", "S-1-5-18"],
    ["SystemTime", "2024-03-01T10:00:00.250Z"],
    ["ThreatName", "EICAR"],
    ["Channel", "shadowed"],
    ["Event.System.Channel", "Security"],
    ["Missing", undefined],
    ["constructor", undefined],
  ])("resolves %s in Windows event-log JSON", (name, expected) => {
    expect(sigmaField(name)(WIN)).toEqual(expected);
  });

  it("resolves plain keys first, then dotted paths", () => {
    expect(sigmaField("a.b")({ "a.b": 1, a: { b: 2 } })).toBe(1);
    expect(sigmaField("a.b")({ a: { b: 2 } })).toBe(2);
    expect(sigmaField("a.b.c")({ a: { b: 2 } })).toBeUndefined();
  });
});

describe("the Splunk view (sysmon profile)", () => {
  const view = splunkView(profile("sysmon"));
  const seed = readEventFile(SEED_EVENTS).events;

  it("gives the add-on's fields: EventCode, dest, UserID, source, sourcetype, _time", () => {
    const row = view.materialize(seed[0]!);
    expect([row.get("EventCode"), row.get("dest"), row.get("UserID"), row.get("source"), row.get("sourcetype"), row.get("_time")]).toEqual([
      17, "WS01.corp.local", "S-1-5-18", "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", "xmlwineventlog", 1709287200,
    ]);
    expect(row.get("PipeName")).toBe("\\RManFUSServerNotify32");
  });

  it("has no dest without Computer", () => {
    expect(view.materialize(seed[8]!).has("dest")).toBe(false);
    expect(view.source.field("dest")(seed[8]!)).toBeUndefined();
  });

  it("keeps the record's text as _raw, and JSON text for in-memory events", () => {
    expect(view.materialize(seed[0]!).get("_raw")).toBe(seed[0]!.text);
    expect(view.materialize(inMemoryEvents([{ a: 1 }])[0]!).get("_raw")).toBe('{"a":1}');
  });

  it("reads _time with fractions of a second", () => {
    expect(view.source.field("_time")(inMemoryEvents([WIN])[0]!)).toBe(1709287200.25);
  });

  it("flattens non-Windows JSON by path, arrays of objects with {}", () => {
    const row = splunkView(null).materialize(inMemoryEvents([{ a: { b: 1 }, l: [1, 2], o: [{ x: "p" }, { x: "q" }], t: true }])[0]!);
    expect(Object.fromEntries([...row].filter(([k]) => k !== "_raw"))).toEqual({ "a.b": 1, l: [1, 2], "o{}.x": ["p", "q"], t: "true" });
  });
});
