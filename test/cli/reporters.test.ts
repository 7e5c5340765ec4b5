import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

function fixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), "sigspl-reporters-"));
  writeFileSync(join(dir, "bad.spl"), "a | | b");
  writeFileSync(join(dir, "good.spl"), "a | table b");
  return dir;
}

describe("check reporters", () => {
  it("writes JUnit XML with one test case per file and check", () => {
    const r = runCli(["check", fixtures(), "--reporter", "junit"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites><testsuite name="sigspl check" tests="4" failures="1" skipped="1">/);
    expect(r.stdout).toMatch(/<testcase classname="[^"]*bad\.spl" name="parse"><failure message="unexpected &quot;\|&quot;: expected a command after `\|`"\/><\/testcase>/);
  });

  it("writes GitHub annotations with file, line and column", () => {
    const r = runCli(["check", fixtures(), "--reporter", "github"]);
    expect(r.stdout.trim()).toMatch(/^::error file=[^,]*bad\.spl,line=1,col=5,title=SPL1002::unexpected "\|": expected a command after `\|`$/);
  });

  it("writes SARIF 2.1.0 for code scanning", () => {
    const r = runCli(["check", fixtures(), "--reporter", "sarif"]);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.tool.driver.name).toBe("sigspl");
    expect(sarif.runs[0]!.results).toMatchObject([{ ruleId: "SPL1002", locations: [{ physicalLocation: { region: { startLine: 1 } } }] }]);
  });

  it("runs only the checks asked for, and refuses an unknown one", () => {
    const r = runCli(["check", fixtures(), "--checks", "parse", "--json"]);
    const report = JSON.parse(r.stdout) as { summary: { checks: Record<string, unknown> } };
    expect(Object.keys(report.summary.checks)).toEqual(["parse"]);
    const bad = runCli(["check", fixtures(), "--checks", "nope"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown check(s): nope");
  });
});
