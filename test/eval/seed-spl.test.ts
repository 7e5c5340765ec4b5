import { describe, expect, it } from "vitest";
import { compileSplText, rowToObject, runSpl } from "../../src/eval/index.js";
import { macros, profile, readEventFile, SEED_EVENTS, seedSearch } from "./helpers/seed.js";

/**
 * The seed detection, expanded with rules/macros, on the sample Sysmon events. The rows are what Splunk would
 * return: one per (Image, EventType, ProcessId, PipeName, dest, UserID), sorted by those fields, the record
 * without Computer (no dest) dropped by stats, times formatted by `convert ctime` — in UTC (the evaluator's
 * time zone; Splunk would use the searching user's).
 */
describe("seed search on the sample events", () => {
  const RUT = "C:\\Program Files (x86)\\Remote Manipulator System\\rutserv.exe";
  const RFU = "C:\\Program Files (x86)\\Remote Manipulator System\\rfusclient.exe";
  const { events, diagnostics } = readEventFile(SEED_EVENTS);

  it("reads the ten sample records", () => {
    expect(diagnostics).toEqual([]);
    expect(events).toHaveLength(10);
  });

  it("returns the stats rows Splunk would return", () => {
    const compiled = compileSplText(seedSearch(), { macros: macros(), profile: profile("sysmon") });
    expect(compiled.diagnostics).toEqual([]);
    const { rows, matched } = runSpl(compiled.search!, events);
    expect(matched).toBe(6);
    expect(rows.map(rowToObject)).toEqual([
      { Image: RFU, EventType: "ConnectPipe", ProcessId: 5150, PipeName: "\\RMSPrint_7f3a", dest: "WS02.corp.local", user: "S-1-5-18", firstTime: "2024-03-01T11:30:00", lastTime: "2024-03-01T11:30:00", count: 1 },
      { Image: RFU, EventType: "CreatePipe", ProcessId: 5150, PipeName: "\\rmanfuscallbacknotify32", dest: "WS02.corp.local", user: "S-1-5-18", firstTime: "2024-03-01T11:31:00", lastTime: "2024-03-01T11:31:00", count: 1 },
      { Image: RUT, EventType: "ConnectPipe", ProcessId: 4242, PipeName: "\\RManFUSServerNotify32", dest: "WS01.corp.local", user: "S-1-5-18", firstTime: "2024-03-01T10:00:05", lastTime: "2024-03-01T10:00:05", count: 1 },
      { Image: RUT, EventType: "CreatePipe", ProcessId: 4242, PipeName: "\\RManFUSServerNotify32", dest: "WS01.corp.local", user: "S-1-5-18", firstTime: "2024-03-01T10:00:00", lastTime: "2024-03-01T10:05:00", count: 2 },
    ]);
    // Key order is part of Splunk's output: by-fields, then the aggregates, `user` where `UserID` stood.
    expect(Object.keys(rowToObject(rows[0]!))).toEqual(["Image", "EventType", "ProcessId", "PipeName", "dest", "user", "firstTime", "lastTime", "count"]);
  });

  it("keeps the record without dest when stats does not group by it", () => {
    const compiled = compileSplText("`sysmon` EventCode IN (17, 18) PipeName=\"\\\\RManFUSServerNotify32\" | stats count by EventType", { macros: macros(), profile: profile("sysmon") });
    const { rows } = runSpl(compiled.search!, events);
    expect(rows.map(rowToObject)).toEqual([{ EventType: "ConnectPipe", count: 1 }, { EventType: "CreatePipe", count: 3 }]);
  });
});
