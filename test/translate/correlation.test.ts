import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSpl } from "../../src/spl/parse.js";
import { convertSigmaFile } from "../../src/translate/convert.js";
import { PROJECT } from "../helpers/corpus.js";
import { profile } from "../helpers/sigma.js";

const file = join(PROJECT, "test/fixtures/correlation/brute_force.yml");
const results = convertSigmaFile(file, readFileSync(file, "utf8"), { profile: profile("splunk-windows"), to: "spl" });
const SECURITY = 'source="WinEventLog:Security"';

describe("correlation rules → SPL: sliding windows with streamstats", () => {
  it("converts every document of a multi-document file, resolving rules by name", () => {
    expect(results.map((r) => [r.ok, r.error])).toEqual(Array(7).fill([true, null]));
    for (const r of results) expect(parseSpl(r.output!).diagnostics).toEqual([]);
  });

  it.each([
    ["event_count", 2, `${SECURITY} EventCode=4625 | sort 0 +_time | streamstats time_window=5m count as correlation_value by IpAddress | where 'correlation_value'>=10`],
    ["temporal_ordered", 3, `| multisearch [search ${SECURITY} EventCode=4625 | eval sigma_rule="failed_logon"] [search ${SECURITY} EventCode=4624 | eval sigma_rule="successful_logon"] | sort 0 +_time | streamstats time_window=1h list(sigma_rule) as correlation_sequence by TargetUserName | eval correlation_value=if(match(mvjoin('correlation_sequence', ","), "(^|,)failed_logon,(.*,)?successful_logon(,|$)"), 2, 0) | where 'correlation_value'>=2`],
    ["value_count", 4, `${SECURITY} EventCode=4624 | sort 0 +_time | streamstats time_window=1d dc(WorkstationName) as correlation_value by TargetUserName | where 'correlation_value'>20`],
    ["temporal with aliases", 5, `| multisearch [search ${SECURITY} EventCode=4625 | eval src_host='IpAddress', sigma_rule="failed_logon"] [search ${SECURITY} EventCode=4624 | eval src_host='WorkstationName', sigma_rule="successful_logon"] | sort 0 +_time | streamstats time_window=10m dc(sigma_rule) as correlation_value by TargetUserName src_host | where 'correlation_value'>=2`],
    ["value_sum with a range", 6, `${SECURITY} EventCode=4624 | sort 0 +_time | streamstats time_window=1h sum(Bytes) as correlation_value by TargetUserName | where 'correlation_value'>1000 AND 'correlation_value'<=5000`],
  ])("%s", (_name, index, spl) => {
    expect(results[index]!.output).toBe(spl);
  });

  it("fails clearly when a referenced rule is not in the batch", () => {
    const text = "title: C\ncorrelation:\n    type: event_count\n    rules: [nowhere]\n    group-by: [a]\n    timespan: 5m\n    condition:\n        gte: 2\n";
    const [r] = convertSigmaFile("c.yml", text, { profile: profile("none"), to: "spl" });
    expect(r).toMatchObject({ ok: false, error: "c.yml: correlation refers to rules not given with it: nowhere" });
  });
});
