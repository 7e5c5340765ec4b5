import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS, filesUnder } from "../helpers/corpus.js";
import { runCli } from "../helpers/cli.js";

const SEED = "rules/rms-radmin-namedpipe/windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml";
const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("sigspl parse", () => {
  it("prints the seed detection's search as canonical SPL, one command per line with --pretty", () => {
    const r = runCli(["parse", SEED, "--pretty"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      '`sysmon` EventCode IN (17, 18) EventType IN ("CreatePipe", "ConnectPipe") PipeName IN ("\\\\RManFUSServerNotify32", "\\\\RManFUSCallbackNotify32", "\\\\RMSPrint*")',
    );
    expect(r.stdout.split("\n")[2]).toBe("| rename UserID as user");
  });

  it("expands macros with --expand", () => {
    const r = runCli(["parse", SEED, "--expand", "--macros", "rules/macros"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)');
    expect(r.stdout.trim().endsWith("| search *")).toBe(true);
  });

  it("prints the AST as JSON, from standard input", () => {
    const r = runCli(["parse", "--json"], "a=1 | stats count by b\n");
    expect(r.status).toBe(0);
    const [entry] = JSON.parse(r.stdout) as [{ file: string; ast: { type: string; stages: { type: string }[] } }];
    expect(entry.file).toBe("-");
    expect(entry.ast.stages.map((s) => s.type)).toEqual(["SearchCommand", "StatsCommand"]);
  });

  it.each([
    ["unterminated quote", 'a="x | stats count', "SPL1001", "-:1:3"],
    ["unbalanced parenthesis", "(a OR b | stats count", "SPL1002", "-:1:9"],
    ["pipe with no command", "a | | stats count", "SPL1002", "-:1:5"],
    ["10,000-deep nest", `${"(".repeat(10_000)}a${")".repeat(10_000)}`, "SPL1003", "-:1:101"],
    ["binary junk", "\u0000\u0001\u0002\"", "SPL1001", "-:1:"],
  ])("reports %s with a position and exit code 1, without a stack trace", (_name, input, code, where) => {
    const r = runCli(["parse"], input);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(where);
    noStackTrace(r.stderr);
  });

  it("reports an unknown macro and a wrong arity when expanding", () => {
    const unknown = runCli(["parse", "--expand"], "a `nope`");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("SPL2001");
    const arity = runCli(["parse", "--expand", "--macros", "rules/macros"], "a `sysmon(1)`");
    expect(arity.status).toBe(1);
    expect(arity.stderr).toContain("SPL2002");
    noStackTrace(arity.stderr);
  });

  it("keeps going after a bad file and still exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-parse-"));
    writeFileSync(join(dir, "a.spl"), "a=(");
    writeFileSync(join(dir, "b.spl"), "b=1 | table b");
    const r = runCli(["parse", dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("b=1 | table b");
    expect(r.stderr).toContain("a.spl:1:");
  });

  it("says so when a file does not exist", () => {
    const r = runCli(["parse", "no/such/file.spl"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no such file or folder: no/such/file.spl");
    noStackTrace(r.stderr);
  });
});

describe("sigspl fmt", () => {
  it("formats raw SPL, a detection's search and a savedsearches.conf; --check and --write", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-fmt-"));
    writeFileSync(join(dir, "a.spl"), "a=1   OR b=2  c | stats  count by x\n");
    writeFileSync(join(dir, "d.yml"), "name: D\nsearch: 'a   b'\nhow_to_implement: x\n");
    writeFileSync(join(dir, "s.conf"), "[one]\nsearch = a  b \\\n| table  a\ndescription = x\n");
    const check = runCli(["fmt", "--check", dir]);
    expect(check.status).toBe(1);
    expect(check.stdout.trim().split("\n")).toHaveLength(3);
    expect(runCli(["fmt", "--write", dir]).status).toBe(0);
    expect(readFileSync(join(dir, "a.spl"), "utf8")).toBe("(a=1 OR b=2) c | stats count by x\n");
    expect(readFileSync(join(dir, "d.yml"), "utf8")).toBe("name: D\nsearch: a b\nhow_to_implement: x\n");
    expect(readFileSync(join(dir, "s.conf"), "utf8")).toBe("[one]\nsearch = a b | table a\ndescription = x\n");
    expect(runCli(["fmt", "--check", dir]).status).toBe(0);
  });
});

describe("sigspl check", () => {
  it("passes parse and roundtrip for every Splunk detection of the corpus folder, translates or skips each, and verifies each translation", () => {
    const r = runCli(["check", join(CORPUS, "security_content/detections"), "--profile", "sysmon", "--macros", join(CORPUS, "security_content/macros"), "--json"]);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as {
      summary: { files: number; failed: number; checks: Record<string, { pass: number; fail: number; skip: number }> };
      results: { file: string; kind: string; checks: Record<string, string>; messages: unknown[] }[];
    };
    expect(report.summary.files).toBeGreaterThanOrEqual(filesUnder(join(CORPUS, "security_content/detections"), [".yml"]).length * 0.95);
    const { files, checks } = report.summary;
    // Only verify may fail (see below), and the exit code says whether anything did.
    expect(report.summary.failed).toBe(checks["verify"]!.fail);
    expect(r.status).toBe(report.summary.failed > 0 ? 1 : 0);
    expect(checks["parse"]).toEqual({ pass: files, fail: 0, skip: 0 });
    expect(checks["roundtrip"]).toEqual({ pass: files, fail: 0, skip: 0 });
    expect(checks["translate"]!.fail).toBe(0);
    expect(checks["translate"]!.pass + checks["translate"]!.skip).toBe(files);
    // Translations agree with their searches on generated events (484 of 484 judged when this was written); the
    // skips are the untranslated ones and the few the evaluator cannot judge exactly (a subsearch, a lookbehind).
    const verify = checks["verify"]!;
    expect(verify.fail).toBeLessThanOrEqual(Math.floor(verify.pass * 0.02));
    expect(verify.pass + verify.fail).toBeGreaterThanOrEqual(checks["translate"]!.pass * 0.95);
    expect(report.results[0]).toMatchObject({ file: expect.any(String), kind: "splunk-detection", checks: { parse: "pass", roundtrip: "pass", translate: expect.stringMatching(/^(pass|skip)$/) } });
  });

  it("reports each broken file with positioned messages and keeps going", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-check-"));
    writeFileSync(join(dir, "bad.spl"), "a | | b");
    writeFileSync(join(dir, "good.spl"), "a | table b");
    writeFileSync(join(dir, "bad.yml"), "name: x\nsearch: [");
    const r = runCli(["check", dir, "--json"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { files: number; failed: number }; results: { file: string; messages: { code: string; line?: number }[] }[] };
    expect(report.summary).toMatchObject({ files: 3, failed: 2 });
    const bad = report.results.find((x) => x.file.endsWith("bad.spl"))!;
    expect(bad.messages).toMatchObject([{ code: "SPL1002", line: 1, column: 5 }]);
    const yaml = report.results.find((x) => x.file.endsWith("bad.yml"))!;
    expect(yaml.messages).toMatchObject([{ code: "SPL3001" }]);
    expect(yaml.messages[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
