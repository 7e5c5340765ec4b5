import { describe, expect, it } from "vitest";
import { loadLogsourceDefinitions } from "../../src/profiles/load.js";
import { dataSourceLoss } from "../../src/translate/data-source.js";

const defs = loadLogsourceDefinitions().value!;
const pipe = { product: "windows", category: "pipe_created" };

describe("data_source confirms the logsource", () => {
  it("agrees when an event ID is shared", () => {
    expect(dataSourceLoss(pipe, ["Sysmon EventID 17", "Sysmon EventID 18"], defs)).toBeNull();
  });

  it("reports a data_source that names other events", () => {
    expect(dataSourceLoss(pipe, ["Sysmon EventID 1"], defs)).toMatchObject({ code: "TR5004", path: "data_source" });
  });

  it("says nothing when either side names no Windows event ID", () => {
    expect(dataSourceLoss(pipe, ["Sysmon for Linux EventID 1", "CrowdStrike ProcessRollup2"], defs)).toBeNull();
    expect(dataSourceLoss({ product: "linux", category: "process_creation" }, ["Sysmon EventID 1"], defs)).toBeNull();
  });
});
