import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLogsourceDefinitions, loadProfile, SHIPPED_PROFILES } from "../../src/profiles/load.js";
import { profileLogsource } from "../../src/translate/apply-profile.js";

describe("profiles", () => {
  it.each(SHIPPED_PROFILES)("ships a valid %s profile", (name) => {
    const p = loadProfile(name);
    expect(p.diagnostics).toEqual([]);
    expect(p.value?.name).toBe(name);
  });

  it("finds a logsource's prefix, first match wins", () => {
    const sysmon = loadProfile("sysmon").value!;
    expect(profileLogsource(sysmon, { product: "windows", category: "pipe_created" })?.search).toBe("`sysmon` EventCode IN (17, 18)");
    const windows = loadProfile("splunk-windows").value!;
    expect(profileLogsource(windows, { product: "windows", service: "security" })?.search).toBe('source="WinEventLog:Security"');
    expect(profileLogsource(windows, { product: "windows", category: "process_creation" })).toBeUndefined();
  });

  it("reports a broken profile file with the YAML path of each fault", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-profile-"));
    const file = join(dir, "mine.yml");
    writeFileSync(file, "name: mine\ndescription: x\nfield_names:\n  EventID: 7\nlogsources:\n  - search: x\n");
    const p = loadProfile(file);
    expect(p.value).toBeNull();
    expect(p.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["PRF1003", "field_names.EventID"],
      ["PRF1003", "logsources.0"],
    ]);
  });

  it("loads Sigma's logsource definitions: pipe_created is Sysmon 17 or 18", () => {
    const defs = loadLogsourceDefinitions().value!;
    const pipe = defs.find((d) => d.logsource.category === "pipe_created");
    expect(pipe?.conditions).toEqual({ EventID: [17, 18], Channel: ["Microsoft-Windows-Sysmon/Operational"] });
  });
});
