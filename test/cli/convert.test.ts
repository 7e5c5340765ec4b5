import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const SEED = "rules/rms-radmin-namedpipe/windows_application_layer_protocol_rms_radmin_tool_namedpipe.sigma.yml";
const REGEX_RULE = "title: R\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    sel:\n        CommandLine|re: 'a+b'\n    k:\n        - evil\n    condition: sel or k\n";

describe("sigspl convert", () => {
  it("prints the seed rule's search with --profile sysmon", () => {
    const r = runCli(["convert", SEED, "--to", "spl", "--profile", "sysmon"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('`sysmon` EventCode IN (17, 18) EventType IN ("CreatePipe", "ConnectPipe") PipeName IN ("\\\\RManFUSServerNotify32", "\\\\RManFUSCallbackNotify32", "\\\\RMSPrint*")');
  });

  it("reports losses as data with --json, and fails them with --strict", () => {
    const r = runCli(["convert", "-", "--json"], REGEX_RULE);
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout) as { file: string; ok: boolean; output: string; losses: { code: string; path: string; message: string }[]; error: null }[];
    expect(result).toMatchObject({ file: "-", ok: true, error: null, losses: [{ code: "TR2001", path: "detection" }] });
    expect(result!.output).toBe("* | where match('CommandLine', \"a+b\") OR searchmatch(\"evil\")");
    const strict = runCli(["convert", "-", "--strict"], REGEX_RULE);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("TR2001");
  });

  it("writes a savedsearches stanza with the schedule from flags", () => {
    const r = runCli(["convert", SEED, "--to", "savedsearches", "--profile", "sysmon", "--cron", "*/15 * * * *"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("[Windows Application Layer Protocol RMS Radmin Tool Namedpipe]\n");
    expect(r.stdout).toContain("\nsearch = `sysmon` EventCode IN (17, 18)");
    expect(r.stdout).toContain("\ncron_schedule = */15 * * * *\n");
  });

  it("converts a folder into --out, one file per rule, and keeps going after a broken rule", () => {
    const src = mkdtempSync(join(tmpdir(), "sigspl-convert-src-"));
    const out = mkdtempSync(join(tmpdir(), "sigspl-convert-out-"));
    writeFileSync(join(src, "good.yml"), REGEX_RULE);
    writeFileSync(join(src, "bad.yml"), "title: B\nlogsource: {product: windows}\ndetection:\n    sel: {a: 1}\n    condition: sel or\n");
    const r = runCli(["convert", src, "--to", "splunk-yaml", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yml:5:\d+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual(["good.yml"]);
    const written = readFileSync(join(out, "good.yml"), "utf8");
    expect(written).toContain("name: R\n");
    expect(written.replace(/\n\s+/g, " ")).toContain("| stats min(_time) as firstTime max(_time) as lastTime count | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)` | `r_filter`");
  });

  it("converts raw SPL to Sigma with --to sigma, with metadata from flags", () => {
    const r = runCli(["convert", "-", "--to", "sigma", "--profile", "sysmon", "--title", "Evil pipes", "--author", "A. Analyst", "--id", "6d7c2f0e-2a44-4c1b-9d1e-3f1f0b6a1c11", "--date", "2026-12-04"], "`sysmon` EventCode IN (17, 18) PipeName=\"\\\\evil*\"");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("title: Evil pipes\nid: 6d7c2f0e-2a44-4c1b-9d1e-3f1f0b6a1c11\n");
    expect(r.stdout).toContain("author: A. Analyst\ndate: 2026-12-04\n");
    expect(r.stdout).toContain("logsource:\n    product: windows\n    category: pipe_created\n");
    expect(r.stdout).toContain("PipeName|startswith: '\\evil'");
  });

  it("names an unknown profile clearly", () => {
    const r = runCli(["convert", SEED, "--profile", "nope"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no profile named "nope"');
  });
});

describe("placeholder files for expand", () => {
  it("gives eval and convert the values of %placeholders%", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-placeholders-"));
    const rule = "title: Admins\nlogsource:\n    product: windows\n    service: security\ndetection:\n    selection:\n        EventID: 4624\n        TargetUserName|expand: '%admins%'\n    condition: selection\n";
    writeFileSync(join(dir, "rule.yml"), rule);
    writeFileSync(join(dir, "ph.yml"), "admins:\n  - root\n  - Administrator\n");
    writeFileSync(join(dir, "ev.ndjson"), '{"EventID":4624,"Channel":"Security","TargetUserName":"administrator"}\n{"EventID":4624,"Channel":"Security","TargetUserName":"bob"}\n');
    const evaluated = runCli(["eval", join(dir, "rule.yml"), "--events", join(dir, "ev.ndjson"), "--placeholders", join(dir, "ph.yml"), "--json"]);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ kind: "sigma", events: 2, matched: 1 });
    const converted = runCli(["convert", join(dir, "rule.yml"), "--placeholders", join(dir, "ph.yml")]);
    expect(converted.stdout.trim()).toBe('source="WinEventLog:Security" EventCode=4624 TargetUserName IN ("root", "Administrator")');
    const missing = runCli(["eval", join(dir, "rule.yml"), "--events", join(dir, "ev.ndjson"), "--placeholders", join(dir, "nope.yml")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read placeholders from");
  });
});
